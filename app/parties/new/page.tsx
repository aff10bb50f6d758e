import type { Metadata } from "next";
import { CatalogNewPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Add a party" };
export const dynamic = "force-dynamic";

export default function NewPartyPage() {
  return <CatalogNewPage type="party" />;
}
