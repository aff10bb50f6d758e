// The rules that keep a talk's record from contradicting itself about time (issue 10): a row's
// day and its instants agree on the venue's clock, a precision says what is known and no more,
// and a statement said in a session lies within the session's days and times. One set of rules,
// run by the write core (lib/mutations), the talk document's schema (the loader and the import)
// and `npm run db:check` over a database that was filled before they existed.
//
// Fields are named as the database and the talk document name them (startsAt, saidAt); the
// forms, which type a time rather than an instant, map them to their own fields.
import type { PartOfDay, TimePrecision } from "../enums";
import { PART_OF_DAY_LABEL, TIME_PRECISION_LABEL } from "../labels";
import { formatLocalDay, formatLocalDayDate, type LocalDay } from "./local-day";
import { SESSION_MAX_HOURS } from "./session-times";
import { isDayInTalk, lastAllowedDay, talkDaysProblem, type TalkDays } from "./talk-span";
import { venueClock } from "./venue-clock";
import { nextZoneDay } from "./zone-calendar";

/**
 * `confirmable`: not a contradiction but something unusual the editor may confirm ("Save anyway";
 * issue 12) — a statement timed outside its session's times. Reports do say a delegate spoke
 * before the plenary formally opened or after it closed; the day, which files the statement
 * under the session on the timeline, must still agree.
 */
export type RowProblem<F extends string = string> = { field: F; message: string; confirmable?: true };

export type SessionTiming = { localDay: LocalDay | null; startsAt: Date | null; endsAt: Date | null };
export type SessionField = "localDay" | "startsAt" | "endsAt";

export type StatementTiming = { saidOn: LocalDay | null; saidAt: Date | null; saidPrecision: TimePrecision; partOfDay: PartOfDay | null };
export type StatementField = "saidOn" | "saidAt" | "saidPrecision" | "partOfDay";

/** "23:00 on Thursday 29 December 2011", on the venue's clock. */
function atVenue(instant: Date, timeZone: string): { day: LocalDay; text: string } {
  const clock = venueClock(instant, timeZone);
  return { day: clock.day, text: `${clock.time} on ${formatLocalDay(clock.day)}` };
}

/** "“Opening plenary”" or "its session" when it has no title. */
const named = (title: string | null | undefined) => (title ? `its session, “${title}”,` : "its session");

/**
 * Where a session's day and times disagree: a start on another day than the session's, an end
 * before the start or a day or more after it, a time without a day. Empty when they agree.
 */
export function sessionTimingProblems(s: SessionTiming, timeZone: string): RowProblem<SessionField>[] {
  const problems: RowProblem<SessionField>[] = [];
  if (s.localDay === null) {
    if (s.startsAt || s.endsAt) problems.push({ field: "localDay", message: "A session with a start or end time needs its day." });
    return problems;
  }
  if (s.startsAt) {
    const start = atVenue(s.startsAt, timeZone);
    if (start.day !== s.localDay) {
      problems.push({ field: "startsAt", message: `It starts at ${start.text} at the venue, not on its own day, ${formatLocalDay(s.localDay)}.` });
    }
  }
  if (s.startsAt && s.endsAt) {
    const hours = (s.endsAt.getTime() - s.startsAt.getTime()) / 3_600_000;
    if (hours < 0) problems.push({ field: "endsAt", message: `It ends (${atVenue(s.endsAt, timeZone).text}) before it starts.` });
    else if (hours >= SESSION_MAX_HOURS) {
      problems.push({ field: "endsAt", message: `It ends ${SESSION_MAX_HOURS} hours or more after it starts: a session that long is two sessions, or a typing mistake.` });
    }
  } else if (s.endsAt) {
    // Without a start, the end may fall on its day or, past midnight, the next day the venue had.
    const end = atVenue(s.endsAt, timeZone);
    if (end.day < s.localDay) problems.push({ field: "endsAt", message: `It ends at ${end.text}, before its own day, ${formatLocalDay(s.localDay)}.` });
  }
  return problems;
}

/**
 * The venue days a session covers: its own, to the day its end falls on (a session past
 * midnight). With a start but no end it may have run past midnight: the next day the venue had.
 */
export function sessionDays(s: SessionTiming, timeZone: string): { first: LocalDay; last: LocalDay } | null {
  if (s.localDay === null) return null;
  if (!s.endsAt) return { first: s.localDay, last: s.startsAt ? nextZoneDay(timeZone, s.localDay) : s.localDay };
  const end = venueClock(s.endsAt, timeZone).day;
  return { first: s.localDay, last: end > s.localDay ? end : s.localDay };
}

/**
 * Where a statement's precision, day and time disagree: a day-only statement that carries a time,
 * a time that falls on another day than the statement's, a part of the day without that precision.
 */
