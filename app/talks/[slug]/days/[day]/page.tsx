import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReaderTimes } from "@/components/reader-times";
import { DayNavigator } from "@/components/talk/day-navigator";
import { SourceNotes } from "@/components/talk/source-notes";
import { DayList } from "@/components/timeline/day-list";
import { getTalkTimeline } from "@/lib/data/talks";
import { filtersToQuery, parseFilters } from "@/lib/timeline/filters";
import { formatLocalDay, isLocalDay } from "@/lib/time/local-day";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; day: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, day } = await params;
  const data = isLocalDay(day) ? await getTalkTimeline(slug) : null;
  return { title: data ? `${formatLocalDay(day)} · ${data.talk.title}` : "Day not found" };
}

/** One day of a talk, on its own page: the permalink an analyst sends a colleague. */
export default async function TalkDayPage({ params, searchParams }: Props) {
  const { slug, day } = await params;
  if (!isLocalDay(day)) notFound();
  const filters = parseFilters(await searchParams);
  const data = await getTalkTimeline(slug, filters);
  const days = data?.timeline.days ?? [];
  const index = days.findIndex((d) => d.day === day);
  if (!data || index < 0) notFound();
  const query = filtersToQuery(filters);
  const dayHref = (d: string) => (d === "unknown" ? `/talks/${slug}${query}#day-unknown` : `/talks/${slug}/days/${d}${query}`);
  const prev = days[index - 1];
  const next = days[index + 1];
  const thisDay = days[index]!;
  const cited = new Set(
    [...thisDay.sessions.flatMap((g) => [g.session, ...g.statements]), ...thisDay.outside].flatMap((x) => x.sources.map((s) => s.id)),
  );
  const { undated } = data.timeline;
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/talks/${slug}${query}#day-${day}`}>{data.talk.title}</Link>
      </p>
      <h1>
        Day {thisDay.number} · {formatLocalDay(day)}
      </h1>
      <p className="muted">
        A local day in {data.talk.venueCity} ({data.talk.venueTimeZone}).
      </p>
      <nav className="pager" aria-label="Previous and next day">
        {prev ? <Link href={dayHref(prev.day)} rel="prev">← Day {prev.number} · {formatLocalDay(prev.day)}</Link> : <span />}
        {next ? <Link href={dayHref(next.day)} rel="next">Day {next.number} · {formatLocalDay(next.day)} →</Link> : <span />}
      </nav>
      <div className="talk-layout">
        <DayNavigator days={days} hasUndated={undated.sessions.length + undated.statements.length > 0} dayHref={dayHref} current={day} />
        <div className="talk-layout__main">
          <DayList data={data} days={[thisDay]} showUndated={false} dayHref={dayHref} />
          <SourceNotes sources={data.sources.filter((s) => cited.has(s.id))} />
        </div>
      </div>
      <ReaderTimes />
    </>
  );
}
