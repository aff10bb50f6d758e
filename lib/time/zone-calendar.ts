// A venue's calendar as its clocks kept it. Local days are usually every date in turn, but not
// always: when Samoa moved across the date line, Apia's clocks went from Thursday 29 December
// 2011, 23:59:59 straight to Saturday 31 December, 00:00 — Friday 30 December never happened
// there. Such a date is not a day of a talk held there: days are numbered without it, and nothing
// can be dated to it.
//
// Offsets come from the runtime's time-zone data through Intl, to the second (in 1970 Monrovia was
// 44 minutes 30 seconds behind UTC), and the changes between them are found by sampling the offset
// and narrowing each change down to the second at which it takes effect. Pure and cached: the same
// code runs in the browser (forms) and on the server.
import { addLocalDays, formatLocalDay, isLocalDay, localDaysBetween, type LocalDay } from "./local-day";

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** "12/31/2011, 23:59:59" in the zone: one call to format and a pattern (formatToParts costs three times as much). */
function clockFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = clockFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    clockFormatters.set(timeZone, f);
  }
  return f;
}

const CLOCK_TEXT = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/** The zone's offset from UTC at an instant (epoch milliseconds), in milliseconds, exact to the second. */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const at = Math.floor(instant / SECOND) * SECOND;
  const text = clockFormatter(timeZone).format(at);
  const m = CLOCK_TEXT.exec(text);
  if (!m) throw new Error(`Unexpected clock text from Intl for ${timeZone}: ${text}`);
  const local = new Date(0);
  local.setUTCFullYear(Number(m[3]), Number(m[1]) - 1, Number(m[2]));
  local.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6]), 0);
  return local.getTime() - at;
}

/** A change of the zone's offset: from `at` (epoch ms) on, the clocks read `after` ms from UTC instead of `before`. */
export type ClockChange = { at: number; before: number; after: number };

/**
 * Every change of the zone's offset in [from, to), in order. The offset is sampled every `stepMs`
 * (a change and its reversal closer together than that would be missed; none this close are in
 * the time-zone data for the years Parley handles), and each change is narrowed to the second.
 */
export function clockChanges(timeZone: string, from: number, to: number, stepMs = DAY): ClockChange[] {
  const changes: ClockChange[] = [];
  let lo = from;
  let loOffset = zoneOffsetMs(timeZone, lo);
  while (lo < to) {
    const hi = Math.min(lo + stepMs, to);
    const hiOffset = zoneOffsetMs(timeZone, hi);
    if (hiOffset !== loOffset) {
      let a = lo;
      let b = hi;
      while (b - a > SECOND) {
        const mid = a + Math.floor((b - a) / 2 / SECOND) * SECOND || a + SECOND;
        if (zoneOffsetMs(timeZone, mid) === loOffset) a = mid;
        else b = mid;
      }
      changes.push({ at: b, before: loOffset, after: zoneOffsetMs(timeZone, b) });
    }
    lo = hi;
    loOffset = hiOffset;
  }
  return changes;
}

const utcMidnight = (day: LocalDay) => Date.parse(`${day}T00:00:00Z`);
/** The local day of a "local epoch" (an instant shifted by the zone's offset). */
const dayOfLocal = (localMs: number): LocalDay => new Date(localMs).toISOString().slice(0, 10);

/** The dates a change of offset jumps over: the days strictly between the last local moment before it and the first after. */
function skippedBy(change: ClockChange): LocalDay[] {
  if (change.after <= change.before) return [];
  const lastBefore = dayOfLocal(change.at + change.before - 1);
  const firstAfter = dayOfLocal(change.at + change.after);
  const days: LocalDay[] = [];
  for (let d = addLocalDays(lastBefore, 1); d < firstAfter; d = addLocalDays(d, 1)) days.push(d);
  return days;
}

/** The years searched for dates a zone jumped over; outside them the time-zone data has only rules, no date-line moves. */
const SEARCHED = { from: Date.UTC(1900, 0, 1), to: Date.UTC(2100, 0, 1) };
/** A change of offset of at least this much between two yearly samples is looked at closely. */
const DATE_LINE_JUMP = 20 * HOUR;
const YEAR = 365 * DAY;

const skippedByZone = new Map<string, LocalDay[]>();

/**
 * Every date the zone's clocks jumped over, in order, found once per zone and kept. A whole date
 * can only be jumped over by a change of 24 hours or more (a move across the date line: the
 * offsets range from −12 to +14 hours), so the offset is sampled yearly and only a year whose
 * offset moved by DATE_LINE_JUMP or more is searched change by change. (No zone moved across the
 * date line and back within a year: for every zone the runtime knows, yearly samples find the
 * same dates as monthly ones did, at a twelfth of the cost — the first page of a talk in a zone
 * paid 50–150 ms for monthly ones on a busy machine.)
 */
