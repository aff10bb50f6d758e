import type { Metadata } from "next";
import { CatalogHistoryPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "History of a party" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function PartyHistoryPage({ params }: Props) {
  return <CatalogHistoryPage type="party" slug={(await params).slug} />;
}
