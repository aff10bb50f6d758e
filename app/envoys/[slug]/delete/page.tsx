import type { Metadata } from "next";
import { CatalogDeletePage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Delete a envoy" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function EnvoyDeletePage({ params }: Props) {
  return <CatalogDeletePage type="envoy" slug={(await params).slug} />;
}
