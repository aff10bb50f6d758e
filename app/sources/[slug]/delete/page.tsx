import type { Metadata } from "next";
import { CatalogDeletePage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Delete a source" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function SourceDeletePage({ params }: Props) {
  return <CatalogDeletePage type="source" slug={(await params).slug} />;
}
