// The day index beside a talk's timeline ("Jump to a day"): short talks list their days (with the
// empty stretches folded, day-runs.ts); long ones list months by year, a calendar the reader can
// scan for activity and jump from. Either way its size is bounded: by DAY_INDEX_DAYS days, or by
// twelve months for each year that holds something. Pure: day-index.test.ts.
import { slotDays, type DaySlot, type DaySpan } from "./day-runs";
import { UNDATED_DAY } from "./window";

/** Up to this many days that hold something, the index lists each day; beyond, months. */
export const DAY_INDEX_DAYS = 62;

/** A day's size as the index shows it: the sessions and statements it holds. */
export type IndexedDay = { day: string; count: number };

export type IndexMonth = {
  /** "2003-04". */
  month: string;
  /** The month's first day that holds something: where its link goes. */
  first: string;
  days: number;
  count: number;
};

export type DayIndex = {
  first: string | null;
  last: string | null;
  /** How many sessions and statements have no known day (0: no such entry). */
  undated: number;
} & ({ kind: "days"; slots: DaySlot<IndexedDay>[] } | { kind: "months"; years: { year: string; months: (IndexMonth | null)[] }[] });

/** `days`: the days that hold something, in order (no "unknown"). */
export function buildDayIndex(talk: DaySpan, days: readonly IndexedDay[], undated: number): DayIndex {
  const ends = { first: days[0]?.day ?? null, last: days.at(-1)?.day ?? null, undated };
  if (days.length <= DAY_INDEX_DAYS) return { ...ends, kind: "days", slots: slotDays(talk, days, (d) => d.day) };
  const years = new Map<string, (IndexMonth | null)[]>();
  for (const d of days) {
    if (d.day === UNDATED_DAY) continue;
    const year = d.day.slice(0, 4);
    const m = Number(d.day.slice(5, 7)) - 1;
    let months = years.get(year);
    if (!months) years.set(year, (months = Array<IndexMonth | null>(12).fill(null)));
    const entry = months[m];
    if (entry) {
      entry.days++;
      entry.count += d.count;
    } else months[m] = { month: d.day.slice(0, 7), first: d.day, days: 1, count: d.count };
  }
  return { ...ends, kind: "months", years: [...years].map(([year, months]) => ({ year, months })) };
}
