import "server-only";
// The days a page shows in full: a window of the talk's days (lib/timeline/window.ts), their
// sessions and statements read in full, with the empty stretches around them folded into runs.
// Only the window's rows are read, so a page of a 20,000-statement talk reads what it shows.
import type { Db } from "../db";
import type { Capacity, Outcome, PartOfDay, SessionKind, StatementKind, StatementSetting, TimePrecision } from "../enums";
import type { TimelineSessionGroup } from "../timeline/build";
import { dayAfter, dayNumberIn, slotDays, type DaySlot } from "../timeline/day-runs";
import { UNDATED_DAY, windowAt, type DaySize, type WindowBudget, DEFAULT_BUDGET } from "../timeline/window";
import { LAST_LOCAL_DAY } from "../time/local-day";
import { byId, findInChunks, unique, type IssueRef, type LightSession, type LightStatement, type SourceRef, type TalkAssessment, type TalkIndex, type TalkView } from "./talk-index";

export type TimelineSession = {
  id: string;
  localDay: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  kind: SessionKind | null;
  title: string;
  summary: string;
  outcome: Outcome;
  outcomeNote: string | null;
  sequence: number;
  issues: IssueRef[];
  sources: SourceRef[];
  /** On a "what changed since" view: added or corrected since the moment asked (lib/data/changes-since.ts). */
  change?: "added" | "corrected";
};

export type TimelineStatement = {
  id: string;
  sessionId: string | null;
  saidOn: string | null;
  saidAt: Date | null;
  saidPrecision: TimePrecision;
  partOfDay: PartOfDay | null;
  reportedOn: string | null;
  setting: StatementSetting;
  kind: StatementKind;
  capacity: Capacity;
  text: string;
  quotedWords: string | null;
  sequence: number;
  party: { slug: string; shortName: string };
  envoy: { slug: string; name: string } | null;
  issues: IssueRef[];
  sources: SourceRef[];
  /**
   * The session it was said in, with the venue day that session is on: a statement said after
   * midnight in a session that began the day before is listed on its own day, and says so.
   */
  session: { id: string; title: string; day: string | null } | null;
  /** On a "what changed since" view: added or corrected since the moment asked (lib/data/changes-since.ts). */
  change?: "added" | "corrected";
  /**
   * On a "what changed since" view, for editors: deleted since the moment, put back where it stood
   * (its day, its place in order) with its text as it was, to be shown struck through.
   */
  deletedSince?: true;
};

export type SessionGroup = TimelineSessionGroup<TimelineSession, TimelineStatement>;

/** A day shown in full. */
export type FullDay = {
  day: string;
  number: number;
  sessions: SessionGroup[];
  /** Statements made that day outside any recorded session. */
  outside: TimelineStatement[];
  assessments: TalkAssessment[];
};

export type UndatedItems = { sessions: SessionGroup[]; statements: TimelineStatement[] };

/** Days shown in full and the empty stretches between them, in order. */
export type TimelineSlot = DaySlot<FullDay>;

export type WindowContent = {
  slots: TimelineSlot[];
  /** The items whose day is not known, when the window reaches them. */
  undated: UndatedItems | null;
  /** The first and last day the window covers (its runs included): live updates of these days reload it. */
  first: string | null;
  last: string | null;
  /** Where the windows before and after this one start (null: none). */
  previous: string | null;
  next: string | null;
};

/** The window of the view that starts at `from` (null: the first day), read in full. */
export async function readWindow(db: Db, index: TalkIndex, view: TalkView, from: string | null, budget: WindowBudget = DEFAULT_BUDGET): Promise<WindowContent> {
  const w = windowAt(view.sizes, from, budget);
  return readDays(db, index, view, view.sizes.slice(w.start, w.end), {
    runsFrom: w.start === 0 ? index.talk.firstDay : (dayAfter(view.sizes[w.start - 1]!.day) ?? LAST_LOCAL_DAY),
    toEnd: w.next === null,
    previous: w.previous,
    next: w.next,
  });
}

/** One day (or the undated items), read in full: null when nothing is recorded on it. */
export async function readOneDay(db: Db, index: TalkIndex, view: TalkView, day: string): Promise<WindowContent> {
  const size = view.sizes.find((d) => d.day === day);
  return readDays(db, index, view, size ? [size] : [], { runsFrom: day, toEnd: false, previous: null, next: null });
}

/**
 * The statements whose own day is not known but which the sources report on `day`, in the view
 * (its filters applied): a day page lists them apart, so that reading a day misses nothing
 * reported on it (issue 11). Each keeps its permalink on the "day not reported" page.
 */
export async function readReportedOn(db: Db, index: TalkIndex, view: TalkView, day: string): Promise<TimelineStatement[]> {
  const undated = view.timeline.undated;
  const candidates = [...undated.sessions.flatMap((g) => g.statements), ...undated.statements];
  if (candidates.length === 0) return [];
  const rebuilt = index.details;
  const reported = rebuilt
    ? new Set(candidates.filter((s) => rebuilt.statements.get(s.id)?.reportedOn === day).map((s) => s.id))
    : new Set(
        (await db.statement.findMany({ where: { talkId: index.talk.id, deletedAt: null, saidOn: null, reportedOn: day }, select: { id: true } })).map((r) => r.id),
      );
  const held = candidates.filter((s) => reported.has(s.id));
  if (held.length === 0) return [];
  const { statement } = fullItems(index, await readDetails(db, index, { days: [], withUndated: false, undated: null, sessions: [], statements: held }));
  return held.map(statement);
}

