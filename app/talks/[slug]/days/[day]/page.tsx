import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReaderTimes } from "@/components/reader-times";
import { LiveUpdates } from "@/components/talk/live-updates";
import { DayNavigator } from "@/components/talk/day-navigator";
import { SourceNotes } from "@/components/talk/source-notes";
import { DayList, hasUndatedItems } from "@/components/timeline/day-list";
import { getLiveCursor } from "@/lib/data/live";
import { viewerCanEdit } from "@/lib/data/editing";
import { getTalkTimeline, getTalkTitle, UNDATED_DAY as UNDATED } from "@/lib/data/talks";
import { filtersToQuery, parseFilters } from "@/lib/timeline/filters";
import { formatLocalDay, isLocalDay } from "@/lib/time/local-day";

export const dynamic = "force-dynamic";


type Props = {
  params: Promise<{ slug: string; day: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, day } = await params;
  const title = day === UNDATED || isLocalDay(day) ? await getTalkTitle(slug) : null;
  if (!title) return { title: "Day not found" };
  return { title: `${day === UNDATED ? "Day not reported" : formatLocalDay(day)} · ${title}` };
}

/** One day of a talk, on its own page: the permalink an analyst sends a colleague. */
export default async function TalkDayPage({ params, searchParams }: Props) {
  const { slug, day } = await params;
  if (day !== UNDATED && !isLocalDay(day)) notFound();
  const filters = parseFilters(await searchParams);
  // Read first: live updates then start from a point no later than what the page shows.
  const since = await getLiveCursor(slug);
  const [data, editable] = await Promise.all([getTalkTimeline(slug, filters, { day }), viewerCanEdit()]);
  if (!data) notFound();
  const { days, undated } = data.timeline;
  const hasUndated = hasUndatedItems(data);
  const index = day === UNDATED ? (hasUndated ? days.length : -1) : days.findIndex((d) => d.day === day);
  if (index < 0) notFound();

  const query = filtersToQuery(filters);
  const dayPage = (d: string) => `/talks/${slug}/days/${d}${query}`;
  const thisDay = days[index];
  const prev = days[index - 1];
  const next = thisDay ? days[index + 1] : undefined;
  const items = thisDay
    ? [...thisDay.sessions.flatMap((g) => [g.session, ...g.statements]), ...thisDay.outside]
    : [...undated.sessions.flatMap((g) => [g.session, ...g.statements]), ...undated.statements];
  const cited = new Set(items.flatMap((x) => x.sources.map((s) => s.id)));
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/talks/${slug}${query}`}>{data.talk.title}</Link>
      </p>
      <h1>{thisDay ? `Day ${thisDay.number} · ${formatLocalDay(thisDay.day)}` : "Day not reported"}</h1>
      <p className="muted">
        {thisDay
          ? `A local day in ${data.talk.venueCity} (${data.talk.venueTimeZone}).`
          : "Sessions and statements recorded for this talk whose day the sources do not give."}
      </p>
      <nav className="pager" aria-label="Previous and next day">
        {prev ? (
          <Link href={dayPage(prev.day)} rel="prev">
            ← Day {prev.number} · {formatLocalDay(prev.day)}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={dayPage(next.day)} rel="next">
            Day {next.number} · {formatLocalDay(next.day)} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <div className="talk-layout">
        <DayNavigator days={days} hasUndated={hasUndated} dayHref={dayPage} current={thisDay?.day ?? UNDATED} />
        <div className="talk-layout__main">
          <DayList data={data} days={thisDay ? [thisDay] : []} showUndated={!thisDay} dayHref={dayPage} dayPage={dayPage} editBase={editable ? `/talks/${slug}` : undefined} />
          <SourceNotes sources={data.sources.filter((s) => cited.has(s.id))} />
        </div>
      </div>
      <ReaderTimes />
      <LiveUpdates slug={slug} since={since} />
    </>
  );
}
