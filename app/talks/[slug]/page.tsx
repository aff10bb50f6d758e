import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ReaderTimes } from "@/components/reader-times";
import { AsOfBanner, ChangesBanner, MomentNotice } from "@/components/talk/as-of-banner";
import { formatMoment, readMoment } from "@/lib/time/moment";
import { LiveUpdates } from "@/components/talk/live-updates";
import { ConvergenceStrip } from "@/components/talk/convergence-strip";
import { DayIndexNav } from "@/components/talk/day-index";
import { FilterForm } from "@/components/talk/filter-form";
import { LinkageList } from "@/components/talk/linkage-list";
import { OverviewBand } from "@/components/talk/overview-band";
import { EmbedCode } from "@/components/talk/embed-code";
import { SourceNotes } from "@/components/talk/source-notes";
import { TalkHeader } from "@/components/talk/talk-header";
import { EditorTools } from "@/components/timeline/editor-tools";
import { MoreDays } from "@/components/timeline/more-days";
import { timelineContext, windowHref, windowLabel, withNextDay } from "@/components/timeline/timeline-context";
import { isEmptyWindow, TimelineDays } from "@/components/timeline/timeline-days";
import { viewerCanEdit } from "@/lib/data/editing";
import { getTalkLinkages } from "@/lib/data/linkages";
import { getTalkSeries } from "@/lib/data/series";
import { getTalk, getTalkPage } from "@/lib/data/talks";
import { getEnv } from "@/lib/env";
import { getTalkCursor } from "@/lib/live/changes";
import { jsonLdScript, statementsOf, talkJsonLd } from "@/lib/structured-data";
import { formatDayRange } from "@/lib/time/local-day";
import { filtersToQuery, parseFilters, parseFrom, type TimelineFilters } from "@/lib/timeline/filters";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const talk = await getTalk((await params).slug);
  if (!talk) return { title: "Talk not found" };
  // What a shared link previews (OpenGraph; docs/decisions/018-embed-and-structured-data.md).
  const description = talk.summary || `${talk.venueCity}, ${formatDayRange(talk.firstDay, talk.lastDay)}: the talks day by day, with sources.`;
  const url = `${getEnv().auth.baseUrl}/talks/${talk.slug}`;
  return {
    title: talk.title,
    description,
    // Feed readers find the talk's Atom feed from the page.
    alternates: { canonical: url, types: { "application/atom+xml": [{ url: `/talks/${talk.slug}/feed.xml`, title: `${talk.title}: new statements` }] } },
    openGraph: { type: "website", siteName: "Parley", title: talk.title, description, url },
    twitter: { card: "summary", title: talk.title, description },
  };
}

export default async function TalkPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const filters = parseFilters(query);
  const from = parseFrom(query);
  // The filter form is a plain GET form, which also sends the filters left at "all": answer
  // with the short URL an analyst would want to share.
  const filterQuery = filtersToQuery(filters);
  // "As known on" (docs/decisions/023-as-known-on.md) travels with every link the view makes.
  const asOfParam = typeof query.asOf === "string" && query.asOf !== "" ? query.asOf : null;
  const sinceParam = typeof query.since === "string" && query.since !== "" ? query.since : null;
  const moments = new URLSearchParams({ ...(asOfParam ? { asOf: asOfParam } : {}), ...(sinceParam ? { since: sinceParam } : {}) }).toString();
  const canonical = moments ? `${filterQuery ? `${filterQuery}&` : "?"}${moments}` : filterQuery;
  const canonicalWithFrom = from ? `${canonical ? `${canonical}&` : "?"}from=${from}` : canonical;
  if (Object.keys(query).length > 0 && `?${new URLSearchParams(query as Record<string, string>)}` !== canonicalWithFrom) {
    redirect(`/talks/${slug}${canonicalWithFrom}`);
  }
  // A missing talk is a 404, decided before anything is sent.
  const talk = await getTalk(slug);
  if (!talk) notFound();
  if (asOfParam) {
    const moment = readMoment(asOfParam, talk.venueTimeZone, new Date());
    const nowHref = `/talks/${slug}${filterQuery}`;
    if (!moment.ok) return <MomentNotice message={moment.message} nowHref={nowHref} />;
    if (!moment.future) {
      return (
        <>
          <AsOfBanner moment={formatMoment(moment.instant, talk.venueTimeZone, talk.venueCity)} nowHref={nowHref} />
          <TalkContent slug={slug} filters={filters} from={from} canonical={canonical} since={null} asOf={moment.instant} />
        </>
      );
    }
    // A moment still to come is now: the record as it stands, said so, and editable as ever.
    return (
      <>
        <AsOfBanner moment="" nowHref={nowHref} future />
        <TalkContent slug={slug} filters={filters} from={from} canonical={canonical} since={await getTalkCursor(talk)} asOf={null} />
      </>
    );
  }
  let changesSince: { instant: Date; label: string } | null = null;
  if (sinceParam) {
    const moment = readMoment(sinceParam, talk.venueTimeZone, new Date());
    if (!moment.ok) return <MomentNotice message={moment.message} nowHref={`/talks/${slug}${filterQuery}`} />;
    changesSince = { instant: moment.instant, label: formatMoment(moment.instant, talk.venueTimeZone, talk.venueCity) };
  }
  // Read first: live updates then start from a point no later than what the page shows.
  const since = await getTalkCursor(talk);
  if (changesSince) return <TalkContent slug={slug} filters={filters} from={from} canonical={canonical} since={since} asOf={null} changesSince={changesSince} />;
  // Sent whole, not behind a Suspense boundary: the talk's reads are kept in memory (a few ms),
  // and React reveals a streamed boundary only after a pause meant to avoid flicker (≈ 0.3 s here
  // after the frame had painted), so the days would show later, not sooner. Whole, the browser
  // also finds the day a link names (`?from=…#day-…`) and scrolls to it as it reads the page.
  return <TalkContent slug={slug} filters={filters} from={from} canonical={canonical} since={since} asOf={null} />;
}

