import "server-only";
import { cache } from "react";
import { requireReader } from "../auth/permissions";
import { getDb, type Db } from "../db";
import type { TalkStatus } from "../enums";
import { buildConvergence, type ConvergenceRow } from "../timeline/convergence";
import type { DayIndex } from "../timeline/day-index";
import type { Facets, TimelineFilters } from "../timeline/filters";
import { UNDATED_DAY, WINDOW_DAYS } from "../timeline/window";
import { findInChunks, getTalkIndex, getTalkView, SOURCE_LIST_MAX, type CitedSource, type TalkAssessment, type TalkEnvoy, type TalkHead, type TalkParty, type TalkRecord, type TalkView, type IssueRef } from "./talk-index";
import { readOneDay, readReportedOn, readWindow, type TimelineStatement, type WindowContent } from "./talk-window";
import { slotDays } from "../timeline/day-runs";
import { sessionDay, statementDay } from "../timeline/build";
import { CHANGED_KINDS, type ChangedKind } from "../timeline/changes-summary";
import { isSkippedDay } from "../time/zone-calendar";
import { cachedTalkRead } from "./talk-cache";
import { SHARED_TYPES } from "./talk-revisions";
import { getTalkIndexAt, getTalkViewAt } from "./as-of";
import { getChangesSince, markAssessments, markChanges, viewSince, type ChangesSince } from "./changes-since";

export type { CitedSource, IssueRef, SourceRef, TalkHead } from "./talk-index";
export type { FullDay, SessionGroup, TimelineSession, TimelineSlot, TimelineStatement, UndatedItems, WindowContent } from "./talk-window";
export { UNDATED_DAY };

export type TalkListItem = {
  slug: string;
  title: string;
  venueCity: string;
  firstDay: string;
  lastDay: string | null;
  status: TalkStatus;
  parties: { slug: string; shortName: string }[];
  sessionCount: number;
  statementCount: number;
  /** The series it is a round of, and its number there (decision 025); null when in none. */
  series: { slug: string; name: string; round: number | null } | null;
};

/**
 * Talks, newest first. Kept in memory while no revision is added anywhere (the count of all
 * revisions moves with every write, lib/data/talk-cache.ts): counting every talk's sessions and
 * statements is the page's whole cost, and it changes only with a write.
 */
export async function listTalks(): Promise<TalkListItem[]> {
  await requireReader();
  const db = await getDb();
  const stamp = String(await db.revision.count());
  return cachedTalkRead("(all talks)", stamp, "list", () => readTalkList(db));
}

async function readTalkList(db: Db): Promise<TalkListItem[]> {
  const talks = await db.talk.findMany({
    where: { deletedAt: null },
    orderBy: [{ firstDay: "desc" }, { title: "asc" }],
    select: {
      slug: true,
      title: true,
      venueCity: true,
      firstDay: true,
      lastDay: true,
      status: true,
      parties: { orderBy: { position: "asc" }, select: { party: { select: { slug: true, shortName: true } } } },
      _count: { select: { sessions: { where: { deletedAt: null } }, statements: { where: { deletedAt: null } } } },
      round: true,
      series: { select: { slug: true, name: true, deletedAt: true } },
    },
  });
  return talks.map(({ parties, _count, round, series, ...t }) => ({
    ...t,
    series: series && series.deletedAt === null ? { slug: series.slug, name: series.name, round } : null,
    parties: parties.map((p) => p.party),
    sessionCount: _count.sessions,
    statementCount: _count.statements,
  }));
}


/**
 * The talk, read once per request (page, metadata and every part of the page share it): its own
 * fields and its stamp, the counts of its revisions and of the shared records', under which its
 * other reads are kept in memory (lib/data/talk-cache.ts). Null when there is no such talk.
 */
export const getTalk = cache(async (slug: string): Promise<TalkRecord | null> => {
  await requireReader();
  const db = await getDb();
  const talk = await db.talk.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, slug: true, title: true, venueCity: true, venueTimeZone: true, firstDay: true, lastDay: true, status: true, summary: true },
  });
  if (!talk) return null;
  // One query for both counts (the same SQL on SQLite and PostgreSQL): it runs on every request.
  const [party, envoy, issue, source] = SHARED_TYPES as [string, string, string, string];
  const [counts] = await db.$queryRaw<{ own: number | bigint; shared: number | bigint }[]>`
    SELECT (SELECT COUNT(*) FROM "Revision" WHERE "talkId" = ${talk.id}) AS "own",
           (SELECT COUNT(*) FROM "Revision" WHERE "talkId" IS NULL AND "entityType" IN (${party}, ${envoy}, ${issue}, ${source})) AS "shared"`;
  return { ...talk, stamp: `${Number(counts!.own)}.${Number(counts!.shared)}` };
});

