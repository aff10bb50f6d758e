// The brief of a talk (/talks/<slug>/brief): for each agenda issue where each party stands, the
// gap by day and its trend, the quoted words; each day's outcome in a line; what is not known;
// the sources, numbered in the order the brief first cites them. Pure: the talk's rows in — live,
// or as known at a past moment (lib/data/brief.ts reads them) — and what changed since a moment,
// a plain object out, which the page renders. The rules are written down in
// docs/decisions/019-brief.md.
import type { Gap, Outcome, StatementKind, TalkStatus } from "../enums";
import { STANCE_KINDS } from "../statements/group";
import { formatClock, zoneAbbreviation } from "../time/instant";
import { formatLocalDay, localDayOf, type LocalDay } from "../time/local-day";
import { formatMoment } from "../time/moment";
import { dayNumberIn, slotDays } from "../timeline/day-runs";
import { gapTrend, type GapTrend } from "./trend";

// ---- What the data layer hands in: the talk's live rows, plain. ----

export type BriefSourceRow = { id: string; publisher: string; title: string; url: string | null; publishedOn: string | null };

export type BriefRecord = {
  talk: {
    slug: string;
    title: string;
    venueCity: string;
    venueTimeZone: string;
    firstDay: LocalDay;
    lastDay: LocalDay | null;
    status: TalkStatus;
  };
  /** In the talk's order. */
  parties: { slug: string; name: string; shortName: string }[];
  /** The agenda, in the talk's order. */
  issues: { slug: string; name: string }[];
  statements: {
    id: string;
    saidOn: LocalDay | null;
    saidAt: Date | null;
    sequence: number;
    kind: StatementKind;
    text: string;
    quotedWords: string | null;
    party: { slug: string; shortName: string };
    envoy: { name: string } | null;
    issues: string[];
    sources: BriefSourceRow[];
  }[];
  sessions: {
    id: string;
    localDay: LocalDay | null;
    startsAt: Date | null;
    sequence: number;
    title: string;
    outcome: Outcome;
    outcomeNote: string | null;
    sources: BriefSourceRow[];
  }[];
  /** `id` is read with today's rows (to mark what changed since a moment); a past record's rows carry none. */
  assessments: { id?: string; issue: string; localDay: LocalDay; gap: Gap; note: string; authorName: string }[];
};

/** What a reader is told changed in a row since a moment: deleted rows are for editors (decision 023). */
export type BriefChange = "added" | "corrected";

/** How the brief is read beyond the record itself (`?asOf=`, `?since=`: docs/decisions/019-brief.md). */
export type BriefMarks = {
  /** The record is as known at `now`, rebuilt from its revisions: the brief is of that moment. */
  past?: boolean;
  /** The rows added or corrected since a moment, by id. */
  since?: { instant: Date; statements: Map<string, BriefChange>; sessions: Map<string, BriefChange>; assessments: Map<string, BriefChange> };
};

type Tally = Record<BriefChange, number>;

// ---- What the page renders. ----

/** A statement as the brief cites it. `sources` are the brief's numbers. */
export type BriefStatement = {
  id: string;
  speaker: string;
  party: string;
  kind: StatementKind;
  /** The venue's local day, null when not reported; `number` is the talk's day number. */
  day: LocalDay | null;
  number: number | null;
  text: string;
  quotedWords: string | null;
  sources: number[];
  /** Added or corrected since the moment the brief marks changes from; null otherwise. */
  change: BriefChange | null;
};

export type BriefPosition = {
  party: { slug: string; name: string; shortName: string };
  /** The statement shown, or null when the party said nothing on the issue. */
  statement: BriefStatement | null;
  /** "stance": a position, demand, denial or direct quote; "remark": no stance recorded, so its latest other statement. */
  basis: "stance" | "remark" | null;
  /** Other statements of the same basis on the issue whose day is not reported (they may be later). */
  undatedOthers: number;
};

export type BriefStripCell =
  | { kind: "day"; day: LocalDay; number: number; gap: Gap | null; note: string; change: BriefChange | null }
  | { kind: "empty"; first: LocalDay; last: LocalDay; firstNumber: number; count: number };

export type BriefIssue = {
  slug: string;
  name: string;
  positions: BriefPosition[];
  strip: BriefStripCell[];
  trend: GapTrend;
  /** The key quoted words: each phrase once, at its latest, at most BRIEF_MAX_QUOTES, in the timeline's order. */
  quotes: BriefStatement[];
  /** Statements with quoted words on the issue not shown (repeats, and beyond the limit). */
  quotesLeftOut: number;
};

/** Sessions sharing an outcome, its note and whether they changed since the moment marked from. */
export type BriefSessionLine = { titles: string[]; outcome: Outcome; outcomeNote: string | null; sources: number[]; change: BriefChange | null };

