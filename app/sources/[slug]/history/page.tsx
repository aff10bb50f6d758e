import type { Metadata } from "next";
import { CatalogHistoryPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "History of a source" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function SourceHistoryPage({ params }: Props) {
  return <CatalogHistoryPage type="source" slug={(await params).slug} />;
}
