import type { Metadata } from "next";
import { CatalogNewPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Add a envoy" };
export const dynamic = "force-dynamic";

export default function NewEnvoyPage() {
  return <CatalogNewPage type="envoy" />;
}
