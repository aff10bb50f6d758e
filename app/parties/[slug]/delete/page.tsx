import type { Metadata } from "next";
import { CatalogDeletePage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Delete a party" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function PartyDeletePage({ params }: Props) {
  return <CatalogDeletePage type="party" slug={(await params).slug} />;
}
