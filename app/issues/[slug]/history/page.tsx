import type { Metadata } from "next";
import { CatalogHistoryPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "History of an issue" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function IssueHistoryPage({ params }: Props) {
  return <CatalogHistoryPage type="issue" slug={(await params).slug} />;
}
