import type { FullDay, SessionGroup, TimelineStatement, UndatedItems, WindowContent } from "@/lib/data/talks";
import type { EmptyDays } from "@/lib/timeline/day-runs";
import { GAP_LABEL } from "@/lib/labels";
import { eachLocalDay, formatDayRange, formatLocalDay, formatLocalDayShort } from "@/lib/time/local-day";
import { isSkippedDay } from "@/lib/time/zone-calendar";
import type { TalkAssessment } from "@/lib/data/talk-index";
import { ChangeTag } from "./change-tag";
import { DayEditLinks } from "./edit-links";
import { SessionItem } from "./session-item";
import { StatementList } from "./statement-list";

/** What every day of a talk's timeline needs to know about the talk and the page it is on. */
export type TimelineContext = {
  /** The talk's path ("/talks/<slug>"). */
  talkPath: string;
  timeZone: string;
  /** Party slugs in the talk's order: a statement's colour. */
  parties: string[];
  issueNames: Record<string, string>;
  /** Whether filters are on: empty stretches then say that nothing matches. */
  filtered: boolean;
  /** The query the day pages carry (the filters), "" or "?…". */
  query: string;
  /** For editors: adds the editing links. */
  editable: boolean;
  /** For editors, on the talk's last day shown: the day its next session would be on (withNextDay). */
  nextDay?: string;
};

/** Editors get a link to each day of an empty stretch up to this long (a day's page has its editing links). */
const RUN_DAY_LINKS = 7;

const dayPageOf = (ctx: TimelineContext, day: string) => `${ctx.talkPath}/days/${day}${ctx.query}`;

/**
 * A window of the talk's days as list items: each day that holds something in full, each stretch
 * of days that holds nothing as one line, then the items whose day is not known. Rendered on the
 * server, for the page and for the later windows the browser loads (app/talks/[slug]/load-days.tsx).
 */
export function TimelineDays({ content, ctx }: { content: WindowContent; ctx: TimelineContext }) {
  return (
    <>
      {content.slots.map((slot, i) => {
        const next = i === content.slots.length - 1 ? ctx.nextDay : undefined;
        return slot.kind === "day" ? <DayItem key={slot.day} day={slot.value} ctx={ctx} nextDay={next} /> : <EmptyDaysItem key={slot.first} run={slot} ctx={ctx} nextDay={next} />;
      })}
      {content.undated && <UndatedItem items={content.undated} ctx={ctx} />}
    </>
  );
}

/** "Day 5" or "Days 5–11", with thousands separated. */
export function dayNumbers(run: Pick<EmptyDays, "firstNumber" | "count">): string {
  const n = (x: number) => x.toLocaleString("en-GB");
  return run.count === 1 ? `Day ${n(run.firstNumber)}` : `Days ${n(run.firstNumber)}–${n(run.firstNumber + run.count - 1)}`;
}

/** "Sunday 5 February 2006" for one day, "5–11 February 2006" for several. */
export function runDates(run: Pick<EmptyDays, "first" | "last" | "count">): string {
  return run.count === 1 ? formatLocalDay(run.first) : formatDayRange(run.first, run.last);
}

/**
 * "Add the next day's session" on the timeline's last day, for editors (issue 12): the session form
 * for the day after, with the talk's issues ticked. A day after the talk's last is saved once the
 * editor confirms it, moving the talk's last day.
 */
function NextDaySession({ ctx, day }: { ctx: TimelineContext; day: string }) {
  return (
    <p className="next-day no-print">
      <span className="next-day__plus" aria-hidden="true">
        +
      </span>
      <a className="next-day__link" href={`${ctx.talkPath}/sessions/new?day=${day}`}>
        Add the next day’s session
      </a>{" "}
      <span className="muted small">{formatLocalDay(day)}</span>
    </p>
  );
}

function EmptyDaysItem({ run, ctx, nextDay }: { run: EmptyDays; ctx: TimelineContext; nextDay?: string }) {
  return (
    <li className="day-run" data-first={run.first} data-last={run.last}>
      <span className="day-run__days">{dayNumbers(run)}</span> · <span>{runDates(run)}</span> —{" "}
      <span className="day-run__what">{ctx.filtered ? "nothing matches the filters" : "nothing recorded"}</span>
      {ctx.editable && (
        <span className="day-run__edit no-print">
          {run.count <= RUN_DAY_LINKS ? (
            <>
              Record on:{" "}
              {eachLocalDay(run.first, run.last)
                .filter((day) => !isSkippedDay(ctx.timeZone, day))
                .map((day, i) => (
                  <a key={day} href={dayPageOf(ctx, day)}>
                    {formatLocalDayShort(day)}
                    <span className="visually-hidden"> (day {run.firstNumber + i})</span>
                  </a>
                ))}
            </>
          ) : (
            <a href={dayPageOf(ctx, run.first)}>
              Record something<span className="visually-hidden"> on {runDates(run)}</span>
            </a>
          )}
        </span>
      )}
      {nextDay && <NextDaySession ctx={ctx} day={nextDay} />}
    </li>
  );
}