async function TalkContent({
  slug,
  filters,
  from,
  canonical,
  since,
  asOf,
  changesSince,
}: {
  slug: string;
  filters: TimelineFilters;
  from: string | null;
  canonical: string;
  since: string | null;
  /** The moment shown, rebuilt from revisions (read-only); null: now. */
  asOf: Date | null;
  /** "What changed since": the moment, and how the banner names it. */
  changesSince?: { instant: Date; label: string } | null;
}) {
  const editor = viewerCanEdit();
  const [data, canEdit, requestHeaders] = await Promise.all([
    // What changed since a moment: editors also see the rows deleted since, where they stood.
    changesSince ? editor.then((withDeleted) => getTalkPage(slug, filters, from, asOf, { since: changesSince.instant, withDeleted })) : getTalkPage(slug, filters, from, asOf),
    editor,
    headers(),
  ]);
  if (!data) notFound();
  const changes = data.changes ?? null;
  // The past cannot be edited: an as-of view hides every editing control.
  const editable = canEdit && asOf === null;
  const linkages = await getTalkLinkages(data.talk.id);
  const { window } = data;
  const site = getEnv().auth.baseUrl;
  const moments = new URLSearchParams(canonical);
  const ctx = withNextDay(timelineContext(data, editable, { asOf: moments.get("asOf"), since: moments.get("since") }), data.talk, window);
  const shown = { first: window.first, last: window.last };
  const onPage = (day: string) => shown.first !== null && shown.last !== null && day >= shown.first && day <= shown.last;
  // Relative ("?from=…#day-…"): a long talk's index holds hundreds of these.
  const dayHref = (day: string) => (onPage(day) ? `#day-${day}` : windowHref("", canonical, day));
  return (
    <>
      {changes && changesSince && <ChangesBanner byKind={changes.byKind} label={changesSince.label} withDeleted={canEdit} historyHref={`/talks/${slug}/history`} nowHref={`/talks/${slug}${filtersToQuery(filters)}`} />}
      <TalkHeader data={data} editable={editable} printHref={`/talks/${slug}/print${canonical}`} series={await getTalkSeries(data.talk.id)} />
      <LinkageList talk={data.talk} linkages={linkages} editable={editable} />
      <OverviewBand slug={slug} parties={data.parties} issues={data.issues} dayHref={dayHref} asOf={asOf} />
      <ConvergenceStrip
        rows={data.convergence}
        partial={window.previous !== null || window.next !== null}
        dayHref={dayHref}
        assessHref={editable ? (issue, day) => `/talks/${slug}/assessments/new?day=${day}&issue=${issue}` : undefined}
      />
      <div className="talk-layout">
        <DayIndexNav index={data.index} dayHref={dayHref} shown={shown} />
        <div className="talk-layout__main">
          <FilterForm action={`/talks/${slug}`} asOf={asOf ? (new URLSearchParams(canonical).get("asOf") ?? undefined) : undefined} filters={filters} facets={data.facets} shown={data.shown} totals={data.totals} />
          {window.previous && (
            <p className="timeline__more timeline__more--earlier no-print">
              <a href={windowHref(ctx.talkPath, canonical, window.previous)}>Earlier days, from {windowLabel(window.previous)}</a>
            </p>
          )}
          <ol className="timeline" aria-label="Days of the talk">
            <TimelineDays content={window} ctx={ctx} />
          </ol>
          {isEmptyWindow(window) && <p className="muted">Nothing is recorded for this talk yet.</p>}
          {window.next && <MoreDays slug={slug} query={canonical} next={window.next} nextLabel={windowLabel(window.next)!} />}
          <SourceNotes sources={data.sources} />
          <EmbedCode site={site} slug={slug} title={data.talk.title} />
        </div>
      </div>
      {/* The talk and the statements shown, for search engines and other readers of schema.org. */}
      {/* A data block, never run; it carries the nonce all the same, like every script element here. */}
      <script type="application/ld+json" nonce={requestHeaders.get("x-nonce") ?? undefined} dangerouslySetInnerHTML={{ __html: jsonLdScript(talkJsonLd(data, statementsOf(window), data.sources, site)) }} />
      <ReaderTimes />
      {asOf === null && <LiveUpdates slug={slug} since={since} />}
      {editable && <EditorTools />}
    </>
  );
}
