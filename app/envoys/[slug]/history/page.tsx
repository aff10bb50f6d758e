import type { Metadata } from "next";
import { CatalogHistoryPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "History of a envoy" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function EnvoyHistoryPage({ params }: Props) {
  return <CatalogHistoryPage type="envoy" slug={(await params).slug} />;
}