function DayItem({ day: d, ctx, nextDay }: { day: FullDay; ctx: TimelineContext; nextDay?: string }) {
  const page = dayPageOf(ctx, d.day);
  return (
    <li id={`day-${d.day}`} className="day">
      <h2 className="day__heading">
        <a href={page} className="day__link">
          <span className="day__number">Day {d.number.toLocaleString("en-GB")}</span>
          {" · "}
          <span>{formatLocalDay(d.day)}</span>
        </a>
      </h2>
      {ctx.editable && <DayEditLinks base={ctx.talkPath} day={d.day} label={`day ${d.number}`} />}
      {d.sessions.length + d.outside.length === 0 ? (
        // Listed for its gap assessment alone.
        <p className="day__empty">{ctx.filtered ? "Nothing on this day matches the filters." : "No session or statement recorded for this day."}</p>
      ) : (
        <DayBody day={d.day} sessions={d.sessions} outside={d.outside} ctx={ctx} />
      )}
      {d.assessments.length > 0 && (
        <>
          <h3 className="group-heading">Gap assessments</h3>
          <ul className="assessments">
            {d.assessments.map((a) => (
              <AssessmentItem key={a.issueSlug} assessment={a} ctx={ctx} />
            ))}
          </ul>
        </>
      )}
      {nextDay && <NextDaySession ctx={ctx} day={nextDay} />}
    </li>
  );
}

/** A day's gap assessment; on a "what changed since" view, tagged, or for editors struck through when deleted since. */
function AssessmentItem({ assessment: a, ctx }: { assessment: TalkAssessment; ctx: TimelineContext }) {
  const issue = ctx.issueNames[a.issueSlug];
  const body = (
    <>
      <strong>{issue}</strong>: <span className="gap-label">{GAP_LABEL[a.gap]}</span>
      {a.note && <> — {a.note}</>} <span className="muted small">({a.authorName})</span>
    </>
  );
  if (a.deletedSince) {
    return (
      <li className="assessment assessment--deleted">
        <del>{body}</del>
        <ChangeTag deletedSince />
        {ctx.editable && a.id && (
          <a className="assessment__history no-print" href={`${ctx.talkPath}/assessments/${a.id}/history`}>
            History and restore<span className="visually-hidden"> of the deleted assessment of {issue}</span>
          </a>
        )}
      </li>
    );
  }
  return (
    <li className={`assessment gap--${a.gap}`}>
      {body}
      <ChangeTag change={a.change} />
      {ctx.editable && (
        <a className="assessment__edit no-print" href={`${ctx.talkPath}/assessments/new?day=${a.localDay}&issue=${a.issueSlug}`}>
          Edit<span className="visually-hidden"> the assessment of {issue}</span>
        </a>
      )}
    </li>
  );
}

function UndatedItem({ items, ctx }: { items: UndatedItems; ctx: TimelineContext }) {
  return (
    <li id="day-unknown" className="day day--undated">
      <h2 className="day__heading">
        <a href={dayPageOf(ctx, "unknown")} className="day__link">
          Day not reported
        </a>
      </h2>
      <p className="muted small">Recorded for this talk, but the sources do not say on which day.</p>
      {ctx.editable && <DayEditLinks base={ctx.talkPath} day="unknown" label="the undated items" />}
      <DayBody day="unknown" sessions={items.sessions} outside={items.statements} outsideLabel="Statements" ctx={ctx} />
    </li>
  );
}

function DayBody({ day, sessions, outside, outsideLabel, ctx }: { day: string; sessions: SessionGroup[]; outside: TimelineStatement[]; outsideLabel?: string; ctx: TimelineContext }) {
  const page = dayPageOf(ctx, day);
  const sessionLink = (session: { id: string; day: string | null }) => `${dayPageOf(ctx, session.day ?? "unknown")}#session-${session.id}`;
  return (
    <div data-day-body={day}>
      {sessions.length > 0 && (
        <>
          <h3 className="group-heading">Sessions</h3>
          <ol className="sessions">
            {sessions.map((g) => (
              <SessionItem key={g.session.id} session={g.session} statements={g.statements} timeZone={ctx.timeZone} parties={ctx.parties} page={page} editBase={ctx.editable ? ctx.talkPath : undefined} query={ctx.query} />
            ))}
          </ol>
        </>
      )}
      {outside.length > 0 && (
        <>
          <h3 className="group-heading">{outsideLabel ?? (sessions.length > 0 ? "Outside the sessions" : "Statements")}</h3>
          <StatementList statements={outside} timeZone={ctx.timeZone} parties={ctx.parties} page={page} editBase={ctx.editable ? ctx.talkPath : undefined} sessionLink={sessionLink} query={ctx.query} />
        </>
      )}
    </div>
  );
}

/** Whether a window shows nothing at all (a talk with nothing recorded yet). */
export function isEmptyWindow(content: WindowContent): boolean {
  return content.slots.every((s) => s.kind === "empty") && content.undated === null;
}
