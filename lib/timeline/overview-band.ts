// The overview band at the top of a talk page: the whole talk in one strip — statements per party,
// sessions, and where the gap on each issue moved — from per-day counts, whatever its size or span.
//
// Its length follows what was recorded, never the calendar (decisions 008, 009): the days come
// from `slotDays`, the page's own rule, so every stretch with nothing recorded is one entry counted
// in the venue's real days; here such a stretch becomes a fold ("⋯ 3 years ⋯"). When the days and
// folds are more than the band has room for, they are merged into weeks, then months, quarters,
// years and decades, and a stretch folds only when it covers at least one whole empty bucket. The
// band never has more than `maxSlots` columns and folds. Pure: overview-band.test.ts.
import type { Gap } from "../enums";
import { plural } from "../labels";
import { addLocalDays, formatLocalDay, formatLocalDayDate, type LocalDay } from "../time/local-day";
import { zoneDaysBetween } from "../time/zone-calendar";
import { dayAfter, dayNumberIn, slotDays, type DaySpan } from "./day-runs";

export type BandUnit = "day" | "week" | "month" | "quarter" | "year" | "decade";
export const BAND_UNITS: readonly BandUnit[] = ["day", "week", "month", "quarter", "year", "decade"];

/** Per-day counts, as the data layer's aggregate queries return them (days known only). */
export type BandCounts = {
  statements: readonly { day: LocalDay; party: string; count: number }[];
  sessions: readonly { day: LocalDay; count: number }[];
  assessments: readonly { day: LocalDay; issue: string; gap: Gap }[];
};

export type BandIssueCell = {
  /** What the column shows: the latest assessment in it other than "unchanged", else "unchanged"; null when none. */
  gap: Gap | null;
  /** Days assessed in the column, by gap. */
  counts: Partial<Record<Gap, number>>;
};

export type BandColumn = {
  kind: "column";
  /** The bucket's first calendar day (the day itself, Monday of the week, 1st of the month…). */
  start: LocalDay;
  /** The first and last days in it that hold something: the link goes to `first`. */
  first: LocalDay;
  last: LocalDay;
  firstNumber: number;
  lastNumber: number;
  /** Statements by party, in the band's party order. */
  statements: number[];
  total: number;
  sessions: number;
  /** One cell per issue, in the band's issue order. */
  issues: BandIssueCell[];
};

/** A stretch with nothing recorded, folded: its length in the venue's days. */
export type BandFold = { kind: "fold"; first: LocalDay; last: LocalDay; days: number };

export type BandSlot = BandColumn | BandFold;

export type Band = {
  unit: BandUnit;
  slots: BandSlot[];
  /** Party and issue slugs in the order the slots' arrays follow. */
  parties: string[];
  issues: string[];
  /** The largest statement count of one party in one column, and of all parties in one column. */
  maxParty: number;
  maxTotal: number;
  totals: { statements: number[]; sessions: number; gaps: Partial<Record<Gap, number>>[] };
};

/**
 * The band for a talk. `parties` and `issues` give the order (the talk's); any other party or issue
 * the counts name is added after them. Empty `slots` when nothing is recorded on a known day.
 */