export type BriefDay =
  | { kind: "day"; day: LocalDay; number: number; sessions: BriefSessionLine[]; statements: number }
  | { kind: "empty"; first: LocalDay; last: LocalDay; firstNumber: number; count: number };

export type BriefSource = BriefSourceRow & { number: number };

export type Brief = {
  talk: BriefRecord["talk"];
  parties: BriefRecord["parties"];
  /** When the brief is of: the moment of the request, or (`past`) a moment whose record was rebuilt from revisions. */
  asOf: { instant: Date; venue: string; utc: string; past: boolean };
  /**
   * What changed since a moment, when asked: the moment as banners name it ("Monday 6 February
   * 2006, 18:00 (Beijing)") and the rows added and corrected since, counted by kind.
   */
  changes: { instant: Date; label: string; statements: Tally; sessions: Tally; assessments: Tally; total: number } | null;
  /** The days the brief covers: the talk's first to its last (to the latest recorded day while its end is open). */
  span: { firstDay: LocalDay; lastDay: LocalDay; lastNumber: number };
  issues: BriefIssue[];
  /** Each day of the span: its sessions' outcomes, or a stretch of days with nothing reported. */
  days: BriefDay[];
  /** The talk's sessions whose day is not reported. */
  undatedSessions: BriefSessionLine[];
  /** Earlier days left out of `days` and of every strip to keep the brief short (0 for most talks). */
  daysLeftOut: number;
  unknowns: {
    /** Stretches of the talk's days with no statement and no session. */
    silentDays: { first: LocalDay; last: LocalDay; firstNumber: number; count: number }[];
    /** The first BRIEF_MAX_UNDATED of them, in the order recorded; the count is of all. */
    undatedStatements: BriefStatement[];
    undatedStatementCount: number;
    unsourcedStatements: number;
  };
  sources: BriefSource[];
};

/** The kinds that say where a party stands, in the brief's preference (docs/decisions/019-brief.md). */
export const POSITION_KINDS: readonly StatementKind[] = [...STANCE_KINDS, "direct_quote"];

/** At most this many columns in a gap strip and lines of days: a long talk's brief shows its latest stretch. */
export const BRIEF_MAX_DAYS = 24;
/** Quoted words per issue, and undated statements listed: enough to read, few enough for two pages. */
export const BRIEF_MAX_QUOTES = 5;
export const BRIEF_MAX_UNDATED = 10;

type Row = BriefRecord["statements"][number];

