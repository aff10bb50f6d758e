import type { TalkTimeline } from "@/lib/data/talks";
import { formatLocalDay } from "@/lib/time/local-day";
import { SessionItem } from "./session-item";
import { StatementList } from "./statement-list";

/** The talk's local days as an ordered list: every day present, empty days said to be empty. */
export function DayList({ data }: { data: TalkTimeline }) {
  const { timeline, talk } = data;
  const tz = talk.venueTimeZone;
  const partyIndex = new Map(data.parties.map((p, i) => [p.slug, i]));
  const hasUndated = timeline.undated.sessions.length > 0 || timeline.undated.statements.length > 0;
  return (
    <ol className="timeline" aria-label="Days of the talk">
      {timeline.days.map((d) => (
        <li key={d.day} id={`day-${d.day}`} className="day">
          <h2 className="day__heading">
            <span className="day__number">Day {d.number}</span>
            {" · "}
            <span>{formatLocalDay(d.day)}</span>
          </h2>
          {d.isEmpty && <p className="day__empty">No session or statement recorded for this day.</p>}
          {d.sessions.length > 0 && (
            <>
              <h3 className="group-heading">Sessions</h3>
              <ol className="sessions" style={{ listStyle: "none" }}>
                {d.sessions.map((g) => (
                  <SessionItem key={g.session.id} session={g.session} statements={g.statements} timeZone={tz} partyIndex={partyIndex} />
                ))}
              </ol>
            </>
          )}
          {d.outside.length > 0 && (
            <>
              <h3 className="group-heading">{d.sessions.length > 0 ? "Outside the sessions" : "Statements"}</h3>
              <StatementList statements={d.outside} timeZone={tz} partyIndex={partyIndex} />
            </>
          )}
        </li>
      ))}
      {hasUndated && (
        <li id="day-unknown" className="day day--undated">
          <h2 className="day__heading">Day not reported</h2>
          <p className="muted small">Recorded for this talk, but the sources do not say on which day.</p>
          {timeline.undated.sessions.length > 0 && (
            <>
              <h3 className="group-heading">Sessions</h3>
              <ol className="sessions" style={{ listStyle: "none" }}>
                {timeline.undated.sessions.map((g) => (
                  <SessionItem key={g.session.id} session={g.session} statements={g.statements} timeZone={tz} partyIndex={partyIndex} />
                ))}
              </ol>
            </>
          )}
          {timeline.undated.statements.length > 0 && (
            <>
              <h3 className="group-heading">Statements</h3>
              <StatementList statements={timeline.undated.statements} timeZone={tz} partyIndex={partyIndex} />
            </>
          )}
        </li>
      )}
    </ol>
  );
}
