// Orders and groups statements shown away from their talk's timeline: on an envoy's or a party's
// page (by talk, then by the venue's local day) and on an issue's page (by day, a column per party),
// and lays an issue's gap assessments out as a strip of days. Every list here grows with what was
// recorded, never with the calendar between its dates. Pure: plain data in, plain data out
// (lib/statements/group.test.ts).
import type { StatementKind } from "../enums";
import { localDayOf, type LocalDay } from "../time/local-day";
import { talkDayNumber } from "../time/zone-calendar";
import { slotDays, type DaySpan } from "../timeline/day-runs";

export type GroupTalkInput = { slug: string; title: string; firstDay: LocalDay; venueTimeZone: string };

export type GroupStatementInput = {
  saidOn: LocalDay | null;
  saidAt: Date | null;
  sequence: number;
};

export type StatementDay<S> = {
  day: LocalDay;
  /** 1 for the talk's first day; null for a day before the talk opened. */
  number: number | null;
  statements: S[];
};

/** Statements of one talk, by the venue's local day; those whose day is not reported come apart, last. */
export type StatementDays<S> = { days: StatementDay<S>[]; undated: S[] };

export type TalkStatements<T, S> = StatementDays<S> & { talk: T; count: number };

/** The day number of a local day in a talk: day 1 is the first day; null before it (dates the venue's clocks jumped over are not counted). */
export function dayNumber(talk: { firstDay: LocalDay; venueTimeZone: string }, day: LocalDay): number | null {
  return day >= talk.firstDay ? talkDayNumber(talk, day) : null;
}

// Within a day the timeline's order: timed statements first in time order, then the untimed
// ones in their recorded order.
function compareWithinDay(a: GroupStatementInput, b: GroupStatementInput): number {
  const ta = a.saidAt?.getTime();
  const tb = b.saidAt?.getTime();
  if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
  if (ta !== undefined && tb === undefined) return -1;
  if (ta === undefined && tb !== undefined) return 1;
  return a.sequence - b.sequence;
}

/**
 * One talk's statements by the venue's local day, days in order and only days that have one.
 * A statement's instant, where recorded, decides its day in the venue's zone (as on the timeline).
 */
export function groupByDay<S extends GroupStatementInput>(
  talk: { firstDay: LocalDay; venueTimeZone: string },
  statements: S[],
): StatementDays<S> {
  const byDay = new Map<LocalDay, S[]>();
  const undated: S[] = [];
  for (const s of [...statements].sort(compareWithinDay)) {
    // The timeline's rule (lib/timeline/build.ts, statementDay): a recorded instant decides the
    // day in the venue's zone; otherwise the recorded local day, which may be unknown.
    const day = s.saidAt ? localDayOf(s.saidAt, talk.venueTimeZone) : s.saidOn;
    if (day === null) undated.push(s);
    else push(byDay, day, s);
  }
  const days = [...byDay.keys()]
    .sort()
    .map((day) => ({ day, number: dayNumber(talk, day), statements: byDay.get(day) ?? [] }));
  return { days, undated };
}

/**
 * Statements from several talks, one group per talk that has any, talks in time order (first day,
 * then title), each grouped by day.
 */
export function groupByTalk<T extends GroupTalkInput, S extends GroupStatementInput>(
  items: { talk: T; statement: S }[],
): TalkStatements<T, S>[] {
  const talks = new Map<string, { talk: T; statements: S[] }>();
  for (const { talk, statement } of items) {
    const group = talks.get(talk.slug);
    if (group) group.statements.push(statement);
    else talks.set(talk.slug, { talk, statements: [statement] });
  }
  return [...talks.values()]
    .sort((a, b) => compareTalks(a.talk, b.talk))
    .map(({ talk, statements }) => ({ talk, count: statements.length, ...groupByDay(talk, statements) }));
}

export function compareTalks(a: { firstDay: LocalDay; title: string }, b: { firstDay: LocalDay; title: string }): number {
  return a.firstDay < b.firstDay ? -1 : a.firstDay > b.firstDay ? 1 : a.title.localeCompare(b.title);
}

