import "server-only";
import { cache } from "react";
import { requireReader } from "../auth/permissions";
import { getDb } from "../db";
import { buildTimeline, sessionDay, type Timeline, type TimelineDay, type TimelineSessionGroup } from "../timeline/build";
import { daysToRender } from "../timeline/defer";
import { buildConvergence, type ConvergenceRow } from "../timeline/convergence";
import { applyFilters, countFacets, hasFilters, type Facets, type TimelineFilters } from "../timeline/filters";
import type {
  Capacity,
  DelegationRole,
  Gap,
  Outcome,
  PartOfDay,
  SessionKind,
  StatementKind,
  StatementSetting,
  TalkStatus,
  TimePrecision,
} from "../generated/sqlite/enums";

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
};

/** Talks, newest first. */
export async function listTalks(): Promise<TalkListItem[]> {
  await requireReader();
  const db = await getDb();
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
    },
  });
  return talks.map(({ parties, _count, ...t }) => ({
    ...t,
    parties: parties.map((p) => p.party),
    sessionCount: _count.sessions,
    statementCount: _count.statements,
  }));
}

export type IssueRef = { slug: string; name: string };
export type SourceRef = {
  id: string;
  /** Its address: /sources/<key>. */
  key: string;
  publisher: string;
  title: string;
  url: string | null;
  publishedOn: string | null;
  /** Its number on the talk page, in order of first citation on the (unfiltered) timeline. */
  number: number;
};
export type CitedSource = SourceRef & { citations: number };

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
};

/** A day the page does not render in full: only how much it holds. */
export type DeferredCounts = { sessions: number; statements: number };

export type TalkDay = TimelineDay<TimelineSession, TimelineStatement> & { deferred: DeferredCounts | null };

export type TalkTimeline = {
  talk: {
    slug: string;
    title: string;
    venueCity: string;
    venueTimeZone: string;
    firstDay: string;
    lastDay: string | null;
    status: TalkStatus;
    summary: string;
  };
  parties: { slug: string; name: string; shortName: string; heads: { slug: string; name: string; title: string | null }[] }[];
  envoys: { slug: string; name: string; title: string | null; partySlug: string; role: DelegationRole }[];
  issues: IssueRef[];
  assessments: { issueSlug: string; localDay: string; gap: Gap; note: string; authorName: string }[];
  convergence: ConvergenceRow[];
  /**
   * The timeline as filtered; its days are the talk's days whatever the filters. Days outside
   * the requested detail come with empty lists and their counts in `deferred`.
   */
  timeline: {
    days: TalkDay[];
    undated: { sessions: TimelineSessionGroup<TimelineSession, TimelineStatement>[]; statements: TimelineStatement[]; deferred: DeferredCounts | null };
  };
  filters: TimelineFilters;
  /** Option counts for the filter form; not computed for a single day's page, which has no form. */
  facets: Facets | null;
  shown: { sessions: number; statements: number };
  totals: { sessions: number; statements: number };
  sources: CitedSource[];
};

/**
 * Which days to render in full: "budget" (the talk page: the first days up to a budget, see
 * lib/timeline/defer.ts), one day ("YYYY-MM-DD" or "unknown", the day page), or "all".
 */
export type TimelineDetail = "budget" | "all" | { day: string };

export const UNDATED_DAY = "unknown";

const issueSelect = { issue: { select: { slug: true, name: true } } } as const;
const sourceSelect = {
  source: { select: { id: true, key: true, publisher: true, title: true, url: true, publishedOn: true } },
} as const;

/** The talk's title, for page metadata: cheap, so the page's head does not wait on the timeline. */
/** The talk's title, or null when there is no such talk. Cached per request (metadata and page). */
export const getTalkTitle = cache(async (slug: string): Promise<string | null> => {
  await requireReader();
  const db = await getDb();
  const talk = await db.talk.findFirst({ where: { slug, deletedAt: null }, select: { title: true } });
  return talk?.title ?? null;
});

