import type { Metadata } from "next";
import { CatalogEditPage } from "@/components/editing/catalog-pages";

export const metadata: Metadata = { title: "Edit a envoy" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export default async function EnvoyEditPage({ params }: Props) {
  return <CatalogEditPage type="envoy" slug={(await params).slug} />;
}
