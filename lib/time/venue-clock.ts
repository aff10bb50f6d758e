// Clock times typed by editors are the venue's (a session at 09:30 in Beijing is entered as
// 09:30, wherever the editor sits). These turn a venue day and "HH:MM" into an instant and back,
// with @date-fns/tz, never with the server's or the browser's own zone. Pure: the session form
// runs them in the browser to say what a typed time means before it is saved.
//
// Twice a year a venue's clock is not a plain function of the instant: in spring an hour of
// clock times never happens, in autumn an hour happens twice. A typed time is never guessed in
// either case: a skipped time is refused, and a repeated one needs the editor to say which of
// the two it was (`Occurrence`).
import { TZDate, tzOffset } from "@date-fns/tz";
import { addHours, addMinutes, format } from "date-fns";
import { zoneAbbreviation } from "./instant";
import { formatLocalDay, isLocalDay, type LocalDay } from "./local-day";

export const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Which of the two readings of a clock time that happens twice (the hour repeated when clocks go back). */
export const OCCURRENCES = ["first", "second"] as const;
export type Occurrence = (typeof OCCURRENCES)[number];

export const isOccurrence = (value: unknown): value is Occurrence => value === "first" || value === "second";

/** The venue's day and "HH:MM" at an instant. */
export function venueClock(instant: Date, timeZone: string): { day: LocalDay; time: string } {
  const zoned = new TZDate(instant.getTime(), timeZone);
  return { day: format(zoned, "yyyy-MM-dd"), time: format(zoned, "HH:mm") };
}

const sameReading = (instant: Date, day: LocalDay, time: string, timeZone: string) => {
  const back = venueClock(instant, timeZone);
  return back.day === day && back.time === time;
};

/**
 * Every instant at which the venue's clocks show `time` on `day`, earliest first: none (not a
 * clock time, or skipped when the clocks go forward), one, or two (repeated when they go back).
 */
export function venueInstants(day: LocalDay, time: string, timeZone: string): Date[] {
  const clock = CLOCK.exec(time);
  if (!clock || !isLocalDay(day)) return [];
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  // @date-fns/tz gives one reading of the wall-clock time. The other reading of a repeated hour
  // lies the size of the nearby clock change away, so both neighbours are tried; each candidate
  // counts only if the venue's clocks really show that day and time at it.
  const guess = new Date(new TZDate(y, m - 1, d, Number(clock[1]), Number(clock[2]), timeZone).getTime());
  const change = tzOffset(timeZone, addHours(guess, 24)) - tzOffset(timeZone, addHours(guess, -24));
  const candidates = new Set([guess, addMinutes(guess, -Math.abs(change)), addMinutes(guess, Math.abs(change))].map((at) => at.getTime()));
  return [...candidates]
    .filter((t) => !Number.isNaN(t) && sameReading(new Date(t), day, time, timeZone))
    .sort((a, b) => a - b)
    .map((t) => new Date(t));
}

export type VenueTimeReading =
  | { ok: true; instant: Date; /** Set when the time happens twice that day. */ occurrence: Occurrence | null }
  | { ok: false; problem: "invalid"; instants: [] }
  | { ok: false; problem: "skipped"; instants: [] }
  | { ok: false; problem: "ambiguous"; instants: [Date, Date] };

/**
 * What `time` on `day` at the venue means: one instant, or why there is none. A time that happens
 * twice needs `occurrence`; without it the reading is "ambiguous", never a guess.
 */
export function readVenueTime(day: LocalDay, time: string, timeZone: string, occurrence?: Occurrence | null): VenueTimeReading {
  if (!CLOCK.test(time) || !isLocalDay(day)) return { ok: false, problem: "invalid", instants: [] };
  const instants = venueInstants(day, time, timeZone);
  if (instants.length === 0) return { ok: false, problem: "skipped", instants: [] };
  if (instants.length === 1) return { ok: true, instant: instants[0]!, occurrence: null };
  if (!occurrence) return { ok: false, problem: "ambiguous", instants: [instants[0]!, instants[1]!] };
  return { ok: true, instant: occurrence === "first" ? instants[0]! : instants[1]!, occurrence };
}

/**
 * The instant at which the venue's clocks show `time` on `day`; null when they never do (the hour
 * skipped when clocks go forward), and, in the hour that repeats when they go back, unless
 * `occurrence` says which of the two.
 */
export function venueInstant(day: LocalDay, time: string, timeZone: string, occurrence?: Occurrence | null): Date | null {
  const reading = readVenueTime(day, time, timeZone, occurrence);
  return reading.ok ? reading.instant : null;
}

