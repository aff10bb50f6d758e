import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ReaderTimes } from "@/components/reader-times";
import { AsOfBanner, ChangesBanner, MomentNotice } from "@/components/talk/as-of-banner";
import { LiveUpdates } from "@/components/talk/live-updates";
import { DayIndexNav } from "@/components/talk/day-index";
import { SourceNotes } from "@/components/talk/source-notes";
import { EditorTools } from "@/components/timeline/editor-tools";
import { queryWithMoments, timelineContext, windowHref } from "@/components/timeline/timeline-context";
import { StatementList } from "@/components/timeline/statement-list";
import { TimelineDays } from "@/components/timeline/timeline-days";
import { DayEditLinks } from "@/components/timeline/edit-links";
import { viewerCanEdit } from "@/lib/data/editing";
import { plural } from "@/lib/labels";
import { markChanges } from "@/lib/data/changes-since";
import { getTalk, getTalkDay, getTalkDayChangesSince, UNDATED_DAY as UNDATED } from "@/lib/data/talks";
import { getTalkCursor } from "@/lib/live/changes";
import { dayNumberIn } from "@/lib/timeline/day-runs";
import { filtersToQuery, parseFilters } from "@/lib/timeline/filters";
import { formatLocalDay, isLocalDay } from "@/lib/time/local-day";
import { formatMoment, readMoment } from "@/lib/time/moment";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; day: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, day } = await params;
  const talk = day === UNDATED || isLocalDay(day) ? await getTalk(slug) : null;
  if (!talk) return { title: "Day not found" };
  return { title: `${day === UNDATED ? "Day not reported" : formatLocalDay(day)} · ${talk.title}` };
}

/**
 * One day of a talk, on its own page: the permalink an analyst sends a colleague. `?asOf=` shows
 * the day as known on a moment, read-only; `?since=` tags what changed on it since a moment
 * (docs/decisions/026-as-known-on-days-and-issues.md), as the talk page does.
 */