export function buildBrief(record: BriefRecord, now: Date, marks: BriefMarks = {}): Brief {
  const { talk } = record;
  const since = marks.since ?? null;
  const tz = talk.venueTimeZone;
  const statementDay = (s: Row) => (s.saidAt ? localDayOf(s.saidAt, tz) : s.saidOn);
  const sessionDay = (s: BriefRecord["sessions"][number]) => (s.startsAt ? localDayOf(s.startsAt, tz) : s.localDay);

  // Sources are numbered as the brief first cites them, reading down the page.
  const numbers = new Map<string, BriefSource>();
  const cite = (sources: BriefSourceRow[]) =>
    sources.map((src) => {
      let known = numbers.get(src.id);
      if (!known) numbers.set(src.id, (known = { ...src, number: numbers.size + 1 }));
      return known.number;
    });

  // The days: every day that holds a statement, a session or an assessment, and the stretches between.
  const statementsByDay = new Map<LocalDay, number>();
  for (const s of record.statements) {
    const day = statementDay(s);
    if (day !== null) statementsByDay.set(day, (statementsByDay.get(day) ?? 0) + 1);
  }
  const sessionsByDay = new Map<LocalDay, BriefRecord["sessions"]>();
  for (const s of [...record.sessions].sort(bySequenceAndTime)) {
    const day = sessionDay(s);
    if (day !== null) sessionsByDay.set(day, [...(sessionsByDay.get(day) ?? []), s]);
  }
  const recorded = [...new Set([...statementsByDay.keys(), ...sessionsByDay.keys(), ...record.assessments.map((a) => a.localDay)])].sort();
  const allSlots = slotDays(talk, recorded, (d) => d);
  const lastSlot = allSlots.at(-1);
  const lastDay = !lastSlot ? talk.firstDay : lastSlot.kind === "day" ? lastSlot.day : lastSlot.last;
  const lastNumber = !lastSlot ? 1 : lastSlot.kind === "day" ? lastSlot.number : lastSlot.firstNumber + lastSlot.count - 1;
  const slots = allSlots.slice(Math.max(0, allSlots.length - BRIEF_MAX_DAYS));
  const daysLeftOut = allSlots.slice(0, allSlots.length - slots.length).reduce((n, s) => n + (s.kind === "day" ? 1 : s.count), 0);

  const toStatement = (s: Row): BriefStatement => {
    const day = statementDay(s);
    return {
      id: s.id,
      speaker: s.envoy ? s.envoy.name : s.party.shortName,
      party: s.party.shortName,
      kind: s.kind,
      day,
      number: day === null ? null : positive(dayNumberIn(talk, day)),
      text: s.text,
      quotedWords: s.quotedWords,
      sources: cite(s.sources),
      change: since?.statements.get(s.id) ?? null,
    };
  };
  const statements = timelineOrder(record.statements, statementDay);

  const issues = record.issues.map((issue): BriefIssue => {
    const on = statements.filter((s) => s.issues.includes(issue.slug));
    const positions = record.parties.map((party): BriefPosition => {
      const { statement: chosen, basis, undatedOthers } = latestPosition(
        on.filter((s) => s.party.slug === party.slug),
        statementDay,
      );
      return { party, statement: chosen ? toStatement(chosen) : null, basis, undatedOthers };
    });
    const assessed = record.assessments.filter((a) => a.issue === issue.slug);
    const byDayOf = new Map(assessed.map((a) => [a.localDay, a]));
    const strip = slots.map((slot): BriefStripCell => {
      if (slot.kind === "empty") return slot;
      const a = byDayOf.get(slot.day);
      return { kind: "day", day: slot.day, number: slot.number, gap: a?.gap ?? null, note: a?.note ?? "", change: (a?.id !== undefined && since?.assessments.get(a.id)) || null };
    });
    const trend = gapTrend(
      assessed.map((a) => ({ day: a.localDay, number: positive(dayNumberIn(talk, a.localDay)), gap: a.gap })),
      { day: lastDay, number: lastNumber },
    );
    const quoted = on.filter((s) => s.quotedWords || s.kind === "direct_quote");
    const quotes = keyQuotes(quoted, statementDay).map(toStatement);
    return { slug: issue.slug, name: issue.name, positions, strip, trend, quotes, quotesLeftOut: quoted.length - quotes.length };
  });

  const days = slots.map((slot): BriefDay => {
    if (slot.kind === "empty") return slot;
    return { kind: "day", day: slot.day, number: slot.number, sessions: sessionLines(sessionsByDay.get(slot.day) ?? [], cite, since?.sessions), statements: statementsByDay.get(slot.day) ?? 0 };
  });
  const undatedSessions = sessionLines(
    record.sessions.filter((s) => sessionDay(s) === null).sort(bySequenceAndTime),
    cite,
    since?.sessions,
  );

  // A day "with no report": nothing said and no session on it (an assessment alone is a judgement, not a report).
  const reported = [...new Set([...statementsByDay.keys(), ...sessionsByDay.keys()])].sort();
  const silentDays = slotDays({ ...talk, lastDay }, reported, (d) => d).filter((s) => s.kind === "empty");
  const undated = statements.filter((s) => statementDay(s) === null);
  const undatedStatements = undated.slice(0, BRIEF_MAX_UNDATED).map(toStatement);

  return {
    talk,
    parties: record.parties,
    asOf: {
      instant: now,
      venue: `${formatLocalDay(localDayOf(now, tz))}, ${formatClock(now, tz)} ${zoneAbbreviation(now, tz)} (${talk.venueCity})`,
      // The date again only when UTC is on another day than the venue.
      utc: `${localDayOf(now, "UTC") === localDayOf(now, tz) ? "" : `${formatLocalDay(localDayOf(now, "UTC"))}, `}${formatClock(now, "UTC")} UTC`,
      past: marks.past ?? false,
    },
    changes: since ? countChanges(since, talk) : null,
    span: { firstDay: talk.firstDay, lastDay, lastNumber },
    issues,
    days,
    undatedSessions,
    daysLeftOut,
    unknowns: {
      silentDays: silentDays.map(({ first, last, firstNumber, count }) => ({ first, last, firstNumber, count })),
      undatedStatements,
      undatedStatementCount: undated.length,
      unsourcedStatements: record.statements.filter((s) => s.sources.length === 0).length,
    },
    sources: [...numbers.values()],
  };
}

/** Statements in the timeline's order: by day, then time where known, then as recorded; undated last. */
export function timelineOrder<S extends { saidAt: Date | null; sequence: number }>(statements: S[], dayOf: (s: S) => LocalDay | null): S[] {
  return [...statements].sort((a, b) => {
    const da = dayOf(a);
    const db = dayOf(b);
    if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
    return bySequenceAndTimeOf(a.saidAt, a.sequence, b.saidAt, b.sequence);
  });
}