/** Which reading of its clock time an instant is, when that time happens twice that day; else null. */
export function occurrenceOf(instant: Date, timeZone: string): Occurrence | null {
  const { day, time } = venueClock(instant, timeZone);
  const instants = venueInstants(day, time, timeZone);
  if (instants.length < 2) return null;
  return instants[0]!.getTime() === instant.getTime() ? "first" : "second";
}

/** One reading of a repeated time, as the form offers it: "02:30 CEST (summer time, first)". */
export function occurrenceLabel(instants: readonly [Date, Date], occurrence: Occurrence, timeZone: string): string {
  const at = occurrence === "first" ? instants[0] : instants[1];
  const { time } = venueClock(at, timeZone);
  const season = seasonOf(instants, occurrence, timeZone);
  return `${time} ${zoneAbbreviation(at, timeZone)} (${season ? `${season}, ` : ""}${occurrence})`;
}

/** "summer time" / "winter time" when the repeated hour is the end of the zone's summer time. */
function seasonOf(instants: readonly [Date, Date], occurrence: Occurrence, timeZone: string): string | null {
  const year = instants[0].getUTCFullYear();
  const january = tzOffset(timeZone, new Date(Date.UTC(year, 0, 1)));
  const july = tzOffset(timeZone, new Date(Date.UTC(year, 6, 1)));
  const [summer, winter] = [Math.max(january, july), Math.min(january, july)];
  const [first, second] = [tzOffset(timeZone, instants[0]), tzOffset(timeZone, instants[1])];
  if (summer === winter || first !== summer || second !== winter) return null;
  return occurrence === "first" ? "summer time" : "winter time";
}

/**
 * The venue's clock change nearest to an instant (within a day either way): the clock time just
 * before it ("02:00" when clocks go forward at 02:00) and the one it jumps to ("03:00").
 */
export function clockChangeNear(near: Date, timeZone: string): { before: string; after: string; at: Date } | null {
  let lo = addHours(near, -24);
  let hi = addHours(near, 24);
  const from = tzOffset(timeZone, lo);
  if (from === tzOffset(timeZone, hi)) return null;
  // Narrow down to the minute at which the offset changes, asking the zone data, not computing it.
  while (hi.getTime() - lo.getTime() > 60_000) {
    const mid = addMinutes(lo, Math.floor((hi.getTime() - lo.getTime()) / 120_000));
    if (tzOffset(timeZone, mid) === from) lo = mid;
    else hi = mid;
  }
  return { before: nextMinute(venueClock(lo, timeZone).time), after: venueClock(hi, timeZone).time, at: hi };
}

/** "01:59" → "02:00": the clock reading one minute on (wall-clock text, not an instant). */
function nextMinute(time: string): string {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const minutes = (h * 60 + m + 1) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Where and on which day a time was typed, to name them in messages. */
export type VenueTimeContext = { day: LocalDay; time: string; timeZone: string; place: string };

/**
 * Why a typed time cannot be saved, in one or two sentences naming the place, the day and, for
 * a repeated time, the two choices.
 */
export function venueTimeProblem(reading: Exclude<VenueTimeReading, { ok: true }>, { day, time, timeZone, place }: VenueTimeContext): string {
  const dayLabel = isLocalDay(day) ? formatLocalDay(day) : day;
  if (reading.problem === "invalid") return "Enter a 24-hour time such as 09:30.";
  if (reading.problem === "skipped") {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    const change = clockChangeNear(new Date(new TZDate(y, m - 1, d, 12, 0, timeZone).getTime()), timeZone);
    const jump = change ? `: the clocks go forward from ${change.before} straight to ${change.after}` : ": the clocks skip it";
    return `${time} does not exist in ${place} on ${dayLabel}${jump}. Enter the time as the clocks showed it.`;
  }
  const change = clockChangeNear(reading.instants[0], timeZone);
  const back = change ? `, as the clocks go back from ${change.before} to ${change.after}` : "";
  const first = occurrenceLabel(reading.instants, "first", timeZone);
  const second = occurrenceLabel(reading.instants, "second", timeZone);
  return `${time} happens twice in ${place} on ${dayLabel}${back}: choose ${first} or ${second}.`;
}

/**
 * A typed venue time's instant, or the sentence saying why it has none (skipped, or repeated and
 * `occurrence` not given): the one rule for every form that takes a time at the venue.
 */
export function typedVenueTime(context: VenueTimeContext, occurrence?: Occurrence | null): { instant: Date; problem: null } | { instant: null; problem: string } {
  const reading = readVenueTime(context.day, context.time, context.timeZone, occurrence);
  return reading.ok ? { instant: reading.instant, problem: null } : { instant: null, problem: venueTimeProblem(reading, context) };
}