export function buildBand(talk: DaySpan, counts: BandCounts, order: { parties: readonly string[]; issues: readonly string[] }, maxSlots: number): Band {
  const parties = [...order.parties];
  const issues = [...order.issues];
  const partyAt = indexer(parties);
  const issueAt = indexer(issues);

  type DayCounts = { statements: Map<number, number>; sessions: number; gaps: { issue: number; gap: Gap }[] };
  const byDay = new Map<LocalDay, DayCounts>();
  const dayOf = (day: LocalDay) => {
    let d = byDay.get(day);
    if (!d) byDay.set(day, (d = { statements: new Map(), sessions: 0, gaps: [] }));
    return d;
  };
  for (const s of counts.statements) {
    const d = dayOf(s.day);
    const p = partyAt(s.party);
    d.statements.set(p, (d.statements.get(p) ?? 0) + s.count);
  }
  for (const s of counts.sessions) dayOf(s.day).sessions += s.count;
  for (const a of counts.assessments) dayOf(a.day).gaps.push({ issue: issueAt(a.issue), gap: a.gap });

  const days = [...byDay.keys()].sort();
  const totals = { statements: parties.map(() => 0), sessions: 0, gaps: issues.map((): Partial<Record<Gap, number>> => ({})) };
  for (const d of byDay.values()) {
    for (const [p, n] of d.statements) totals.statements[p]! += n;
    totals.sessions += d.sessions;
    for (const g of d.gaps) totals.gaps[g.issue]![g.gap] = (totals.gaps[g.issue]![g.gap] ?? 0) + 1;
  }
  if (days.length === 0) return { unit: "day", slots: [], parties, issues, maxParty: 0, maxTotal: 0, totals };

  let slots: BandSlot[] = [];
  let unit: BandUnit = "day";
  for (unit of BAND_UNITS) {
    const found = unit === "day" ? daySlotsOf(days) : bucketSlotsOf(unit, days, maxSlots);
    if (found) {
      slots = found;
      break;
    }
  }
  // Rows over more decades than the budget (legacy dates, decision 009): one column per decade
  // that holds something, still bounded by the dates' four digits.
  if (slots.length === 0) slots = bucketSlotsOf("decade", days, Infinity)!;
  let maxParty = 0;
  let maxTotal = 0;
  for (const s of slots) {
    if (s.kind !== "column") continue;
    maxTotal = Math.max(maxTotal, s.total);
    for (const n of s.statements) maxParty = Math.max(maxParty, n);
  }
  return { unit, slots, parties, issues, maxParty, maxTotal, totals };

  /** Day by day, exactly as the page lists the days (slotDays), when they fit; else null. */
  function daySlotsOf(recorded: LocalDay[]): BandSlot[] | null {
    // Each day is a column, so more days than slots cannot fit, folds or not (and slotDays would
    // number every one of them in the venue's calendar for nothing).
    if (recorded.length > maxSlots) return null;
    const out = slotDays(talk, recorded, (d) => d).map((slot): BandSlot => {
      if (slot.kind === "empty") return { kind: "fold", first: slot.first, last: slot.last, days: slot.count };
      const c = newColumn("day", slot.day);
      c.firstNumber = c.lastNumber = slot.number;
      addDay(c, slot.day);
      return c;
    });
    return out.length <= maxSlots ? out : null;
  }

  /**
   * Days merged into weeks, months…: a stretch with nothing recorded folds when it leaves at least
   * one whole bucket empty (else it is inside a column, or between two adjacent ones). Null when
   * the columns and folds are more than the budget. Only the slots are numbered and measured in
   * the venue's calendar, so the cost beyond a pass over the days is bounded by the budget.
   */
  function bucketSlotsOf(u: BandUnit, recorded: LocalDay[], budget: number): BandSlot[] | null {
    const out: BandSlot[] = [];
    let column: BandColumn | null = null;
    for (const day of recorded) {
      const start = bucketStart(u, day);
      if (column !== null && column.start === start) {
        addDay(column, day);
        continue;
      }
      const before = addLocalDays(day, -1);
      if (column === null) {
        if (talk.firstDay < day && bucketStart(u, talk.firstDay) !== start) out.push({ kind: "fold", first: talk.firstDay, last: before, days: 0 });
      } else if (nextBucket(u, column.start) !== start) {
        out.push({ kind: "fold", first: dayAfter(column.last)!, last: before, days: 0 });
      }
      column = newColumn(u, day);
      addDay(column, day);
      out.push(column);
      if (out.length > budget) return null;
    }
    const end = talk.lastDay;
    if (column && end !== null && end > column.last && bucketStart(u, end) !== column.start) out.push({ kind: "fold", first: dayAfter(column.last)!, last: end, days: 0 });
    if (out.length > budget) return null;
    for (const slot of out) {
      if (slot.kind === "fold") slot.days = zoneDaysBetween(talk.venueTimeZone, slot.first, slot.last);
      else {
        slot.firstNumber = dayNumberIn(talk, slot.first);
        slot.lastNumber = dayNumberIn(talk, slot.last);
      }
    }
    return out;
  }

  function newColumn(u: BandUnit, day: LocalDay): BandColumn {
    return {
      kind: "column",
      start: bucketStart(u, day),
      first: day,
      last: day,
      firstNumber: 0,
      lastNumber: 0,
      statements: Array<number>(parties.length).fill(0),
      total: 0,
      sessions: 0,
      issues: Array.from({ length: issues.length }, (): BandIssueCell => ({ gap: null, counts: {} })),
    };
  }

  function addDay(column: BandColumn, day: LocalDay): void {
    const d = byDay.get(day)!;
    column.last = day;
    for (const [p, n] of d.statements) {
      column.statements[p]! += n;
      column.total += n;
    }
    column.sessions += d.sessions;
    for (const g of d.gaps) {
      const cell = column.issues[g.issue]!;
      cell.counts[g.gap] = (cell.counts[g.gap] ?? 0) + 1;
      // Days come in order: the latest movement wins; "unchanged" only where nothing moved.
      if (g.gap !== "unchanged" || cell.gap === null) cell.gap = g.gap;
    }
  }
}

