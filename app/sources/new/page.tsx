import type { Metadata } from "next";
import { CatalogNewPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Add a source" };
export const dynamic = "force-dynamic";

export default function NewSourcePage() {
  return <CatalogNewPage type="source" />;
}
