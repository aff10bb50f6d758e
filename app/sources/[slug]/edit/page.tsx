import type { Metadata } from "next";
import { CatalogEditPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Edit a source" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function SourceEditPage({ params }: Props) {
  return <CatalogEditPage type="source" slug={(await params).slug} />;
}
