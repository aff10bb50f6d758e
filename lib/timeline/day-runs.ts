// Days as every page lists them: each day that holds something, and each stretch of days between
// them that holds nothing as one entry ("Days 5–11: nothing recorded"). The list's length follows
// what was recorded, never the calendar: a date typed as 9999-12-31 adds one day and one run, not
// three million days. Pure: lib/timeline/day-runs.test.ts.
import { addLocalDays, LAST_LOCAL_DAY, type LocalDay } from "../time/local-day";
import { talkDayNumber, zoneDaysBetween } from "../time/zone-calendar";

/** A stretch of consecutive days on which nothing was recorded. */
export type EmptyDays = {
  kind: "empty";
  first: LocalDay;
  last: LocalDay;
  /** The talk's number of its first day (1 for the talk's first day). */
  firstNumber: number;
  /** How many days it covers (1 or more): dates the venue's clocks jumped over are not days. */
  count: number;
};

export type DaySlot<T> = { kind: "day"; day: LocalDay; number: number; value: T } | EmptyDays;

export type DaySpan = { firstDay: LocalDay; lastDay: LocalDay | null; venueTimeZone: string };

/**
 * The talk's number of a day: 1 for its first day (0 or less for a day recorded before it),
 * counting only the days that happened at the venue (lib/time/zone-calendar.ts).
 */
export function dayNumberIn(talk: { firstDay: LocalDay; venueTimeZone: string }, day: LocalDay): number {
  return talkDayNumber(talk, day);
}

/** The empty stretch from `first` to `last`, or null when the venue's clocks jumped over all of it. */
function emptyRun(talk: DaySpan, first: LocalDay, last: LocalDay): EmptyDays | null {
  const count = zoneDaysBetween(talk.venueTimeZone, first, last);
  return count > 0 ? { kind: "empty", first, last, firstNumber: dayNumberIn(talk, first), count } : null;
}

function pushRun<T>(slots: DaySlot<T>[], run: EmptyDays | null): void {
  if (run) slots.push(run);
}

/**
 * The talk's days from its first to its last (to the latest recorded day while its end is open),
 * widened to any recorded day outside them: recorded days in order, with the empty stretches
 * before, between and after them as runs. `recorded` must be in day order, one entry per day.
 * `from` starts the list on a later day than the talk's first (a part of a long talk), numbering
 * its days as the talk does.
 */
export function slotDays<T>(talk: DaySpan, recorded: readonly T[], dayOf: (value: T) => LocalDay, options: { from?: LocalDay } = {}): DaySlot<T>[] {
  const slots: DaySlot<T>[] = [];
  // The first day not covered yet; null past the last day there is (a legacy row on 9999-12-31).
  let next: LocalDay | null = options.from ?? talk.firstDay;
  for (const value of recorded) {
    const day = dayOf(value);
    if (next !== null && day > next) pushRun(slots, emptyRun(talk, next, addLocalDays(day, -1)));
    slots.push({ kind: "day", day, number: dayNumberIn(talk, day), value });
    next = dayAfter(day);
  }
  const end = talk.lastDay ?? (slots.length === 0 ? talk.firstDay : null);
  if (end !== null && next !== null && end >= next) pushRun(slots, emptyRun(talk, next, end));
  return slots;
}

/** The next calendar day, or null after the last one YYYY-MM-DD can write. */
export function dayAfter(day: LocalDay): LocalDay | null {
  return day >= LAST_LOCAL_DAY ? null : addLocalDays(day, 1);
}