export default async function TalkDayPage({ params, searchParams }: Props) {
  const { slug, day } = await params;
  if (day !== UNDATED && !isLocalDay(day)) notFound();
  const search = await searchParams;
  const filters = parseFilters(search);
  const talk = await getTalk(slug);
  if (!talk) notFound();
  const filterQuery = filtersToQuery(filters);
  const nowHref = `/talks/${slug}/days/${day}${filterQuery}`;
  const asOfParam = typeof search.asOf === "string" && search.asOf !== "" ? search.asOf : null;
  const sinceParam = typeof search.since === "string" && search.since !== "" ? search.since : null;
  // The moment shown (null: now), and the banner that names it.
  let asOf: Date | null = null;
  let asOfBanner: ReactNode = null;
  let changesSince: { instant: Date; label: string } | null = null;
  if (asOfParam) {
    const moment = readMoment(asOfParam, talk.venueTimeZone, new Date());
    if (!moment.ok) return <MomentNotice message={moment.message} nowHref={nowHref} />;
    // A moment still to come is now: the day as it stands, said so, and editable as ever.
    if (!moment.future) asOf = moment.instant;
    asOfBanner = <AsOfBanner moment={moment.future ? "" : formatMoment(moment.instant, talk.venueTimeZone, talk.venueCity)} nowHref={nowHref} future={moment.future} />;
  } else if (sinceParam) {
    const moment = readMoment(sinceParam, talk.venueTimeZone, new Date());
    if (!moment.ok) return <MomentNotice message={moment.message} nowHref={nowHref} />;
    changesSince = { instant: moment.instant, label: formatMoment(moment.instant, talk.venueTimeZone, talk.venueCity) };
  }
  // Read first: live updates then start from a point no later than what the page shows.
  const since = asOf ? null : await getTalkCursor(talk);
  const [data, canEdit, changes] = await Promise.all([
    getTalkDay(slug, filters, day, asOf),
    viewerCanEdit(),
    changesSince ? getTalkDayChangesSince(slug, day, changesSince.instant) : Promise.resolve(null),
  ]);
  if (!data) notFound();
  // The past cannot be edited: an as-of view hides every editing control.
  const editable = canEdit && asOf === null;

  // Every link the page makes keeps its moments (the filters', the talk's, the other days').
  const moments = { asOf: asOfParam, since: sinceParam };
  const query = queryWithMoments(filterQuery, moments);
  const dayPage = (d: string) => `/talks/${slug}/days/${d}${query}`;
  const ctx = timelineContext(data, editable, moments);
  const title = (d: string) => (d === UNDATED ? "Day not reported" : `Day ${dayNumberIn(data.talk, d).toLocaleString("en-GB")} · ${formatLocalDay(d)}`);
  const nothing = data.day.slots.length === 0 && data.day.undated === null;
  const content = changes ? markChanges(data.day, changes) : data.day;
  // The statements reported on the day are tagged as the day's own (markChanges reads a window).
  const reported = changes ? (markChanges({ ...data.day, slots: [], undated: { sessions: [], statements: data.reported } }, changes).undated?.statements ?? []) : data.reported;
  // Said on a day not known, reported on this one: listed apart, each linking to its own place.
  const undatedPage = `/talks/${slug}/days/${UNDATED}${query}`;
  return (
    <>
      {asOfBanner}
      {changes && changesSince && (
        <ChangesBanner byKind={changes.byKind} label={changesSince.label} scope="this day" withDeleted={canEdit} historyHref={`/talks/${slug}/history`} nowHref={nowHref} />
      )}
      <p className="breadcrumb">
        <Link href={`/talks/${slug}${query}`}>{data.talk.title}</Link>
      </p>
      <h1>{title(day)}</h1>
      <p className="muted">
        {day !== UNDATED
          ? `A local day in ${data.talk.venueCity} (${data.talk.venueTimeZone}).`
          : "Sessions and statements recorded for this talk whose day the sources do not give."}{" "}
        {day !== UNDATED && <a href={windowHref(`/talks/${slug}`, query, day)}>See it on the timeline</a>}
      </p>
      <nav className="pager" aria-label="Previous and next day">
        {data.previous ? (
          <Link href={dayPage(data.previous)} rel="prev">
            ← {title(data.previous)}
          </Link>
        ) : (
          <span />
        )}
        {data.next ? (
          <Link href={dayPage(data.next)} rel="next">
            {title(data.next)} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <div className="talk-layout">
        <DayIndexNav index={data.index} dayHref={dayPage} shown={{ first: null, last: null }} current={day} />
        <div className="talk-layout__main">
          {nothing ? (
            <div id={`day-${day}`} className="day">
              <p className="day__empty">
                {ctx.filtered ? "Nothing on this day matches the filters." : asOf ? "No session or statement was recorded for this day yet at that moment." : "No session or statement recorded for this day."}
              </p>
              {editable && <DayEditLinks base={ctx.talkPath} day={day} label={day === UNDATED ? "the undated items" : `day ${dayNumberIn(data.talk, day)}`} />}
            </div>
          ) : (
            <ol className="timeline" aria-label="This day">
              <TimelineDays content={content} ctx={ctx} />
            </ol>
          )}
          {reported.length > 0 && (
            <section className="reported-on" aria-labelledby="reported-on-heading">
              <h2 id="reported-on-heading" className="group-heading">
                Reported this day, said on a day not known ({plural(reported.length, "statement")})
              </h2>
              <p className="muted small">
                The sources report these on {formatLocalDay(day)} without saying on which day they were said; they are listed with the talk’s{" "}
                <Link href={undatedPage}>undated items</Link>.
              </p>
              <StatementList statements={reported} timeZone={ctx.timeZone} parties={ctx.parties} page={undatedPage} editBase={ctx.editable ? ctx.talkPath : undefined} query={ctx.query} />
            </section>
          )}
          <SourceNotes sources={data.sources} />
        </div>
      </div>
      <ReaderTimes />
      {since !== null && <LiveUpdates slug={slug} since={since} />}
      {editable && <EditorTools />}
    </>
  );
}
