import type { Metadata } from "next";
import { CatalogEditPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Edit an issue" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function IssueEditPage({ params }: Props) {
  return <CatalogEditPage type="issue" slug={(await params).slug} />;
}
