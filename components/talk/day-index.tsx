import type { DayIndex, IndexMonth } from "@/lib/timeline/day-index";
import { plural } from "@/lib/labels";
import { formatDayRangeShort, formatLocalDayShort } from "@/lib/time/local-day";
import { dayNumbers } from "../timeline/timeline-days";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * "Jump to a day": a short talk's days (empty stretches folded into one line each), or a long
 * talk's months by year, each linking to its first day that holds something. Plain links, no
 * script: a day on this page is an anchor, any other day opens the page from there. `dayHref`
 * gives either; `shown` says which days and months the page shows now; `current` is the day page's.
 */
export function DayIndexNav({
  index,
  dayHref,
  shown,
  current,
}: {
  index: DayIndex;
  dayHref: (day: string) => string;
  shown: { first: string | null; last: string | null };
  current?: string;
}) {
  const onPage = (day: string) => shown.first !== null && shown.last !== null && day >= shown.first && day <= shown.last;
  return (
    <nav className="day-nav" aria-label="Jump to a day">
      <h2 className="day-nav__title">Days</h2>
      {index.kind === "days" ? (
        <ol>
          {index.slots.map((slot) =>
            slot.kind === "day" ? (
              <li key={slot.day}>
                <a href={dayHref(slot.day)} aria-current={current === slot.day ? "page" : undefined}>
                  <span className="day-nav__number">Day {slot.number.toLocaleString("en-GB")}</span>{" "}
                  <span className="day-nav__date">{formatLocalDayShort(slot.day)}</span>
                  <span className="day-nav__count">
                    {slot.value.count > 0 ? slot.value.count : "–"}
                    <span className="visually-hidden">{slot.value.count === 1 ? " item" : " items"}</span>
                  </span>
                </a>
              </li>
            ) : (
              <li key={slot.first} className="is-empty">
                <span className="day-nav__run">
                  <span className="day-nav__number">{dayNumbers(slot)}</span>{" "}
                  <span className="day-nav__date">{slot.count === 1 ? formatLocalDayShort(slot.first) : formatDayRangeShort(slot.first, slot.last)}</span>
                  <span className="day-nav__count" aria-hidden="true">
                    –
                  </span>
                  <span className="visually-hidden"> nothing recorded</span>
                </span>
              </li>
            ),
          )}
          {index.undated > 0 && <UndatedLink index={index} dayHref={dayHref} current={current} />}
        </ol>
      ) : (
        <>
          <p className="day-nav__ends">
            {index.first && (
              <a href={dayHref(index.first)} data-day-link="first">
                First day<span className="day-nav__date"> {formatLocalDayShort(index.first)} {index.first.slice(0, 4)}</span>
              </a>
            )}
            {index.last && (
              <a href={dayHref(index.last)} data-day-link="last">
                Last day<span className="day-nav__date"> {formatLocalDayShort(index.last)} {index.last.slice(0, 4)}</span>
              </a>
            )}
          </p>
          <ol className="day-nav__years">
            {index.years.map(({ year, months }) => (
              <li key={year}>
                <h3 className="day-nav__year">{year}</h3>
                <ol className="day-nav__months">
                  {months.map((m, i) => (
                    <MonthCell key={i} name={MONTHS[i]!} month={m} href={m ? dayHref(m.first) : ""} onPage={m !== null && (onPage(m.first) || monthOverlaps(m, shown))} />
                  ))}
                </ol>
              </li>
            ))}
          </ol>
          {index.undated > 0 && (
            <ol>
              <UndatedLink index={index} dayHref={dayHref} current={current} />
            </ol>
          )}
        </>
      )}
    </nav>
  );
}

function monthOverlaps(m: IndexMonth, shown: { first: string | null; last: string | null }): boolean {
  return shown.first !== null && shown.last !== null && m.month >= shown.first.slice(0, 7) && m.month <= shown.last.slice(0, 7);
}

/** A month of a long talk: a link shaded by how much it holds, or a quiet cell when it holds nothing. */
function MonthCell({ name, month, href, onPage }: { name: string; month: IndexMonth | null; href: string; onPage: boolean }) {
  if (!month) return <li aria-hidden="true">{name}</li>;
  const level = month.count >= 60 ? 4 : month.count >= 25 ? 3 : month.count >= 8 ? 2 : 1;
  return (
    <li className={`level-${level}`}>
      <a href={href} aria-current={onPage ? "true" : undefined} aria-label={`${MONTH_NAMES[Number(month.month.slice(5)) - 1]} ${month.month.slice(0, 4)}: ${plural(month.days, "day")}, ${plural(month.count, "item")}`}>
        {name}
      </a>
    </li>
  );
}

function UndatedLink({ index, dayHref, current }: { index: DayIndex; dayHref: (day: string) => string; current?: string }) {
  return (
    <li>
      <a href={dayHref("unknown")} aria-current={current === "unknown" ? "page" : undefined}>
        <span className="day-nav__number">Day not reported</span>
        <span className="day-nav__count">{index.undated}</span>
      </a>
    </li>
  );
}
