import type { Metadata } from "next";
import { CatalogNewPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Add an issue" };
export const dynamic = "force-dynamic";

export default function NewIssuePage() {
  return <CatalogNewPage type="issue" />;
}