export function statementTimingProblems(s: StatementTiming, timeZone: string): RowProblem<StatementField>[] {
  const problems: RowProblem<StatementField>[] = [];
  const precision = `its time is marked “${TIME_PRECISION_LABEL[s.saidPrecision]}”`;
  if (s.saidPrecision === "unknown") {
    if (s.saidOn !== null || s.saidAt !== null) {
      problems.push({ field: "saidPrecision", message: `It has a day or a time, but ${precision}: give the precision that was reported.` });
    }
  } else if (s.saidOn === null) {
    problems.push({ field: "saidOn", message: `It needs the day it was said: ${precision}.` });
  }
  if (s.saidPrecision === "minute") {
    if (s.saidAt === null) problems.push({ field: "saidAt", message: "It needs the time it was said: its time is marked known to the minute." });
    else if (s.saidOn !== null) {
      const said = atVenue(s.saidAt, timeZone);
      if (said.day !== s.saidOn) problems.push({ field: "saidAt", message: `Its time is ${said.text} at the venue, not on its own day, ${formatLocalDay(s.saidOn)}.` });
    }
  } else if (s.saidAt !== null && s.saidPrecision !== "unknown") {
    problems.push({
      field: "saidAt",
      message: `It carries a time, ${atVenue(s.saidAt, timeZone).text}, but ${precision}: mark it as known to the minute, or leave the time out.`,
    });
  }
  if (s.saidPrecision === "part_of_day" && s.partOfDay === null) {
    problems.push({ field: "partOfDay", message: `It needs the part of the day it was said in: ${precision}.` });
  } else if (s.saidPrecision !== "part_of_day" && s.partOfDay !== null) {
    problems.push({ field: "partOfDay", message: `It names a part of the day (${PART_OF_DAY_LABEL[s.partOfDay]}), but ${precision}.` });
  }
  return problems;
}

/**
 * Why a statement cannot be one said in this session, or null: said on a day the session did not
 * cover (refused), or at a time before it began or after it ended (`confirmable`: a warning the
 * editor may confirm). A statement whose day is not known, or a session whose day is not, cannot
 * contradict the other.
 */
export function statementInSessionProblem(
  st: Pick<StatementTiming, "saidOn" | "saidAt">,
  session: SessionTiming & { title?: string | null },
  timeZone: string,
): RowProblem<"saidOn" | "saidAt"> | null {
  const days = sessionDays(session, timeZone);
  if (!days || st.saidOn === null) return null;
  if (st.saidOn < days.first || st.saidOn > days.last) {
    const held = days.first === days.last ? `on ${formatLocalDay(days.first)}` : `from ${formatLocalDay(days.first)} to ${formatLocalDay(days.last)}`;
    return {
      field: "saidOn",
      message: `It was said on ${formatLocalDay(st.saidOn)}, but ${named(session.title)} was held ${held}: correct the day, or choose another session.`,
    };
  }
  if (!st.saidAt) return null;
  if (session.startsAt && st.saidAt < session.startsAt) {
    return {
      field: "saidAt",
      message: `It was said at ${atVenue(st.saidAt, timeZone).text}, before ${named(session.title)} began (${atVenue(session.startsAt, timeZone).text}): correct the time, choose another session, or save anyway if the report says so.`,
      confirmable: true,
    };
  }
  const openEnd = session.startsAt && !session.endsAt ? new Date(session.startsAt.getTime() + SESSION_MAX_HOURS * 3_600_000) : null;
  if (openEnd && st.saidAt >= openEnd) {
    return {
      field: "saidAt",
      message: `It was said at ${atVenue(st.saidAt, timeZone).text}, ${SESSION_MAX_HOURS} hours or more after ${named(session.title)} began (${atVenue(session.startsAt!, timeZone).text}): correct the time, choose another session, or save anyway if the report says so.`,
      confirmable: true,
    };
  }
  if (session.endsAt && st.saidAt > session.endsAt) {
    return {
      field: "saidAt",
      message: `It was said at ${atVenue(st.saidAt, timeZone).text}, after ${named(session.title)} ended (${atVenue(session.endsAt, timeZone).text}): correct the time, choose another session, or save anyway if the report says so.`,
      confirmable: true,
    };
  }
  return null;
}

/**
 * A session on a day outside the talk's days (issue 12: the next day's session of a talk whose
 * last day was set before the round ran on). Not refused but confirmed: saving it anyway moves the
 * talk's first or last day to take it in, so no row is ever left outside its talk. Null when the
 * day is inside, or when the talk cannot take it in (past the span limit, or moving an open
 * talk's first day back, which would pull its limit in) — then the ordinary refusal stands
 * (lib/time/talk-span.ts `dayOutsideTalk`).
 */
export function sessionOutsideTalkProblem(talk: TalkDays, day: LocalDay): (RowProblem<"localDay"> & { extended: TalkDays }) | null {
  if (isDayInTalk(talk, day)) return null;
  const before = day < talk.firstDay;
  const extended: TalkDays = before ? { firstDay: day, lastDay: talk.lastDay } : { firstDay: talk.firstDay, lastDay: day };
  if (talkDaysProblem(extended) || (talk.lastDay === null && lastAllowedDay(extended) < lastAllowedDay(talk))) return null;
  const message = before
    ? `${formatLocalDay(day)} is before the talk’s first day, ${formatLocalDayDate(talk.firstDay)}. Save anyway to start the talk on ${formatLocalDayDate(day)}, or correct the day.`
    : `${formatLocalDay(day)} is after the talk’s last day, ${formatLocalDayDate(talk.lastDay!)}. Save anyway to extend the talk to ${formatLocalDayDate(day)}, or correct the day.`;
  return { field: "localDay", message, confirmable: true, extended };
}
