// A session's start and end as editors type them: a venue day and two venue clock times. Talks
// run late, so an end earlier than the start is the next day at the venue (22:30–01:15); the
// session stays on the day it started. Shared by the session form (to say what the times mean
// before saving), the write (lib/mutations/sessions.ts, which decides) and the timeline. Pure.
import { addHours, differenceInMinutes } from "date-fns";
import { zoneAbbreviation } from "./instant";
import { formatLocalDayInYear, formatLocalDayShort, localDaysBetween, type LocalDay } from "./local-day";
import { isOccurrence, occurrenceLabel, readVenueTime, venueClock, venueInstants, venueTimeProblem, type Occurrence } from "./venue-clock";
import { nextZoneDay, zoneDaysBetween } from "./zone-calendar";

/** A session lasts less than this; anything longer is a typing mistake or two sessions. */
export const SESSION_MAX_HOURS = 24;

export type SessionTimesInput = {
  localDay: LocalDay | null;
  startTime: string | null;
  startOccurrence?: Occurrence | null;
  endTime: string | null;
  endOccurrence?: Occurrence | null;
};

export type SessionTimeField = "startTime" | "endTime";

/** One of the two readings of a repeated time, as the form offers it. */
export type TimeChoice = { value: Occurrence; label: string };

export type SessionTimes = {
  startsAt: Date | null;
  endsAt: Date | null;
  /** The venue's day the session ends on (null without an end). */
  endDay: LocalDay | null;
  endsNextDay: boolean;
  /** Why a time cannot be saved, at most one per field. */
  problems: Partial<Record<SessionTimeField, string>>;
  /** The two readings of a time that happens twice, whether or not one has been chosen yet. */
  choices: Partial<Record<SessionTimeField, TimeChoice[]>>;
  /** What the end means, once it is known: "Ends 01:15 the next day, Thursday 5 March (2 h 45 min)." */
  endNote: string | null;
};

const choicesOf = (instants: readonly [Date, Date], timeZone: string): TimeChoice[] =>
  (["first", "second"] as const).map((value) => ({ value, label: occurrenceLabel(instants, value, timeZone) }));

/**
 * One typed venue time (a statement's), as its form explains it while typing: the two readings to
 * choose from when the clocks repeat it (and, until one is `chosen`, why it cannot be saved yet),
 * or why it cannot be saved when they skip it. Nothing to say for a time that happens once, or
 * while the day or the time is incomplete.
 */
export function typedTimeHelp(day: string, time: string, timeZone: string, place: string, chosen?: string): { choices?: TimeChoice[]; problem: string | null } {
  const reading = readVenueTime(day, time, timeZone);
  if (reading.ok || reading.problem === "invalid") return { problem: null };
  const problem = venueTimeProblem(reading, { day, time, timeZone, place });
  if (reading.problem === "ambiguous") return { choices: choicesOf(reading.instants, timeZone), problem: isOccurrence(chosen) ? null : problem };
  return { problem };
}

/** "2 h 45 min", "24 h", "45 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : "", m || !h ? `${m} min` : ""].filter(Boolean).join(" ");
}

/**
 * The instants a session's typed times stand for, or why they cannot be saved. The start is on
 * `localDay`. The end is the first time after the start that the venue's clocks show `endTime`:
 * later that day, or else the next day. `place` names the venue in messages ("Geneva").
 */
export function resolveSessionTimes(input: SessionTimesInput, timeZone: string, place: string): SessionTimes {
  const result: SessionTimes = { startsAt: null, endsAt: null, endDay: null, endsNextDay: false, problems: {}, choices: {}, endNote: null };
  const day = input.localDay;
  if (!day || !input.startTime) return result;

  const start = readVenueTime(day, input.startTime, timeZone, input.startOccurrence);
  const startChoices = start.ok ? (start.occurrence ? venueInstants(day, input.startTime, timeZone) : null) : start.problem === "ambiguous" ? start.instants : null;
  if (startChoices?.length === 2) result.choices.startTime = choicesOf(startChoices as [Date, Date], timeZone);
  if (!start.ok) {
    result.problems.startTime = venueTimeProblem(start, { day, time: input.startTime, timeZone, place });
    return result;
  }
  result.startsAt = start.instant;
  if (!input.endTime) return result;

  // Later the same day if the clocks show the end time again after the start (also the second
  // 02:15 of a night the clocks go back, after a start at 02:45 summer time); else the next day
  // the venue had (in Apia, Thursday 29 December 2011 was followed by Saturday 31 December).
  const endTime = input.endTime;
  const laterToday = venueInstants(day, endTime, timeZone).filter((at) => at > start.instant);
  const endDay = laterToday.length > 0 ? day : nextZoneDay(timeZone, day);
  const after = endDay === day ? laterToday : venueInstants(endDay, endTime, timeZone).filter((at) => at > start.instant);
  result.endDay = endDay;
  result.endsNextDay = endDay !== day;

  let endsAt: Date;
  if (after.length === 0) {
    const reading = readVenueTime(endDay, endTime, timeZone);
    result.problems.endTime = reading.ok ? "The end must be after the start." : venueTimeProblem(reading, { day: endDay, time: endTime, timeZone, place });
    return result;
  } else if (after.length === 1) {
    endsAt = after[0]!;
  } else {
    result.choices.endTime = choicesOf(after as [Date, Date], timeZone);
    if (!input.endOccurrence) {
      const reading = readVenueTime(endDay, endTime, timeZone);
      if (!reading.ok) result.problems.endTime = venueTimeProblem(reading, { day: endDay, time: endTime, timeZone, place });
      return result;
    }
    endsAt = input.endOccurrence === "first" ? after[0]! : after[1]!;
  }

  const minutes = differenceInMinutes(endsAt, start.instant);
  const when = result.endsNextDay ? `${endTime} the next day, ${formatLocalDayInYear(endDay)}` : `${endTime} the same day`;
  if (endsAt >= addHours(start.instant, SESSION_MAX_HOURS)) {
    result.problems.endTime =
      `That is ${when}, ${formatDuration(minutes)} after the start: a session cannot last ${SESSION_MAX_HOURS} hours or more. ` +
      `Check the times, or record it as two sessions.`;
    return result;
  }
  result.endsAt = endsAt;
  result.endNote = `Ends ${when} (${formatDuration(minutes)}).`;
  return result;
}

/** A session's times as the timeline shows them, on the venue's clock. */
export type SessionSpan = {
  start: { time: string; zone: string };
  end: { time: string; zone: string; day: LocalDay; /** Days after the start's day: 0 the same day, 1 the next. */ dayOffset: number; dayLabel: string } | null;
};

/** Start and end on the venue's clock, and on which day the end falls when it is not the start's. */
export function sessionSpan(startsAt: Date, endsAt: Date | null, timeZone: string): SessionSpan {
  const start = venueClock(startsAt, timeZone);
  const span: SessionSpan = { start: { time: start.time, zone: zoneAbbreviation(startsAt, timeZone) }, end: null };
  if (!endsAt) return span;
  const end = venueClock(endsAt, timeZone);
  // Counted in the venue's days: a date its clocks jumped over is no day between.
  const dayOffset = end.day > start.day ? zoneDaysBetween(timeZone, start.day, end.day) - 1 : localDaysBetween(start.day, end.day);
  span.end = {
    time: end.time,
    zone: zoneAbbreviation(endsAt, timeZone),
    day: end.day,
    dayOffset,
    dayLabel: dayOffset === 0 ? "" : dayOffset === 1 ? `the next day, ${formatLocalDayShort(end.day)}` : formatLocalDayShort(end.day),
  };
  return span;
}
