// Clock times typed by editors are the venue's (a session at 09:30 in Beijing is entered as
// 09:30, wherever the editor sits). These turn a venue day and "HH:MM" into an instant and back,
// from the zone's offsets as Intl reports them to the second (lib/time/zone-calendar.ts), never
// with the server's or the browser's own zone. (Not @date-fns/tz's TZDate: it reads an offset
// with seconds, such as Monrovia's −0:44:30 until 1972, with the wrong sign; the property test
// over every zone's changes, test/properties/zone-transitions.test.ts, found it.) Pure: the
// session form runs them in the browser to say what a typed time means before it is saved.
//
// Twice a year a venue's clock is not a plain function of the instant: in spring an hour of
// clock times never happens, in autumn an hour happens twice. A typed time is never guessed in
// either case: a skipped time is refused, and a repeated one needs the editor to say which of
// the two it was (`Occurrence`).
import { zoneAbbreviation } from "./instant";
import { formatLocalDay, isLocalDay, type LocalDay } from "./local-day";
import { clockChangeOn, clockChanges, describeJump, skippedDayProblem, zoneOffsetMs } from "./zone-calendar";

export const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Which of the two readings of a clock time that happens twice (the hour repeated when clocks go back). */
export const OCCURRENCES = ["first", "second"] as const;
export type Occurrence = (typeof OCCURRENCES)[number];

export const isOccurrence = (value: unknown): value is Occurrence => value === "first" || value === "second";

/** The venue's day and "HH:MM" at an instant. */
export function venueClock(instant: Date, timeZone: string): { day: LocalDay; time: string } {
  const local = new Date(instant.getTime() + zoneOffsetMs(timeZone, instant.getTime())).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

const sameReading = (instant: Date, day: LocalDay, time: string, timeZone: string) => {
  const back = venueClock(instant, timeZone);
  return back.day === day && back.time === time;
};

const HOUR_MS = 3_600_000;

/**
 * Every instant at which the venue's clocks show `time` on `day`, earliest first: none (not a
 * clock time, or skipped when the clocks go forward), one, or two (repeated when they go back).
 */
export function venueInstants(day: LocalDay, time: string, timeZone: string): Date[] {
  const clock = CLOCK.exec(time);
  if (!clock || !isLocalDay(day)) return [];
  // The clock reading as if it were UTC; the instant is that minus the offset then in force, and
  // offsets lie between −12 and +14 hours. Each offset the zone had in that window gives one
  // candidate, which counts only if the clocks really show that day and time at it.
  const local = Date.parse(`${day}T${time}:00Z`);
  const from = local - 14 * HOUR_MS - 1000;
  const to = local + 12 * HOUR_MS + 1000;
  const offsets = new Set([zoneOffsetMs(timeZone, from), ...clockChanges(timeZone, from, to, 3 * HOUR_MS).map((c) => c.after)]);
  return [...new Set([...offsets].map((o) => local - o))]
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
  const january = zoneOffsetMs(timeZone, Date.UTC(year, 0, 1));
  const july = zoneOffsetMs(timeZone, Date.UTC(year, 6, 1));
  const [summer, winter] = [Math.max(january, july), Math.min(january, july)];
  const [first, second] = [zoneOffsetMs(timeZone, instants[0].getTime()), zoneOffsetMs(timeZone, instants[1].getTime())];
  if (summer === winter || first !== summer || second !== winter) return null;
  return occurrence === "first" ? "summer time" : "winter time";
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
    // A whole date jumped over (Apia, 30 December 2011): the date is the problem, not the time.
    const skippedDay = skippedDayProblem(timeZone, day, place);
    if (skippedDay) return `${skippedDay} Enter the day and time as the clocks showed them.`;
    const change = clockChangeOn(timeZone, day, "forward");
    const jump = change ? `: the clocks go forward ${describeJump(change)}` : ": the clocks skip it";
    return `${time} does not exist in ${place} on ${dayLabel}${jump}. Enter the time as the clocks showed it.`;
  }
  const change = clockChangeOn(timeZone, day, "back");
  const back = change ? `, as the clocks go back ${describeJump(change)}` : "";
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
