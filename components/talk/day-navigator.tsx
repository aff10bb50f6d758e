import type { TalkDay } from "@/lib/data/talks";
import { formatLocalDayShort } from "@/lib/time/local-day";

/** Links to every day of the talk, with how many items each shows; plain anchors, no script. */
export function DayNavigator({
  days,
  hasUndated,
  dayHref,
  current,
}: {
  days: TalkDay[];
  hasUndated: boolean;
  dayHref: (day: string) => string;
  current?: string;
}) {
  return (
    <nav className="day-nav" aria-label="Jump to a day">
      <h2 className="day-nav__title">Days</h2>
      <ol>
        {days.map((d) => {
          const items = d.deferred
            ? d.deferred.sessions + d.deferred.statements
            : d.sessions.length + d.outside.length + d.sessions.reduce((n, g) => n + g.statements.length, 0);
          return (
            <li key={d.day} className={d.isEmpty ? "is-empty" : undefined}>
              <a href={dayHref(d.day)} aria-current={current === d.day ? "page" : undefined}>
                <span className="day-nav__number">Day {d.number}</span> <span className="day-nav__date">{formatLocalDayShort(d.day)}</span>
                <span className="day-nav__count">
                  {items > 0 ? items : "–"}
                  <span className="visually-hidden">{items === 1 ? " item" : " items"}</span>
                </span>
              </a>
            </li>
          );
        })}
        {hasUndated && (
          <li>
            <a href={dayHref("unknown")} aria-current={current === "unknown" ? "page" : undefined}>
              <span className="day-nav__number">Day not reported</span>
            </a>
          </li>
        )}
      </ol>
    </nav>
  );
}
