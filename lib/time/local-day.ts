// Local days are the venue's calendar days, written "YYYY-MM-DD" (DESIGN.md, "Time").
// They are plain calendar dates: no time zone, no instant. Arithmetic on them is done in UTC,
// where every day has 24 hours, so a daylight-saving change at the venue cannot shift them. (Not
// with date-fns' addDays/addYears: those step the server's own local calendar, and a day added
// across the server's daylight-saving change lands an hour short, on the day before.)
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

export type LocalDay = string;

const LOCAL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDay(value: string): boolean {
  const m = LOCAL_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function toUtcDate(day: LocalDay): Date {
  if (!isLocalDay(day)) throw new RangeError(`"${day}" is not a calendar day (YYYY-MM-DD).`);
  return new Date(`${day}T00:00:00Z`);
}

function fromUtcDate(date: Date): LocalDay {
  return date.toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

export function addLocalDays(day: LocalDay, n: number): LocalDay {
  const date = toUtcDate(day);
  date.setUTCDate(date.getUTCDate() + n);
  return fromUtcDate(date);
}

/** The first and last days isLocalDay accepts (YYYY-MM-DD has four digits for the year). */
export const FIRST_LOCAL_DAY: LocalDay = "0100-01-01";
export const LAST_LOCAL_DAY: LocalDay = "9999-12-31";

/**
 * The same calendar day `n` years later (earlier when negative). 29 February becomes 28 February
 * in a year without one, as people count anniversaries. Past 9999 there is no YYYY-MM-DD to
 * return, so the result stops at LAST_LOCAL_DAY (and at FIRST_LOCAL_DAY going back).
 */
export function addLocalYears(day: LocalDay, n: number): LocalDay {
  const date = toUtcDate(day);
  const month = date.getUTCMonth();
  date.setUTCFullYear(date.getUTCFullYear() + n);
  // 29 February in a year without one rolled over into March: step back to the 28th.
  if (date.getUTCMonth() !== month) date.setUTCDate(0);
  const year = date.getUTCFullYear();
  if (year > 9999) return LAST_LOCAL_DAY;
  if (year < 100) return FIRST_LOCAL_DAY;
  return fromUtcDate(date);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function localDaysBetween(from: LocalDay, to: LocalDay): number {
  // Both are midnights UTC, a whole number of 24-hour days apart.
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / DAY_MS);
}

/** Every day from first to last, inclusive. */
export function eachLocalDay(first: LocalDay, last: LocalDay): LocalDay[] {
  const n = localDaysBetween(first, last);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addLocalDays(first, i));
}

/** The venue's calendar day on which an instant falls. */
export function localDayOf(instant: Date, timeZone: string): LocalDay {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd");
}

/** "Saturday 4 February 2006" — the form used in headings. */
export function formatLocalDay(day: LocalDay): string {
  return format(asUtcCalendarDate(day), "EEEE d MMMM yyyy");
}

/** "4 February 2006" — a day named in a sentence, where the weekday would only add length. */
export function formatLocalDayDate(day: LocalDay): string {
  return format(asUtcCalendarDate(day), "d MMMM yyyy");
}

/** "Thursday 5 March" — a day named within a talk, where the year goes without saying. */
export function formatLocalDayInYear(day: LocalDay): string {
  return format(asUtcCalendarDate(day), "EEEE d MMMM");
}

/** "Sat 4 Feb" — the compact form for navigators and strips. */
export function formatLocalDayShort(day: LocalDay): string {
  return format(asUtcCalendarDate(day), "EEE d MMM");
}

/** A date whose fields, read in UTC, are the day's: formatting it never depends on the server's zone. */
function asUtcCalendarDate(day: LocalDay): TZDate {
  return new TZDate(toUtcDate(day).getTime(), "UTC");
}

/** Whether an IANA time zone name is known to this runtime. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return name.includes("/") || name === "UTC";
  } catch {
    return false;
  }
}

/** "4–8 February 2006", "28 February – 2 March 2006", or "from 4 February 2006" while open. */
export function formatDayRange(first: LocalDay, last: LocalDay | null): string {
  const a = asUtcCalendarDate(first);
  if (last === null) return `from ${format(a, "d MMMM yyyy")}`;
  const b = asUtcCalendarDate(last);
  if (first === last) return format(a, "d MMMM yyyy");
  if (first.slice(0, 7) === last.slice(0, 7)) return `${format(a, "d")}–${format(b, "d MMMM yyyy")}`;
  if (first.slice(0, 4) === last.slice(0, 4)) return `${format(a, "d MMMM")} – ${format(b, "d MMMM yyyy")}`;
  return `${format(a, "d MMMM yyyy")} – ${format(b, "d MMMM yyyy")}`;
}

/** "5–6 Feb", "28 Feb – 2 Mar", or "Dec 2006 – Jan 2031" across years: for compact lists of days. */
export function formatDayRangeShort(first: LocalDay, last: LocalDay): string {
  const a = asUtcCalendarDate(first);
  const b = asUtcCalendarDate(last);
  if (first.slice(0, 7) === last.slice(0, 7)) return `${format(a, "d")}–${format(b, "d MMM")}`;
  if (first.slice(0, 4) === last.slice(0, 4)) return `${format(a, "d MMM")} – ${format(b, "d MMM")}`;
  return `${format(a, "MMM yyyy")} – ${format(b, "MMM yyyy")}`;
}