function zoneSkippedDays(timeZone: string): LocalDay[] {
  let found = skippedByZone.get(timeZone);
  if (found) return found;
  found = [];
  let at = SEARCHED.from;
  let offset = zoneOffsetMs(timeZone, at);
  while (at < SEARCHED.to) {
    const next = at + YEAR;
    const nextOffset = zoneOffsetMs(timeZone, next);
    if (nextOffset - offset >= DATE_LINE_JUMP) for (const change of clockChanges(timeZone, at, next)) found.push(...skippedBy(change));
    at = next;
    offset = nextOffset;
  }
  skippedByZone.set(timeZone, found);
  return found;
}

/** The dates in [first, last] that never happened in the zone, in order. */
export function skippedDays(timeZone: string, first: LocalDay, last: LocalDay): LocalDay[] {
  if (!isLocalDay(first) || !isLocalDay(last) || last < first) return [];
  return zoneSkippedDays(timeZone).filter((d) => d >= first && d <= last);
}

/** Whether the date never happened in the zone (its clocks jumped over it). */
export function isSkippedDay(timeZone: string, day: LocalDay): boolean {
  return zoneSkippedDays(timeZone).includes(day);
}

/** The date after `day` that happened in the zone (the next calendar date, unless the clocks jumped over it). */
export function nextZoneDay(timeZone: string, day: LocalDay): LocalDay {
  let next = addLocalDays(day, 1);
  while (isSkippedDay(timeZone, next)) next = addLocalDays(next, 1);
  return next;
}

/** How many of the zone's days there are from `first` to `day`, both counted (0 or less when `day` is earlier). */
export function zoneDaysBetween(timeZone: string, first: LocalDay, day: LocalDay): number {
  const calendar = localDaysBetween(first, day);
  if (calendar < 0) return calendar;
  return calendar + 1 - skippedDays(timeZone, first, day).length;
}

/** A talk's number of a day: 1 for its first day, counting only the days that happened at the venue. */
export function talkDayNumber(talk: { firstDay: LocalDay; venueTimeZone: string }, day: LocalDay): number {
  const n = zoneDaysBetween(talk.venueTimeZone, talk.firstDay, day);
  return n <= 0 ? n + 1 : n;
}

/** The change of offset that jumped over `day`, if one did. */
export function changeSkipping(timeZone: string, day: LocalDay): ClockChange | null {
  if (!isSkippedDay(timeZone, day)) return null;
  const at = utcMidnight(day);
  return clockChanges(timeZone, at - 2 * DAY, at + 2 * DAY).find((change) => skippedBy(change).includes(day)) ?? null;
}

/**
 * The change of offset that moved the clocks forward (or back) on `day` at the venue: the one
 * whose last reading before it, or first after it, falls on that day.
 */
export function clockChangeOn(timeZone: string, day: LocalDay, direction: "forward" | "back"): ClockChange | null {
  if (!isLocalDay(day)) return null;
  const at = utcMidnight(day);
  return (
    clockChanges(timeZone, at - 2 * DAY, at + 3 * DAY, HOUR).find(
      (c) =>
        (direction === "forward" ? c.after > c.before : c.after < c.before) &&
        (localReading(c.at - SECOND, c.before).day === day || localReading(c.at, c.after).day === day),
    ) ?? null
  );
}

/** The local clock at an instant, as "HH:MM" and its day, from the zone's offset. */
function localReading(instant: number, offset: number): { day: LocalDay; time: string } {
  const iso = new Date(instant + offset).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * What a change of offset did to the clocks, in words, naming the days when it crosses midnight:
 * "from 02:00 straight to 03:00" (forward), "from 03:00 to 02:00" (back), or "from 23:59:59 on
 * Thursday 29 December 2011 straight to 00:00 on Saturday 31 December 2011".
 */
export function describeJump(change: ClockChange): string {
  // The last reading before the change, and the one the old clock would have shown at it ("02:00").
  const last = localReading(change.at - SECOND, change.before);
  const old = localReading(change.at, change.before);
  const after = localReading(change.at, change.after);
  const verb = change.after > change.before ? "straight to" : "to";
  // Within one day, or forward from midnight ("from 00:00 straight to 00:15", Kathmandu 1986).
  if ((last.day === after.day || old.day === after.day) && !spansMidnight(change)) return `from ${old.time} ${verb} ${after.time}`;
  return `from ${last.time}:59 on ${formatLocalDay(last.day)} ${verb} ${after.time} on ${formatLocalDay(after.day)}`;
}

/** A jump that starts or lands at midnight still reads best with its days named. */
const spansMidnight = (change: ClockChange) => Math.abs(change.after - change.before) >= DAY - HOUR;

/**
 * Why a date cannot be a day at the venue, or null if it can: "Friday 30 December 2011 did not
 * happen in Apia: the clocks went from 23:59:59 on Thursday 29 December 2011 straight to 00:00 on
 * Saturday 31 December 2011."
 */
export function skippedDayProblem(timeZone: string, day: LocalDay, place: string): string | null {
  if (!isLocalDay(day)) return null;
  const change = changeSkipping(timeZone, day);
  if (!change) return null;
  return `${formatLocalDay(day)} did not happen in ${place}: the clocks went ${describeJump(change)}.`;
}