function indexer(list: string[]): (key: string) => number {
  const at = new Map(list.map((k, i) => [k, i]));
  return (key) => {
    let i = at.get(key);
    if (i === undefined) {
      i = list.push(key) - 1;
      at.set(key, i);
    }
    return i;
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The first day of the bucket `day` falls in (weeks start on Monday). */
export function bucketStart(unit: BandUnit, day: LocalDay): LocalDay {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  switch (unit) {
    case "day":
      return day;
    case "week": {
      const weekday = new Date(Date.UTC(y, m - 1, Number(day.slice(8, 10)))).getUTCDay();
      return addLocalDays(day, -((weekday + 6) % 7));
    }
    case "month":
      return `${day.slice(0, 7)}-01`;
    case "quarter":
      return `${day.slice(0, 4)}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
    case "year":
      return `${day.slice(0, 4)}-01-01`;
    case "decade":
      return `${pad(Math.floor(y / 10) * 10, 4)}-01-01`;
  }
}

/** The first day of the bucket after the one starting on `start`. */
export function nextBucket(unit: BandUnit, start: LocalDay): LocalDay {
  const y = Number(start.slice(0, 4));
  const m = Number(start.slice(5, 7));
  const month = (n: number) => `${pad(y + Math.floor((m - 1 + n) / 12), 4)}-${pad(((m - 1 + n) % 12) + 1)}-01`;
  switch (unit) {
    case "day":
      return addLocalDays(start, 1);
    case "week":
      return addLocalDays(start, 7);
    case "month":
      return month(1);
    case "quarter":
      return month(3);
    case "year":
      return `${pad(y + 1, 4)}-01-01`;
    case "decade":
      return `${pad(y + 10, 4)}-01-01`;
  }
}

/** What one column stands for, in the legend: "Each column is a week". */
export const UNIT_NOUN: Record<BandUnit, string> = { day: "day", week: "week", month: "month", quarter: "quarter", year: "year", decade: "decade" };

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MON = MONTHS.map((m) => m.slice(0, 3));

/** The length of a folded stretch, roughly, in the largest unit that reads naturally: "3 years". */
export function foldLength(days: number): string {
  if (days < 14) return plural(days, "day");
  if (days < 61) return plural(Math.round(days / 7), "week");
  if (days < 730) return plural(Math.round(days / 30.44), "month");
  return plural(Math.round(days / 365.25), "year");
}

/** The column's time, as its link names it: "Day 3, Thursday 9 February 2006", "Week of 6 February 2006 (days 3–7)". */
export function columnWhen(unit: BandUnit, c: BandColumn): string {
  const days = c.firstNumber === c.lastNumber ? `day ${c.firstNumber.toLocaleString("en-GB")}` : `days ${c.firstNumber.toLocaleString("en-GB")}–${c.lastNumber.toLocaleString("en-GB")}`;
  const y = c.start.slice(0, 4);
  const m = Number(c.start.slice(5, 7)) - 1;
  switch (unit) {
    case "day":
      return `Day ${c.firstNumber.toLocaleString("en-GB")}, ${formatLocalDay(c.first)}`;
    case "week":
      return `Week of ${formatLocalDayDate(c.start)} (${days})`;
    case "month":
      return `${MONTHS[m]} ${y} (${days})`;
    case "quarter":
      return `${MONTHS[m]}–${MONTHS[m + 2]} ${y} (${days})`;
    case "year":
      return `${y} (${days})`;
    case "decade":
      return `${y}s (${days})`;
  }
}

/** The column's short tick on the band's axis: "9 Feb", "6 Mar", "Mar 2025", "2025". */
export function columnTick(unit: BandUnit, c: BandColumn, withYear: boolean): string {
  const y = c.start.slice(0, 4);
  const m = Number(c.start.slice(5, 7)) - 1;
  const d = Number(c.start.slice(8, 10));
  switch (unit) {
    case "day":
    case "week":
      return withYear ? `${d} ${MON[m]} ${y}` : `${d} ${MON[m]}`;
    case "month":
      return withYear ? `${MON[m]} ${y}` : MON[m]!;
    case "quarter":
      return `Q${Math.floor(m / 3) + 1}${withYear ? ` ${y}` : ""}`;
    case "year":
      return y;
    case "decade":
      return `${y}s`;
  }
}

export const GAP_WORD: Record<Gap, string> = { agreed: "agreed", narrowing: "narrowing", unchanged: "unchanged", widening: "widening", deadlocked: "deadlocked" };
const GAP_ORDER: Gap[] = ["narrowing", "widening", "agreed", "deadlocked", "unchanged"];

/** "narrowing on 2 days, widening on 1 day" (or "narrowing" for one day). */
export function gapCounts(counts: Partial<Record<Gap, number>>, single = false): string {
  return GAP_ORDER.filter((g) => counts[g])
    .map((g) => (single && counts[g] === 1 ? GAP_WORD[g] : `${GAP_WORD[g]} on ${plural(counts[g]!, "day")}`))
    .join(", ");
}

/**
 * A column's accessible name: "Day 3, Thursday 9 February 2006: 12 statements (Japan 7, DPRK 5),
 * 1 session; gap on Abductions: deadlocked".
 */
export function columnLabel(unit: BandUnit, c: BandColumn, names: { parties: readonly string[]; issues: readonly string[] }): string {
  const byParty = c.statements.flatMap((n, i) => (n > 0 ? [`${names.parties[i]} ${n.toLocaleString("en-GB")}`] : []));
  const parts = [`${plural(c.total, "statement")}${byParty.length > 1 ? ` (${byParty.join(", ")})` : byParty.length === 1 && c.statements.length > 1 ? ` (${byParty[0]!.replace(/ [\d,]+$/, "")})` : ""}`, plural(c.sessions, "session")];
  const gaps = c.issues.flatMap((cell, i) => (cell.gap ? [`gap on ${names.issues[i]}: ${gapCounts(cell.counts, unit === "day")}`] : []));
  return `${columnWhen(unit, c)}: ${parts.join(", ")}${gaps.length ? `; ${gaps.join("; ")}` : ""}`;
}
