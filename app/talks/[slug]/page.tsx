import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { Suspense } from "react";
import { ReaderTimes } from "@/components/reader-times";
import { LiveUpdates } from "@/components/talk/live-updates";
import { ConvergenceStrip } from "@/components/talk/convergence-strip";
import { DayNavigator } from "@/components/talk/day-navigator";
import { FilterForm } from "@/components/talk/filter-form";
import { SourceNotes } from "@/components/talk/source-notes";
import { TalkHeader } from "@/components/talk/talk-header";
import { DayList, hasUndatedItems } from "@/components/timeline/day-list";
import { getLiveCursor } from "@/lib/data/live";
import { viewerCanEdit } from "@/lib/data/editing";
import { getTalkTimeline, getTalkTitle } from "@/lib/data/talks";
import { filtersToQuery, parseFilters, type TimelineFilters } from "@/lib/timeline/filters";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTalkTitle((await params).slug)) ?? "Talk not found" };
}

export default async function TalkPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const filters = parseFilters(query);
  // The filter form is a plain GET form, which also sends the filters left at "all": answer
  // with the short URL an analyst would want to share.
  const canonical = filtersToQuery(filters);
  if (Object.keys(query).length > 0 && `?${new URLSearchParams(query as Record<string, string>)}` !== canonical) {
    redirect(`/talks/${slug}${canonical}`);
  }
  // A missing talk is a 404, decided before anything is sent.
  const title = await getTalkTitle(slug);
  if (title === null) notFound();
  // Read first: live updates then start from a point no later than what the page shows.
  const since = await getLiveCursor(slug);
  // The page's frame and title go out at once; the timeline (the long read) follows in the same
  // response as soon as it is ready.
  return (
    <Suspense
      fallback={
        <header className="talk-header">
          <h1>{title}</h1>
          <p className="muted" role="status">
            Loading the timeline…
          </p>
        </header>
      }
    >
      <TalkContent slug={slug} filters={filters} canonical={canonical} since={since} />
    </Suspense>
  );
}

async function TalkContent({ slug, filters, canonical, since }: { slug: string; filters: TimelineFilters; canonical: string; since: string | null }) {
  const [data, editable] = await Promise.all([getTalkTimeline(slug, filters, "budget"), viewerCanEdit()]);
  if (!data) notFound();
  const { days } = data.timeline;
  return (
    <>
      <TalkHeader data={data} editable={editable} printHref={`/talks/${slug}/print${canonical}`} />
      <ConvergenceStrip
        rows={data.convergence}
        firstDay={data.talk.firstDay}
        dayHref={(day) => `#day-${day}`}
        assessHref={editable ? (issue, day) => `/talks/${slug}/assessments/new?day=${day}&issue=${issue}` : undefined}
      />
      <div className="talk-layout">
        <DayNavigator days={days} hasUndated={hasUndatedItems(data)} dayHref={(day) => `#day-${day}`} />
        <div className="talk-layout__main">
          <FilterForm action={`/talks/${slug}`} filters={filters} facets={data.facets!} shown={data.shown} totals={data.totals} />
          <DayList
            data={data}
            dayHref={(day) => `/talks/${slug}/days/${day}${canonical}`}
            dayPage={(day) => `/talks/${slug}/days/${day}${canonical}`}
            editBase={editable ? `/talks/${slug}` : undefined}
          />
          <SourceNotes sources={data.sources} />
        </div>
      </div>
      <ReaderTimes />
      <LiveUpdates slug={slug} since={since} />
    </>
  );
}
