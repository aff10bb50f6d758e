import type { Metadata } from "next";
import { CatalogDeletePage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Delete an issue" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function IssueDeletePage({ params }: Props) {
  return <CatalogDeletePage type="issue" slug={(await params).slug} />;
}
