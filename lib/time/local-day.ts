// Local days are the venue's calendar days, written "YYYY-MM-DD" (DESIGN.md, "Time").
// They are plain calendar dates: no time zone, no instant. Arithmetic on them is done in UTC,
// where every day has 24 hours, so a daylight-saving change at the venue cannot shift them. (Not
// with date-fns' addDays/addYears: those step the server's own local calendar, and a day added
// across the server's daylight-saving change lands an hour short, on the day before.)

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

const venueDays = new Map<string, Intl.DateTimeFormat>();

/** The venue's calendar day on which an instant falls. */
export function localDayOf(instant: Date, timeZone: string): LocalDay {
  let formatter = venueDays.get(timeZone);
  if (!formatter) venueDays.set(timeZone, (formatter = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  let y = "", m = "", d = "";
  for (const part of formatter.formatToParts(instant)) {
    if (part.type === "year") y = part.value.padStart(4, "0");
    else if (part.type === "month") m = part.value;
    else if (part.type === "day") d = part.value;
  }
  return `${y}-${m}-${d}`;
}

// Days are named from their own digits: a page names thousands of them, and a formatting library
// (date-fns's format) spent a noticeable share of a page's time parsing its pattern each time.
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

type DayParts = { year: string; month: string; mon: string; day: number; weekday: string; wkd: string };

function partsOf(day: LocalDay): DayParts {
  const date = toUtcDate(day);
  const month = MONTHS[date.getUTCMonth()]!;
  const weekday = WEEKDAYS[date.getUTCDay()]!;
  return { year: day.slice(0, 4), month, mon: month.slice(0, 3), day: date.getUTCDate(), weekday, wkd: weekday.slice(0, 3) };
}

/** "Saturday 4 February 2006" — the form used in headings. */
export function formatLocalDay(day: LocalDay): string {
  const p = partsOf(day);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "4 February 2006" — a day named in a sentence, where the weekday would only add length. */
export function formatLocalDayDate(day: LocalDay): string {
  const p = partsOf(day);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "Thursday 5 March" — a day named within a talk, where the year goes without saying. */
export function formatLocalDayInYear(day: LocalDay): string {
  const p = partsOf(day);
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** "Sat 4 Feb" — the compact form for navigators and strips. */
export function formatLocalDayShort(day: LocalDay): string {
  const p = partsOf(day);
  return `${p.wkd} ${p.day} ${p.mon}`;
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
  const a = partsOf(first);
  if (last === null) return `from ${a.day} ${a.month} ${a.year}`;
  const b = partsOf(last);
  if (first === last) return `${a.day} ${a.month} ${a.year}`;
  if (first.slice(0, 7) === last.slice(0, 7)) return `${a.day}–${b.day} ${b.month} ${b.year}`;
  if (first.slice(0, 4) === last.slice(0, 4)) return `${a.day} ${a.month} – ${b.day} ${b.month} ${b.year}`;
  return `${a.day} ${a.month} ${a.year} – ${b.day} ${b.month} ${b.year}`;
}

/** "5–6 Feb", "28 Feb – 2 Mar", or "Dec 2006 – Jan 2031" across years: for compact lists of days. */
export function formatDayRangeShort(first: LocalDay, last: LocalDay): string {
  const a = partsOf(first);
  const b = partsOf(last);
  if (first.slice(0, 7) === last.slice(0, 7)) return `${a.day}–${b.day} ${b.mon}`;
  if (first.slice(0, 4) === last.slice(0, 4)) return `${a.day} ${a.mon} – ${b.day} ${b.mon}`;
  return `${a.mon} ${a.year} – ${b.mon} ${b.year}`;
}