/** The talk's title, or null when there is no such talk (page metadata). */
export async function getTalkTitle(slug: string): Promise<string | null> {
  return (await getTalk(slug))?.title ?? null;
}

/** What the pages of a talk show around its days: the talk, who takes part, what is on the agenda. */
export type TalkFrame = {
  talk: TalkHead;
  parties: TalkParty[];
  envoys: TalkEnvoy[];
  issues: IssueRef[];
  filters: TimelineFilters;
  facets: Facets;
  shown: { sessions: number; statements: number };
  totals: { sessions: number; statements: number };
  /** "Jump to a day": bounded whatever the talk's size or span. */
  index: DayIndex;
  /** Whether the page's list of sources holds every source (else references link to each source's page). */
  sourcesListed: boolean;
};

export type TalkPage = TalkFrame & {
  window: WindowContent;
  /** On a "what changed since" view: what changed, as the window and the gap strip mark it. */
  changes?: ChangesSince;
  /** The gap on each issue over the window's days. */
  convergence: ConvergenceRow[];
  /** The sources the window cites (all of the talk's in the print view), numbered as the talk numbers them. */
  sources: CitedSource[];
};

export type TalkDayPage = TalkFrame & {
  day: WindowContent;
  /** Statements whose own day is not known, reported on this day (none on the undated page). */
  reported: TimelineStatement[];
  /** The days that hold something just before and after it, in the same view. */
  previous: string | null;
  next: string | null;
  sources: CitedSource[];
};

async function readFrame(slug: string, filters: TimelineFilters, asOf: Date | null = null) {
  const talk = await getTalk(slug);
  if (!talk) return null;
  const db = await getDb();
  // As known at a moment: rebuilt from the talk's revisions (lib/data/as-of.ts), read the same way after.
  const index = asOf ? await getTalkIndexAt(db, talk, asOf) : await getTalkIndex(db, talk);
  const view = asOf ? await getTalkViewAt(db, talk, asOf, filters) : await getTalkView(db, talk, filters);
  const frame: TalkFrame = {
    talk: index.talk,
    parties: index.parties,
    envoys: index.envoys,
    issues: index.issues,
    filters,
    facets: view.facets,
    shown: view.shown,
    totals: view.totals,
    index: view.index,
    sourcesListed: index.sources.length <= SOURCE_LIST_MAX,
  };
  return { db, talk, index, view, frame };
}

/**
 * The talk page: the talk, and one window of its days in full from `from` (null: the first day;
 * "unknown": the items whose day is not known). Null when there is no such talk.
 */
export async function getTalkPage(slug: string, filters: TimelineFilters, from: string | null, asOf: Date | null = null, since: SinceOptions | null = null): Promise<TalkPage | null> {
  const read = await getTalkDays(slug, filters, from, asOf, since);
  if (!read) return null;
  const { frame, window, index, view, changes } = read;
  // Days loaded later cite sources too: the page lists them all while the list stays short.
  const sources = frame.sourcesListed ? index.sources : citedIn(window, index.sources);
  const assessments = changes ? markAssessments(index.assessments, changes) : index.assessments;
  return { ...frame, window, convergence: stripFrom(frame, view, window, assessments), sources, ...(changes ? { changes } : {}) };
}

/**
 * The gap strip of a page: the days from the window's first, as many as a window may hold
 * (WINDOW_DAYS), whether or not the page shows them in full. Its cells are cheap, and a dense
 * talk's window may be a single day; an analyst wants the trend.
 */
function stripFrom(frame: TalkFrame, view: TalkView, window: WindowContent, assessments: TalkAssessment[]): ConvergenceRow[] {
  const start = window.slots.find((s) => s.kind === "day");
  if (!start) return convergenceOf(frame, window, assessments);
  const dated = view.sizes.filter((d) => d.day !== UNDATED_DAY);
  const at = dated.findIndex((d) => d.day === start.day);
  const days = dated.slice(at, at + WINDOW_DAYS);
  // Through the talk's last day when the strip reaches the end of the talk, as the last window does.
  const end = at + WINDOW_DAYS >= dated.length ? (frame.talk.lastDay ?? days.at(-1)!.day) : days.at(-1)!.day;
  const slots = slotDays({ firstDay: frame.talk.firstDay, lastDay: end, venueTimeZone: frame.talk.venueTimeZone }, days, (d) => d.day, { from: window.first ?? start.day });
  return buildConvergence(frame.issues, slots, assessments);
}

/**
 * "What changed since" (the talk page's `?since=`): the moment, and whether the viewer is shown
 * the rows deleted since (editors: the history shows deleted rows to editors alone).
 */
export type SinceOptions = { since: Date; withDeleted: boolean };