async function readDays(
  db: Db,
  index: TalkIndex,
  view: TalkView,
  sizes: readonly DaySize[],
  around: { runsFrom: string; toEnd: boolean; previous: string | null; next: string | null },
): Promise<WindowContent> {
  const held = itemsOf(view, sizes);
  const { full, statement } = fullItems(index, await readDetails(db, index, held));
  const dayRows: FullDay[] = held.days.map((day) => {
    const d = view.dayOf.get(day);
    return {
      day,
      number: d?.number ?? dayNumberIn(index.talk, day),
      sessions: d ? full(d.sessions) : [],
      outside: d ? d.outside.map(statement) : [],
      assessments: view.assessmentsOn.get(day) ?? [],
    };
  });
  const slots = slotsOf(index, dayRows, around);
  const first = slots[0] ? (slots[0].kind === "day" ? slots[0].day : slots[0].first) : null;
  const lastSlot = slots.at(-1);
  const { undated, withUndated } = held;
  return {
    slots,
    undated: undated ? { sessions: full(undated.sessions), statements: undated.statements.map(statement) } : null,
    first: first ?? (withUndated ? UNDATED_DAY : null),
    last: withUndated ? UNDATED_DAY : lastSlot ? (lastSlot.kind === "day" ? lastSlot.day : lastSlot.last) : null,
    previous: around.previous,
    next: around.next,
  };
}

/** Step 1: the light rows a window holds — its dated days, the undated items if it reaches them. */
function itemsOf(view: TalkView, sizes: readonly DaySize[]) {
  const days = sizes.filter((d) => d.day !== UNDATED_DAY).map((d) => d.day);
  const groups = days.flatMap((day) => {
    const d = view.dayOf.get(day);
    return d ? [d] : [];
  });
  const withUndated = sizes.some((d) => d.day === UNDATED_DAY);
  const undated = withUndated ? view.timeline.undated : null;
  const sessions = [...groups.flatMap((d) => d.sessions), ...(undated?.sessions ?? [])];
  const statements = [
    ...groups.flatMap((d) => [...d.sessions.flatMap((g) => g.statements), ...d.outside]),
    ...(undated ? [...undated.sessions.flatMap((g) => g.statements), ...undated.statements] : []),
  ];
  return { days, withUndated, undated, sessions, statements };
}

/** Step 2: the queries — the text and details of just those rows, and the titles of the sessions their statements cite. */
async function readDetails(db: Db, index: TalkIndex, held: ReturnType<typeof itemsOf>) {
  if (index.details) {
    // Rebuilt from revisions: the rows as they were are in memory, not in today's tables.
    const { sessions, statements } = index.details;
    return { sessions, statements, sessionTitles: sessions as Map<string, { id: string; title: string }> };
  }
  const [sessions, statements, sessionTitles] = await Promise.all([
    findInChunks(held.sessions.map((g) => g.session.id), (ids) =>
      db.session.findMany({
        where: { id: { in: ids } },
        select: { id: true, endsAt: true, kind: true, title: true, summary: true, outcomeNote: true },
      }),
    ).then(byId),
    findInChunks(held.statements.map((s) => s.id), (ids) =>
      db.statement.findMany({
        where: { id: { in: ids } },
        select: { id: true, saidPrecision: true, partOfDay: true, reportedOn: true, setting: true, capacity: true, text: true, quotedWords: true },
      }),
    ).then(byId),
    // The sessions these statements were said in, for those listed away from them.
    findInChunks(unique(held.statements.flatMap((s) => (s.sessionId ? [s.sessionId] : []))), (ids) =>
      db.session.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } }),
    ).then(byId),
  ]);
  return { sessions, statements, sessionTitles };
}

/** Step 3: light rows and their details made into the timeline's items, sources from the index. */
function fullItems(index: TalkIndex, details: Awaited<ReturnType<typeof readDetails>>) {
  const sources = (ids: string[]): SourceRef[] =>
    ids.flatMap((id) => {
      const s = index.sourceById.get(id);
      if (!s) return [];
      const { citations: _, ...ref } = s;
      return [ref];
    });
  const session = (s: LightSession): TimelineSession => {
    const { sourceIds, ...rest } = s;
    const d = details.sessions.get(s.id)!;
    return { ...rest, endsAt: d.endsAt, kind: d.kind, title: d.title, summary: d.summary, outcomeNote: d.outcomeNote, sources: sources(sourceIds) };
  };
  const statement = (s: LightStatement): TimelineStatement => {
    const { sourceIds, ...rest } = s;
    const title = s.sessionId ? details.sessionTitles.get(s.sessionId)?.title : undefined;
    return {
      ...rest,
      ...details.statements.get(s.id)!,
      sources: sources(sourceIds),
      session: s.sessionId && title !== undefined ? { id: s.sessionId, title, day: index.sessionDayById.get(s.sessionId) ?? null } : null,
    };
  };
  const full = (groups: TimelineSessionGroup<LightSession, LightStatement>[]): SessionGroup[] =>
    groups.map((g) => ({ session: session(g.session), statements: g.statements.map(statement) }));
  return { full, statement };
}

/**
 * Step 4: the window's slots — its days, and the runs of empty days between them. Runs before the
 * window's first day belong to it; after its last day only in the talk's last window.
 */
function slotsOf(index: TalkIndex, dayRows: FullDay[], around: { runsFrom: string; toEnd: boolean }): TimelineSlot[] {
  const lastDay = dayRows.at(-1)?.day ?? null;
  const end = around.toEnd ? (index.talk.lastDay !== null && (lastDay === null || index.talk.lastDay > lastDay) ? index.talk.lastDay : lastDay) : lastDay;
  if (dayRows.length === 0 && !around.toEnd) return [];
  return slotDays({ firstDay: index.talk.firstDay, lastDay: end, venueTimeZone: index.talk.venueTimeZone }, dayRows, (d) => d.day, { from: around.runsFrom });
}

