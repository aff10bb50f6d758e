import type { Metadata } from "next";
import { CatalogEditPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Edit a party" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function PartyEditPage({ params }: Props) {
  return <CatalogEditPage type="party" slug={(await params).slug} />;
}