/**
 * The window of days that starts at `from` (a later one is loaded as the reader nears it), with
 * the talk around it. With `since`, its rows changed since the moment are marked, and for editors
 * those deleted since are put back where they stood: read only then, so the usual page reads
 * nothing more. The frame (counts, facets, "jump to a day") stays the record's as it is now.
 */
export async function getTalkDays(slug: string, filters: TimelineFilters, from: string | null, asOf: Date | null = null, since: SinceOptions | null = null) {
  const read = await readFrame(slug, filters, asOf);
  if (!read) return null;
  const { db, talk, frame } = read;
  const changes = since ? await getChangesSince(db, talk, since.since) : null;
  const { index, view, key } = changes ? await viewSince(db, talk, read, changes, since!.withDeleted) : { index: read.index, view: read.view, key: "" };
  const window = await cachedTalkRead(talk.id, talk.stamp, `window ${JSON.stringify(filters)} ${from} ${asOf?.toISOString() ?? "now"}${key}`, () => readWindow(db, index, view, from));
  return { frame, window: changes ? markChanges(window, changes) : window, index, view, changes };
}

/** Above this many columns, the print view's gap strip keeps only the days that were assessed. */
const PRINT_STRIP_COLUMNS = 62;

export type TalkPrint = {
  frame: TalkFrame;
  convergence: ConvergenceRow[];
  sources: CitedSource[];
  /** The talk's days in full, a window at a time, in order: read as they are written out. */
  windows(): AsyncGenerator<WindowContent>;
};

/** Every day of the talk in full, for the print view: the talk now, its days as they are read. */
export async function openTalkPrint(slug: string, filters: TimelineFilters): Promise<TalkPrint | null> {
  const read = await readFrame(slug, filters);
  if (!read) return null;
  const { db, index, view, frame } = read;
  const days = view.sizes.filter((d) => d.day !== UNDATED_DAY);
  const all = slotDays(index.talk, days, (d) => d.day);
  const assessed = all.filter((slot) => slot.kind === "day" && (view.assessmentsOn.get(slot.day)?.length ?? 0) > 0);
  return {
    frame,
    convergence: buildConvergence(frame.issues, all.length <= PRINT_STRIP_COLUMNS ? all : assessed, index.assessments),
    sources: index.sources.map((s) => ({ ...s, href: `#source-${s.number}` })),
    async *windows() {
      let from: string | null = null;
      do {
        const window: WindowContent = await readWindow(db, index, view, from, PRINT_BUDGET);
        yield window;
        from = window.next;
      } while (from !== null);
    },
  };
}

/** The print view reads bigger windows than the page shows: fewer queries, same memory bound. */
const PRINT_BUDGET = { items: 1_000, days: 200 };

/**
 * One day of the talk ("YYYY-MM-DD", or "unknown" for the items whose day is not known) and its
 * neighbours. Null when there is no such talk, or the day is not one of its days.
 */
export async function getTalkDay(slug: string, filters: TimelineFilters, day: string, asOf: Date | null = null): Promise<TalkDayPage | null> {
  const read = await readFrame(slug, filters, asOf);
  if (!read) return null;
  const { db, talk, index, view, frame } = read;
  const position = view.sizes.findIndex((d) => d.day >= day);
  const here = position >= 0 && view.sizes[position]!.day === day;
  // As known on a moment, a day of the talk as it stands now is a day of the talk then too: a day
  // that held nothing yet is shown empty under the banner, not refused (the talk's own fields, and
  // so its days, are as they are now; an open talk's days reach its latest day recorded now).
  if (!here && !isDayOfTalk(frame, day) && !(asOf && (await isDayOfTalkNow(slug, day)))) return null;
  const key = `${JSON.stringify(filters)} ${day} ${asOf?.toISOString() ?? "now"}`;
  const [content, reported] = await Promise.all([
    cachedTalkRead(talk.id, talk.stamp, `day ${key}`, () => readOneDay(db, index, view, day)),
    day === UNDATED_DAY ? [] : cachedTalkRead(talk.id, talk.stamp, `reported ${key}`, () => readReportedOn(db, index, view, day)),
  ]);
  const after = position < 0 ? view.sizes.length : here ? position + 1 : position;
  const before = (position < 0 ? view.sizes.length : position) - 1;
  return {
    ...frame,
    day: content,
    previous: before >= 0 ? view.sizes[before]!.day : null,
    next: after < view.sizes.length ? view.sizes[after]!.day : null,
    reported,
    sources: citedIn(content, index.sources, reported),
  };
}

async function isDayOfTalkNow(slug: string, day: string): Promise<boolean> {
  const now = await readFrame(slug, {});
  return now !== null && isDayOfTalk(now.frame, day);
}

/**
 * A day of the talk's own: from its first day to its last, or while it is open to its latest day
 * that holds something (a reader has no use for the empty pages of days still to come).
 */
