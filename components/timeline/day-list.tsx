import type { DeferredCounts, TalkDay, TalkTimeline, TimelineSession, TimelineStatement } from "@/lib/data/talks";
import type { TimelineSessionGroup } from "@/lib/timeline/build";
import { hasFilters } from "@/lib/timeline/filters";
import { GAP_LABEL } from "@/lib/labels";
import { formatLocalDay } from "@/lib/time/local-day";
import { DeferredDay } from "./deferred-day";
import { DayEditLinks } from "./edit-links";
import { SessionItem } from "./session-item";
import { StatementList } from "./statement-list";


/**
 * The talk's local days as an ordered list: every day present, empty days said to be empty.
 * `days` defaults to all of them; the day page passes one. Deferred days (see getTalkTimeline)
 * show a summary and are filled in by the browser as the reader nears them.
 * `dayHref` links a day heading; `dayPage` is the day's own page ("unknown" for undated items).
 * `editBase` (the talk's path, given to editors only) adds the editing links.
 */
export function DayList({
  data,
  days = data.timeline.days,
  showUndated = true,
  dayHref,
  dayPage,
  editBase,
}: {
  data: TalkTimeline;
  days?: TalkDay[];
  showUndated?: boolean;
  dayHref: (day: string) => string;
  dayPage: (day: string) => string;
  editBase?: string;
}) {
  const { timeline, talk } = data;
  const tz = talk.venueTimeZone;
  const partyIndex = new Map(data.parties.map((p, i) => [p.slug, i]));
  const filtered = hasFilters(data.filters);
  const undated = timeline.undated;
  const hasUndated = showUndated && hasUndatedItems(data);
  const issueName = new Map(data.issues.map((i) => [i.slug, i.name]));
  const sessionLink = (session: { id: string; day: string | null }) => `${dayPage(session.day ?? "unknown")}#session-${session.id}`;
  return (
    <ol className="timeline" aria-label="Days of the talk">
      {days.map((d) => {
        const assessments = data.assessments.filter(
          (a) => a.localDay === d.day && (!data.filters.issue || a.issueSlug === data.filters.issue),
        );
        return (
          <li key={d.day} id={`day-${d.day}`} className="day">
            <h2 className="day__heading">
              <a href={dayHref(d.day)} className="day__link">
                <span className="day__number">Day {d.number}</span>
                {" · "}
                <span>{formatLocalDay(d.day)}</span>
              </a>
            </h2>
            {editBase && <DayEditLinks base={editBase} day={d.day} label={`day ${d.number}`} />}
            {d.isEmpty && (
              <p className="day__empty">
                {filtered ? "Nothing on this day matches the filters." : "No session or statement recorded for this day."}
              </p>
            )}
            {d.deferred ? (
              !d.isEmpty && (
                <DeferredDay src={dayPage(d.day)} day={d.day}>
                  <DaySummary counts={d.deferred} href={dayPage(d.day)} />
                </DeferredDay>
              )
            ) : (
              <DayBody day={d.day} page={dayPage(d.day)} sessionLink={sessionLink} sessions={d.sessions} outside={d.outside} tz={tz} partyIndex={partyIndex} editBase={editBase} />
            )}
            {assessments.length > 0 && (
              <>
                <h3 className="group-heading">Gap assessments</h3>
                <ul className="assessments">
                  {assessments.map((a) => (
                    <li key={a.issueSlug} className={`assessment gap--${a.gap}`}>
                      <strong>{issueName.get(a.issueSlug)}</strong>: <span className="gap-label">{GAP_LABEL[a.gap]}</span>
                      {a.note && <> — {a.note}</>} <span className="muted small">({a.authorName})</span>
                      {editBase && (
                        <a className="assessment__edit no-print" href={`${editBase}/assessments/new?day=${a.localDay}&issue=${a.issueSlug}`}>
                          Edit<span className="visually-hidden"> the assessment of {issueName.get(a.issueSlug)}</span>
                        </a>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        );
      })}
      {hasUndated && (
        <li id="day-unknown" className="day day--undated">
          <h2 className="day__heading">Day not reported</h2>
          <p className="muted small">Recorded for this talk, but the sources do not say on which day.</p>
          {editBase && <DayEditLinks base={editBase} day="unknown" label="the undated items" />}
          {undated.deferred ? (
            <DeferredDay src={dayPage("unknown")} day="unknown">
              <DaySummary counts={undated.deferred} href={dayPage("unknown")} />
            </DeferredDay>
          ) : (
            <DayBody day="unknown" page={dayPage("unknown")} sessionLink={sessionLink} sessions={undated.sessions} outside={undated.statements} tz={tz} partyIndex={partyIndex} outsideLabel="Statements" editBase={editBase} />
          )}
        </li>
      )}
    </ol>
  );
}

type Groups = TimelineSessionGroup<TimelineSession, TimelineStatement>[];

/** Whether the talk has sessions or statements whose day is not known (rendered or deferred). */
export function hasUndatedItems(data: TalkTimeline): boolean {
  const u = data.timeline.undated;
  return u.deferred ? u.deferred.sessions + u.deferred.statements > 0 : u.sessions.length + u.statements.length > 0;
}

function DaySummary({ counts, href }: { counts: DeferredCounts; href: string }) {
  const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;
  return (
    <p className="day__summary">
      {plural(counts.sessions, "session")} and {plural(counts.statements, "statement")}.{" "}
      <a href={href} className="no-print">
        Open this day
      </a>
    </p>
  );
}

function DayBody({
  day,
  page,
  sessions,
  outside,
  tz,
  partyIndex,
  outsideLabel,
  editBase,
  sessionLink,
}: {
  sessionLink?: (session: { id: string; day: string | null }) => string;
  day: string;
  page: string;
  sessions: Groups;
  outside: TimelineStatement[];
  tz: string;
  partyIndex: Map<string, number>;
  outsideLabel?: string;
  editBase?: string;
}) {
  return (
    <div data-day-body={day}>
      {sessions.length > 0 && (
        <>
          <h3 className="group-heading">Sessions</h3>
          <ol className="sessions">
            {sessions.map((g) => (
              <SessionItem key={g.session.id} session={g.session} statements={g.statements} timeZone={tz} partyIndex={partyIndex} page={page} editBase={editBase} />
            ))}
          </ol>
        </>
      )}
      {outside.length > 0 && (
        <>
          <h3 className="group-heading">{outsideLabel ?? (sessions.length > 0 ? "Outside the sessions" : "Statements")}</h3>
          <StatementList statements={outside} timeZone={tz} partyIndex={partyIndex} page={page} editBase={editBase} sessionLink={sessionLink} />
        </>
      )}
    </div>
  );
}
