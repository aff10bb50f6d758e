import type { StatementRef } from "@/lib/data/statement-refs";
import type { StatementDays as Days } from "@/lib/statements/group";
import { formatLocalDay } from "@/lib/time/local-day";
import { StatementCard } from "./statement-card";

/**
 * One talk's statements under a heading per local day ("Day 4 · Tuesday 7 February 2006", linked
 * to that day on the timeline), days in order, then those whose day is not reported.
 */
export function StatementDays({
  days,
  talk,
  label,
  linkEnvoy,
}: {
  days: Days<StatementRef>;
  talk: { slug: string; venueTimeZone: string };
  /** Names the list of days for assistive technology, e.g. "Statements in Beijing talks, by day". */
  label: string;
  linkEnvoy?: boolean;
}) {
  const card = (s: StatementRef) => <StatementCard key={s.id} statement={s} talk={talk} linkEnvoy={linkEnvoy} />;
  return (
    <ol className="statement-days" aria-label={label}>
      {days.days.map((d) => (
        <li key={d.day} className="statement-day">
          <h4 className="statement-day__heading">
            <a href={`/talks/${talk.slug}#day-${d.day}`}>
              {d.number !== null && <>Day {d.number} · </>}
              {formatLocalDay(d.day)}
            </a>
          </h4>
          <ol className="statements">{d.statements.map(card)}</ol>
        </li>
      ))}
      {days.undated.length > 0 && (
        <li className="statement-day statement-day--undated">
          <h4 className="statement-day__heading">Day not reported</h4>
          <ol className="statements">{days.undated.map(card)}</ol>
        </li>
      )}
    </ol>
  );
}
