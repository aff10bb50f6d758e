// Groups a talk's sessions and statements into the venue's local days. Pure: plain data in,
// plain data out, unit-tested without a database (lib/timeline/build.test.ts).
import { localDayOf, type LocalDay } from "../time/local-day";
import { talkDayNumber } from "../time/zone-calendar";

export type TimelineSessionInput = {
  id: string;
  localDay: LocalDay | null;
  startsAt: Date | null;
  sequence: number;
};

export type TimelineStatementInput = {
  id: string;
  sessionId: string | null;
  saidOn: LocalDay | null;
  saidAt: Date | null;
  sequence: number;
};

export type TimelineTalkInput = { firstDay: LocalDay; lastDay: LocalDay | null; venueTimeZone: string };

export type TimelineSessionGroup<S, T> = { session: S; statements: T[] };

/** A day on which something was recorded. */
export type TimelineDay<S, T> = {
  day: LocalDay;
  /** 1 for the talk's first day. */
  number: number;
  sessions: TimelineSessionGroup<S, T>[];
  /** Statements made that day outside any recorded session. */
  outside: T[];
};

export type Timeline<S, T> = {
  /** The days that hold something, in order; the days between them are listed as runs (day-runs.ts). */
  days: TimelineDay<S, T>[];
  /** Sessions and statements whose day is not known; shown apart, never guessed onto a day. */
  undated: { sessions: TimelineSessionGroup<S, T>[]; statements: T[] };
};

/**
 * The day a session falls on. An instant decides when there is one (it is converted to the
 * venue's zone, so 01:30 in Beijing is that Beijing day even though it is the day before in UTC);
 * otherwise the recorded local day, which may be unknown.
 */
export function sessionDay(session: Pick<TimelineSessionInput, "localDay" | "startsAt">, timeZone: string): LocalDay | null {
  return session.startsAt ? localDayOf(session.startsAt, timeZone) : session.localDay;
}

export function statementDay(statement: Pick<TimelineStatementInput, "saidOn" | "saidAt">, timeZone: string): LocalDay | null {
  return statement.saidAt ? localDayOf(statement.saidAt, timeZone) : statement.saidOn;
}

const byTimeThenSequence = <X extends { sequence: number }>(at: (x: X) => Date | null) => (a: X, b: X) => {
  const ta = at(a)?.getTime();
  const tb = at(b)?.getTime();
  // Timed items first in time order; untimed ones keep their recorded order after them.
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
  if (ta !== undefined && tb === undefined) return -1;
  if (ta === undefined && tb !== undefined) return 1;
  return a.sequence - b.sequence;
};

/**
 * The days that hold sessions or statements, each with them grouped as the timeline shows them.
 * Only recorded days: its cost follows what was recorded, never the calendar span.
 */
export function buildTimeline<S extends TimelineSessionInput, T extends TimelineStatementInput>(
  talk: TimelineTalkInput,
  sessions: S[],
  statements: T[],
): Timeline<S, T> {
  const tz = talk.venueTimeZone;
  const sessionDays = new Map(sessions.map((s) => [s.id, sessionDay(s, tz)]));
  const groups = new Map<string, TimelineSessionGroup<S, T>>(
    [...sessions].sort(byTimeThenSequence((s) => s.startsAt)).map((s) => [s.id, { session: s, statements: [] }]),
  );
  const outside = new Map<LocalDay | null, T[]>();

  for (const st of [...statements].sort(byTimeThenSequence((s) => s.saidAt))) {
    const day = statementDay(st, tz);
    const group = st.sessionId ? groups.get(st.sessionId) : undefined;
    // A statement sits under its session when both are on the same day (or both undated);
    // a statement said on another day than its session is shown on its own day.
    if (group && sessionDays.get(st.sessionId!) === day) group.statements.push(st);
    else push(outside, day, st);
  }

  const byDay = new Map<LocalDay | null, TimelineSessionGroup<S, T>[]>();
  for (const group of groups.values()) push(byDay, sessionDays.get(group.session.id) ?? null, group);

  const recorded = new Set<LocalDay>();
  for (const day of [...byDay.keys(), ...outside.keys()]) if (day !== null) recorded.add(day);
  const days = [...recorded].sort().map((day) => ({
    day,
    number: talkDayNumber(talk, day),
    sessions: byDay.get(day) ?? [],
    outside: outside.get(day) ?? [],
  }));
  return { days, undated: { sessions: byDay.get(null) ?? [], statements: outside.get(null) ?? [] } };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
