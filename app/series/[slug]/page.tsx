import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProfileEditLinks } from "@/components/editing/profile-edit-links";
import { SeriesBody } from "@/components/series/series-view";
import { getSeriesPage } from "@/lib/data/series";
import { formatSpan, spanOf } from "@/lib/series/build";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await getSeriesPage((await params).slug);
  return { title: data?.series.name ?? "Series not found" };
}

/** A series: its rounds in order, then each issue round by round (docs/decisions/025-series.md). */
export default async function SeriesPage({ params }: Props) {
  const { slug } = await params;
  const data = await getSeriesPage(slug);
  if (!data) notFound();
  const { series, rounds } = data;
  const span = spanOf(rounds);
  return (
    <>
      <header className="profile-header">
        <p className="profile-header__kind">Series</p>
        <h1>{series.name}</h1>
        <ProfileEditLinks base={`/series/${series.slug}`} newHref="/series/new" newLabel="Add a series" />
        {series.description && <p className="profile-header__summary">{series.description}</p>}
        <p className="muted small">
          {rounds.length} {rounds.length === 1 ? "round" : "rounds"} recorded
          {span ? `, ${formatSpan(span)}` : ""}. <Link href="/series">All series</Link>
        </p>
      </header>
      <SeriesBody data={data} />
    </>
  );
}