/** What a party holds on an issue, as opposed to comments on how the talks are going. */
export const STANCE_KINDS: readonly StatementKind[] = ["position", "demand", "denial"];

export function isStance(kind: StatementKind): boolean {
  return STANCE_KINDS.includes(kind);
}

export type PartyColumn<P> = { party: P; count: number };

/** One day of an issue's statements in a talk: a cell per party, in the columns' order. */
export type PartyRow<S> = {
  /** Null for the statements whose day is not reported (always the last row). */
  day: LocalDay | null;
  number: number | null;
  cells: S[][];
};

/** A talk's statements on an issue as days (rows) by parties (columns), so the sides line up in time. */
export type PartyGrid<P, S> = { columns: PartyColumn<P>[]; rows: PartyRow<S>[] };

/**
 * One talk's statements on an issue as a grid: a column for every party of the talk in the talk's
 * order (a party that has said nothing keeps its column), then any other party that spoke; a row
 * for every day with a statement, in order, then one for statements whose day is not reported.
 */
export function groupByDayAndParty<P extends { slug: string }, S extends GroupStatementInput & { party: P }>(
  talk: { firstDay: LocalDay; venueTimeZone: string },
  parties: P[],
  statements: S[],
): PartyGrid<P, S> {
  const order = new Map<string, P>(parties.map((p) => [p.slug, p]));
  for (const s of statements) if (!order.has(s.party.slug)) order.set(s.party.slug, s.party);
  const slugs = [...order.keys()];
  const cells = (list: S[]) => slugs.map((slug) => list.filter((s) => s.party.slug === slug));
  const { days, undated } = groupByDay(talk, statements);
  const rows: PartyRow<S>[] = days.map((d) => ({ day: d.day, number: d.number, cells: cells(d.statements) }));
  if (undated.length > 0) rows.push({ day: null, number: null, cells: cells(undated) });
  return {
    columns: [...order.values()].map((party) => ({
      party,
      count: statements.filter((s) => s.party.slug === party.slug).length,
    })),
    rows,
  };
}

/** A day on an issue's gap strip: assessed, or with something else recorded on the issue. */
export type GapStripDay<A> = {
  kind: "day";
  day: LocalDay;
  number: number | null;
  /** The editors' judgement that day; null when the day was not assessed. */
  assessment: A | null;
};

/** Consecutive days on which nothing about the issue was recorded, as one entry. */
export type GapStripRun = {
  kind: "empty";
  first: LocalDay;
  last: LocalDay;
  /** The talk's numbers of the first and last days; null for days before the talk's first. */
  firstNumber: number | null;
  lastNumber: number | null;
  count: number;
};

export type GapStripSlot<A> = GapStripDay<A> | GapStripRun;

/**
 * An issue's gap in one talk as a strip: an entry for each day assessed or with a statement on
 * the issue (`otherRecordedDays`), and one for each stretch of days between them, and up to the
 * talk's last day, where nothing was — so an analyst sees the days not assessed as well as the
 * ones that were, and a day typed as 9999-12-31 adds one entry, not three million.
 */
export function gapStrip<A extends { localDay: LocalDay }>(
  talk: DaySpan,
  assessments: A[],
  otherRecordedDays: Iterable<LocalDay> = [],
): GapStripSlot<A>[] {
  const byDay = new Map(assessments.map((a) => [a.localDay, a]));
  const recorded = [...new Set([...byDay.keys(), ...otherRecordedDays])].sort();
  const numbered = (n: number) => (n >= 1 ? n : null);
  return slotDays(talk, recorded, (day) => day).map((slot): GapStripSlot<A> =>
    slot.kind === "day"
      ? { kind: "day", day: slot.day, number: numbered(slot.number), assessment: byDay.get(slot.day) ?? null }
      : {
          kind: "empty",
          first: slot.first,
          last: slot.last,
          firstNumber: numbered(slot.firstNumber),
          lastNumber: numbered(slot.firstNumber + slot.count - 1),
          count: slot.count,
        },
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
