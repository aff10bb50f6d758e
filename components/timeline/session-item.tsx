import type { TimelineSession, TimelineStatement } from "@/lib/data/talks";
import { SESSION_KIND_LABEL } from "@/lib/labels";
import { sessionSpan } from "@/lib/time/session-times";
import { OutcomeBadge } from "../badges";
import { VenueTime } from "../venue-time";
import { ChangeTag } from "./change-tag";
import { SessionEditLinks } from "./edit-links";
import { IssueLinks } from "./issue-links";
import { SourceList } from "./source-list";
import { StatementList } from "./statement-list";

export function SessionItem({
  session: s,
  statements,
  timeZone,
  parties,
  page,
  editBase,
  query,
}: {
  page: string;
  /** The page's query ("" or "?…"): the issue links keep an "as known on" moment. */
  query?: string;
  /** The talk's path, for editors: adds the session's editing links. */
  editBase?: string;
  session: TimelineSession;
  statements: TimelineStatement[];
  timeZone: string;
  /** Party slugs in the talk's order. */
  parties: string[];
}) {
  return (
    <li id={`session-${s.id}`} className="session">
      <div className="session__head">
        <h4>{s.title}</h4>
        {s.startsAt && <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} timeZone={timeZone} />}
        <span className="badge badge--outline">{s.kind ? SESSION_KIND_LABEL[s.kind] : "Kind not reported"}</span>
        <OutcomeBadge outcome={s.outcome} />
        <ChangeTag change={s.change} />
      </div>
      {s.summary && <p className="session__summary">{s.summary}</p>}
      {s.outcomeNote && <p className="session__note">{s.outcomeNote}</p>}
      <p className="statement__foot">
        <IssueLinks issues={s.issues} query={query} />
        <SourceList sources={s.sources} />
      </p>
      {editBase && <SessionEditLinks base={editBase} id={s.id} day={s.localDay} title={s.title} />}
      {statements.length > 0 && <StatementList statements={statements} timeZone={timeZone} parties={parties} page={page} editBase={editBase} query={query} />}
    </li>
  );
}

/**
 * When the session ran, on the venue's clock. One that ends on a later day than it started (talks
 * run past midnight), or after the clocks changed, says so, and gives the reader's own time for
 * its end as well as its start:
 * "22:30 CET · 16:30 your time – 01:15 the next day, Thu 5 Mar · 19:15 Wed 4 Mar your time".
 */
function SessionTime({ startsAt, endsAt, timeZone }: { startsAt: Date; endsAt: Date | null; timeZone: string }) {
  const span = sessionSpan(startsAt, endsAt, timeZone);
  const end = span.end;
  // The plain "10:00–12:30 CET" unless the end is on another day or on the other side of a clock change.
  if (!end || (end.dayOffset === 0 && end.zone === span.start.zone)) return <VenueTime at={startsAt} end={endsAt} timeZone={timeZone} />;
  return (
    <span className="venue-time venue-time--overnight">
      <time dateTime={startsAt.toISOString()}>{span.start.time}</time> <span className="muted">{span.start.zone}</span>
      <span className="reader-time" data-at={startsAt.toISOString()} data-venue-zone={timeZone} />
      {" – "}
      <time dateTime={endsAt!.toISOString()}>{end.time}</time>
      {end.zone !== span.start.zone ? <span className="muted"> {end.zone}</span> : null}
      {end.dayLabel ? <strong className="session__end-day"> {end.dayLabel}</strong> : null}
      <span className="reader-time" data-at={endsAt!.toISOString()} data-venue-zone={timeZone} />
    </span>
  );
}