/**
 * Everything the talk page shows, grouped into the venue's local days. Null when there is no
 * such talk. Cached per request: the page and its parts share one read.
 *
 * Read in two steps so a 5,000-statement talk stays fast: first what every statement needs for
 * grouping, filtering and counting (ids, days, kind, speaker, issues, sources); then text and
 * the rest only for the statements on the days the page renders in full.
 */
export const getTalkTimeline = cache(
  async (slug: string, filters: TimelineFilters = {}, detail: TimelineDetail = "all") => readTalkTimeline(slug, filters, detail),
);

type LightStatement = {
  id: string;
  sessionId: string | null;
  saidOn: string | null;
  saidAt: Date | null;
  sequence: number;
  kind: StatementKind;
  party: { slug: string; shortName: string };
  envoy: { slug: string; name: string } | null;
  issues: IssueRef[];
  sourceIds: string[];
};

async function readTalkTimeline(slug: string, filters: TimelineFilters, detail: TimelineDetail): Promise<TalkTimeline | null> {
  // better-sqlite3 answers synchronously, so without a break here the whole page would render
  // in one turn of the event loop and leave in one piece: yielding first lets the server send
  // the page's shell (header, loading state) before the long read.
  await new Promise((resolve) => setImmediate(resolve));
  await requireReader();
  const db = await getDb();
  const talk = await db.talk.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      venueCity: true,
      venueTimeZone: true,
      firstDay: true,
      lastDay: true,
      status: true,
      summary: true,
      parties: {
        orderBy: { position: "asc" },
        select: { party: { select: { slug: true, name: true, shortName: true } } },
      },
      envoys: {
        select: {
          role: true,
          envoy: { select: { slug: true, name: true, title: true, party: { select: { slug: true } } } },
        },
      },
      issues: { orderBy: { position: "asc" }, select: issueSelect },
    },
  });
  if (!talk) return null;

  const liveStatement = { talkId: talk.id, deletedAt: null };
  const [sessions, statementRows, statementIssues, statementSources, assessments] = await Promise.all([
    db.session.findMany({
      where: { talkId: talk.id, deletedAt: null },
      orderBy: [{ localDay: "asc" }, { sequence: "asc" }],
      select: {
        id: true,
        localDay: true,
        startsAt: true,
        endsAt: true,
        kind: true,
        title: true,
        summary: true,
        outcome: true,
        outcomeNote: true,
        sequence: true,
        issues: { select: issueSelect },
        sources: { select: sourceSelect },
      },
    }),
    db.statement.findMany({
      where: liveStatement,
      orderBy: [{ saidOn: "asc" }, { sequence: "asc" }],
      select: { id: true, sessionId: true, saidOn: true, saidAt: true, sequence: true, kind: true, partyId: true, envoyId: true },
    }),
    db.statementIssue.findMany({ where: { statement: liveStatement }, select: { statementId: true, issueId: true } }),
    db.statementSource.findMany({ where: { statement: liveStatement }, select: { statementId: true, sourceId: true } }),
    db.assessment.findMany({
      where: { talkId: talk.id, deletedAt: null },
      orderBy: { localDay: "asc" },
      select: { localDay: true, gap: true, note: true, authorName: true, issue: { select: { slug: true } } },
    }),
  ]);

  const [partyRows, envoyRows, issueRows, sourceRows] = await Promise.all([
    db.party.findMany({ where: { id: { in: unique(statementRows.map((s) => s.partyId)) } }, select: { id: true, slug: true, shortName: true } }),
    db.envoy.findMany({
      where: { id: { in: unique(statementRows.flatMap((s) => (s.envoyId ? [s.envoyId] : []))) } },
      select: { id: true, slug: true, name: true },
    }),
    db.issue.findMany({ where: { id: { in: unique(statementIssues.map((x) => x.issueId)) } }, select: { id: true, slug: true, name: true } }),
    db.source.findMany({
      where: { id: { in: unique(statementSources.map((x) => x.sourceId)) } },
      select: { id: true, key: true, publisher: true, title: true, url: true, publishedOn: true },
    }),
  ]);
  const partyById = byId(partyRows);
  const envoyById = byId(envoyRows);
  const issueById = byId(issueRows);
  const sourceById = byId(sourceRows);
  const issuesOf = groupBy(statementIssues, (x) => x.statementId);
  const sourcesOf = groupBy(statementSources, (x) => x.statementId);

  const light: LightStatement[] = statementRows.map((s) => {
    const party = partyById.get(s.partyId)!;
    const envoy = s.envoyId ? envoyById.get(s.envoyId) : undefined;
    return {
      id: s.id,
      sessionId: s.sessionId,
      saidOn: s.saidOn,
      saidAt: s.saidAt,
      sequence: s.sequence,
      kind: s.kind,
      party: { slug: party.slug, shortName: party.shortName },
      envoy: envoy ? { slug: envoy.slug, name: envoy.name } : null,
      issues: (issuesOf.get(s.id) ?? []).map((x) => issueById.get(x.issueId)!).map(({ slug, name }) => ({ slug, name })),
      sourceIds: (sourcesOf.get(s.id) ?? []).map((x) => x.sourceId),
    };
  });

  const envoys = talk.envoys.map(({ role, envoy }) => ({
    slug: envoy.slug,
    name: envoy.name,
    title: envoy.title,
    partySlug: envoy.party.slug,
    role,
  }));
  const parties = talk.parties.map(({ party }) => party);
  const issues = talk.issues.map((i) => i.issue);
  const allSessions = sessions.map((s) => ({
    ...s,
    issues: s.issues.map((i) => i.issue),
    sources: s.sources.map((x): SourceRef => ({ ...x.source, number: 0 })),
  }));
  const flatAssessments = assessments.map(({ issue, ...a }) => ({ ...a, issueSlug: issue.slug }));

  const full = buildTimeline(talk, allSessions, light);
  const sources = numberSources(full, sourceById);
  const numberOf = new Map(sources.map((s) => [s.id, s.number]));
  const filtered = applyFilters(allSessions, light, filters);
  const allDays = full.days.map((d) => d.day);
  // The strip and the navigator span every day of the talk, and filtering never drops a day.
  const shownTimeline = hasFilters(filters) ? buildTimeline(talk, filtered.sessions, filtered.statements, allDays) : full;

  const countOf = (groups: { statements: unknown[] }[], outside: unknown[]) =>
    groups.reduce((n, g) => n + 1 + g.statements.length, outside.length);
  const rendered =
    detail === "all"
      ? null
      : detail === "budget"
        ? daysToRender([
            ...shownTimeline.days.map((d) => ({ day: d.day, items: countOf(d.sessions, d.outside) })),
            { day: UNDATED_DAY, items: countOf(shownTimeline.undated.sessions, shownTimeline.undated.statements) },
          ])
        : new Set([detail.day]);
  const isRendered = (day: string) => rendered === null || rendered.has(day);

  // Step two: the full statements, for the rendered days only.
  const wanted = [
    ...shownTimeline.days.filter((d) => isRendered(d.day)).flatMap((d) => [...d.sessions.flatMap((g) => g.statements), ...d.outside]),
    ...(isRendered(UNDATED_DAY) ? [...shownTimeline.undated.sessions.flatMap((g) => g.statements), ...shownTimeline.undated.statements] : []),
  ];
  const details = byId(
    await findInChunks(wanted.map((s) => s.id), (ids) =>
      db.statement.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          saidPrecision: true,
          partOfDay: true,
          reportedOn: true,
          setting: true,
          capacity: true,
          text: true,
          quotedWords: true,
        },
      }),
    ),
  );
  const sessionById = new Map(allSessions.map((x) => [x.id, { id: x.id, title: x.title, day: sessionDay(x, talk.venueTimeZone) }]));
  const complete = (s: LightStatement): TimelineStatement => {
    const { sourceIds, ...rest } = s;
    return {
      ...rest,
      ...details.get(s.id)!,
      sources: sourceIds.map((id) => ({ ...sourceById.get(id)!, number: numberOf.get(id) ?? 0 })),
      session: s.sessionId ? (sessionById.get(s.sessionId) ?? null) : null,
    };
  };
  for (const session of allSessions) for (const src of session.sources) src.number = numberOf.get(src.id) ?? 0;
  const completeGroups = (groups: TimelineSessionGroup<(typeof allSessions)[number], LightStatement>[]) =>
    groups.map((g) => ({ session: g.session, statements: g.statements.map(complete) }));
  const deferredCounts = (groups: { statements: unknown[] }[], outside: unknown[]): DeferredCounts => ({
    sessions: groups.length,
    statements: groups.reduce((n, g) => n + g.statements.length, outside.length),
  });

  const days: TalkDay[] = shownTimeline.days.map((d) =>
    isRendered(d.day)
      ? { ...d, sessions: completeGroups(d.sessions), outside: d.outside.map(complete), deferred: null }
      : { ...d, sessions: [], outside: [], deferred: deferredCounts(d.sessions, d.outside) },
  );
  const u = shownTimeline.undated;
  const undated = isRendered(UNDATED_DAY)
    ? { sessions: completeGroups(u.sessions), statements: u.statements.map(complete), deferred: null }
    : { sessions: [], statements: [], deferred: deferredCounts(u.sessions, u.statements) };

  return {
    talk: {
      slug: talk.slug,
      title: talk.title,
      venueCity: talk.venueCity,
      venueTimeZone: talk.venueTimeZone,
      firstDay: talk.firstDay,
      lastDay: talk.lastDay,
      status: talk.status,
      summary: talk.summary,
    },
    parties: parties.map((party) => ({
      ...party,
      heads: envoys
        .filter((e) => e.partySlug === party.slug && e.role === "head")
        .map(({ slug, name, title }) => ({ slug, name, title })),
    })),
    envoys,
    issues,
    assessments: flatAssessments,
    convergence: buildConvergence(issues, allDays, flatAssessments),
    timeline: { days, undated },
    filters,
    facets:
      typeof detail === "object"
        ? null
        : countFacets(allSessions, light, filters, {
            parties: parties.map((p) => ({ slug: p.slug, label: p.shortName })),
            envoys: envoys.map((e) => ({ slug: e.slug, label: e.name })),
            issues: issues.map((i) => ({ slug: i.slug, label: i.name })),
          }),
    shown: { sessions: filtered.sessions.length, statements: filtered.statements.length },
    totals: filtered.totals,
    sources,
  };
}