/**
 * Where a party stands on an issue (docs/decisions/019-brief.md): its latest position, demand,
 * denial or direct quote; with none of those, its latest other statement ("remark"). `said` is the
 * party's statements on the issue in the timeline's order (timelineOrder). Also used by the series
 * page for each round (docs/decisions/025-series.md).
 */
export function latestPosition<S extends { kind: StatementKind; sequence: number }>(
  said: S[],
  dayOf: (s: S) => LocalDay | null,
): { statement: S | null; basis: "stance" | "remark" | null; undatedOthers: number } {
  const stances = said.filter((s) => POSITION_KINDS.includes(s.kind));
  const pool = stances.length > 0 ? stances : said;
  const chosen = latestOf(pool, dayOf);
  return {
    statement: chosen,
    basis: pool.length === 0 ? null : stances.length > 0 ? "stance" : "remark",
    undatedOthers: pool.filter((s) => s !== chosen && dayOf(s) === null).length,
  };
}

/**
 * The latest of a party's statements: the latest whose day is known; when none is, the last
 * recorded (the report's own order is the only order there is).
 */
function latestOf<S extends { sequence: number }>(pool: S[], dayOf: (s: S) => LocalDay | null): S | null {
  // `pool` is in the timeline's order, undated last.
  const dated = pool.filter((s) => dayOf(s) !== null);
  if (dated.length > 0) return dated.at(-1)!;
  return pool.reduce<S | null>((last, s) => (last === null || s.sequence > last.sequence ? s : last), null);
}

/**
 * The key quoted words of an issue: each phrase (its words, case aside) once, where it was said
 * last — the latest known day; a phrase only ever quoted on days not reported, at its last
 * recorded — the latest BRIEF_MAX_QUOTES phrases, back in the timeline's order.
 */
function keyQuotes<S extends Row>(quoted: S[], dayOf: (s: S) => LocalDay | null): S[] {
  // `quoted` is in the timeline's order, undated last: the latest dated come first in this order.
  const latestFirst = [...quoted.filter((s) => dayOf(s) !== null).reverse(), ...quoted.filter((s) => dayOf(s) === null).reverse()];
  const seen = new Set<string>();
  const chosen = new Set<S>();
  for (const s of latestFirst) {
    const words = (s.quotedWords ?? s.text).trim().toLowerCase();
    if (seen.has(words)) continue;
    seen.add(words);
    chosen.add(s);
    if (chosen.size === BRIEF_MAX_QUOTES) break;
  }
  return quoted.filter((s) => chosen.has(s));
}

/**
 * Sessions of one day as lines: those with the same outcome and note share one line — and the
 * same change since the moment marked from, so a line's tag is true of every session in it.
 */
function sessionLines(sessions: BriefRecord["sessions"], cite: (s: BriefSourceRow[]) => number[], changed?: Map<string, BriefChange>): BriefSessionLine[] {
  const lines: BriefSessionLine[] = [];
  for (const s of sessions) {
    const numbers = cite(s.sources);
    const change = changed?.get(s.id) ?? null;
    const same = lines.find((l) => l.outcome === s.outcome && l.outcomeNote === s.outcomeNote && l.change === change);
    if (same) {
      same.titles.push(s.title);
      for (const n of numbers) if (!same.sources.includes(n)) same.sources.push(n);
    } else lines.push({ titles: [s.title], outcome: s.outcome, outcomeNote: s.outcomeNote, sources: numbers, change });
  }
  return lines;
}

/** The changes since the moment, counted by kind: all of them, including those the brief does not show. */
function countChanges(since: NonNullable<BriefMarks["since"]>, talk: BriefRecord["talk"]): NonNullable<Brief["changes"]> {
  const tally = (changes: Map<string, BriefChange>): Tally => {
    const t: Tally = { added: 0, corrected: 0 };
    for (const c of changes.values()) t[c]++;
    return t;
  };
  const statements = tally(since.statements);
  const sessions = tally(since.sessions);
  const assessments = tally(since.assessments);
  const total = [statements, sessions, assessments].reduce((n, t) => n + t.added + t.corrected, 0);
  return { instant: since.instant, label: formatMoment(since.instant, talk.venueTimeZone, talk.venueCity), statements, sessions, assessments, total };
}

const positive = (n: number | null) => (n !== null && n >= 1 ? n : null);

function bySequenceAndTimeOf(ta: Date | null, sa: number, tb: Date | null, sb: number): number {
  if (ta && tb && ta.getTime() !== tb.getTime()) return ta.getTime() - tb.getTime();
  if (ta && !tb) return -1;
  if (!ta && tb) return 1;
  return sa - sb;
}

function bySequenceAndTime(a: { startsAt: Date | null; sequence: number }, b: { startsAt: Date | null; sequence: number }): number {
  return bySequenceAndTimeOf(a.startsAt, a.sequence, b.startsAt, b.sequence);
}