function isDayOfTalk(frame: TalkFrame, day: string): boolean {
  // A date the venue's clocks jumped over (Apia, 30 December 2011) is no day of the talk.
  if (day === UNDATED_DAY || isSkippedDay(frame.talk.venueTimeZone, day)) return false;
  const last = frame.talk.lastDay ?? frame.index.last ?? frame.talk.firstDay;
  return day >= frame.talk.firstDay && day <= (last > frame.talk.firstDay ? last : frame.talk.firstDay);
}

function convergenceOf(frame: TalkFrame, window: WindowContent, assessments: TalkAssessment[]): ConvergenceRow[] {
  // Only the days shown: the strip follows the window, and is as wide as it whatever the talk's span.
  return buildConvergence(frame.issues, window.slots, assessments);
}

/** The sources the window cites, in the talk's numbering. */
function citedIn(window: WindowContent, all: CitedSource[], also: TimelineStatement[] = []): CitedSource[] {
  const ids = new Set<string>();
  const visit = (items: { sources: { id: string }[] }[]) => items.forEach((x) => x.sources.forEach((s) => ids.add(s.id)));
  const groups = [...window.slots.flatMap((s) => (s.kind === "day" ? s.value.sessions : [])), ...(window.undated?.sessions ?? [])];
  visit(groups.map((g) => g.session));
  visit(groups.flatMap((g) => g.statements));
  visit(window.slots.flatMap((s) => (s.kind === "day" ? s.value.outside : [])));
  visit(window.undated?.statements ?? []);
  visit(also);
  return all.filter((s) => ids.has(s.id));
}

/** What changed in the talk's statements, sessions and assessments since a moment (the talk page's `?since=`). */
export async function getTalkChangesSince(slug: string, since: Date): Promise<ChangesSince | null> {
  const talk = await getTalk(slug);
  if (!talk) return null;
  return getChangesSince(await getDb(), talk, since);
}

/**
 * What changed since a moment on one day of the talk (a day page's `?since=`): the talk's changes
 * (getChangesSince) narrowed to the statements said on the day — or, on a day, said on a day not
 * known and reported on it, as the day page lists them — and the sessions and gap assessments of
 * the day. Deleted rows are found by their last state (a deletion keeps the row, marked deleted).
 */
export async function getTalkDayChangesSince(slug: string, day: string, since: Date): Promise<ChangesSince | null> {
  const talk = await getTalk(slug);
  if (!talk) return null;
  const db = await getDb();
  const changes = await getChangesSince(db, talk, since);
  return cachedTalkRead(talk.id, talk.stamp, `since ${since.toISOString()} day ${day}`, async () => {
    const [statements, sessions, assessments] = await Promise.all([
      findInChunks([...changes.statements.keys()], (ids) =>
        db.statement.findMany({ where: { talkId: talk.id, id: { in: ids } }, select: { id: true, saidOn: true, saidAt: true, reportedOn: true } }),
      ),
      findInChunks([...changes.sessions.keys()], (ids) => db.session.findMany({ where: { talkId: talk.id, id: { in: ids } }, select: { id: true, localDay: true, startsAt: true } })),
      findInChunks([...changes.assessments.keys()], (ids) => db.assessment.findMany({ where: { talkId: talk.id, id: { in: ids } }, select: { id: true, localDay: true } })),
    ]);
    const onDay = (s: (typeof statements)[number]) => {
      const own = statementDay(s, talk.venueTimeZone);
      return day === UNDATED_DAY ? own === null : own === day || (own === null && s.reportedOn === day);
    };
    const ids = <X extends { id: string }>(xs: X[]) => new Set(xs.map((x) => x.id));
    return changesAmong(changes, {
      statements: ids(statements.filter(onDay)),
      sessions: ids(sessions.filter((s) => (sessionDay(s, talk.venueTimeZone) ?? UNDATED_DAY) === day)),
      assessments: ids(assessments.filter((a) => a.localDay === day)),
    });
  });
}

/** Pure: the changes of the statements, sessions and assessments named, counted again. */
export function changesAmong(changes: ChangesSince, among: Record<ChangedKind, Set<string>>): ChangesSince {
  const none = () => ({ added: 0, corrected: 0, deleted: 0 });
  const byKind = { statements: none(), sessions: none(), assessments: none() };
  const keep = (kind: ChangedKind) => new Map([...changes[kind]].filter(([id, change]) => among[kind].has(id) && ++byKind[kind][change] > 0));
  const kept = { statements: keep("statements"), sessions: keep("sessions"), assessments: keep("assessments") };
  const counts = none();
  for (const c of ["added", "corrected", "deleted"] as const) counts[c] = CHANGED_KINDS.reduce((n, kind) => n + byKind[kind][c], 0);
  return { since: changes.since, ...kept, counts, byKind };
}