/** The talk's sources, numbered in the order the (unfiltered) timeline first cites them. */
function numberSources(
  timeline: Timeline<{ sources: SourceRef[] }, LightStatement>,
  sourceById: Map<string, Omit<SourceRef, "number">>,
): CitedSource[] {
  const cited = new Map<string, CitedSource>();
  const cite = (ids: string[]) => {
    for (const id of ids) {
      const entry = cited.get(id);
      if (entry) entry.citations++;
      else {
        const src = sourceById.get(id);
        if (src) cited.set(id, { ...src, number: cited.size + 1, citations: 1 });
      }
    }
  };
  const visit = (groups: { session: { sources: SourceRef[] }; statements: LightStatement[] }[], outside: LightStatement[]) => {
    for (const g of groups) {
      for (const src of g.session.sources) {
        if (!sourceById.has(src.id)) sourceById.set(src.id, src);
      }
      cite(g.session.sources.map((s) => s.id));
      g.statements.forEach((s) => cite(s.sourceIds));
    }
    outside.forEach((s) => cite(s.sourceIds));
  };
  timeline.days.forEach((d) => visit(d.sessions, d.outside));
  visit(timeline.undated.sessions, timeline.undated.statements);
  return [...cited.values()];
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Reads by id in chunks, keeping each query well under the databases' bound-parameter limits. */
async function findInChunks<T>(ids: string[], find: (ids: string[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await find(ids.slice(i, i + size))));
  return out;
}
