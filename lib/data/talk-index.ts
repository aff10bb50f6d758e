import "server-only";
// A talk's index: what every view of it needs about every session and statement to group, filter,
// count and number them (days, speakers, issues, sources), without their text. Read in one go and
// kept in memory while the talk does not change (talk-cache.ts): a 20,000-statement talk is read
// once per change, not once per page view. Views filter it in memory; only the days a page shows
// are then read in full (talk-window.ts).
import type { Db } from "../db";
import type { Capacity, DelegationRole, Gap, Outcome, PartOfDay, PartyRole, SessionKind, StatementKind, StatementSetting, TalkStatus, TimePrecision } from "../enums";
import { buildTimeline, sessionDay, type Timeline } from "../timeline/build";
import { buildDayIndex, type DayIndex } from "../timeline/day-index";
import { applyFilters, countFacets, hasFilters, type Facets, type TimelineFilters } from "../timeline/filters";
import { UNDATED_DAY, type DaySize } from "../timeline/window";
import { cachedTalkRead } from "./talk-cache";

export type IssueRef = { slug: string; name: string };

export type SourceBase = { id: string; key: string; publisher: string; title: string; url: string | null; publishedOn: string | null };
export type SourceRef = SourceBase & {
  /** Its number on the talk's pages, in order of first citation on the (unfiltered) timeline. */
  number: number;
  /** Where its number links: the talk's list of sources on the page, or the source's own page. */
  href: string;
};
export type CitedSource = SourceRef & { citations: number };

/** A talk's own fields, as every page of it shows them. */
export type TalkHead = {
  id: string;
  slug: string;
  title: string;
  venueCity: string;
  venueTimeZone: string;
  firstDay: string;
  lastDay: string | null;
  status: TalkStatus;
  summary: string;
};

/** The talk as read once per request: its fields and the stamp its cached reads are kept under. */
export type TalkRecord = TalkHead & { stamp: string };

export type TalkParty = { slug: string; name: string; shortName: string; role: PartyRole; heads: { slug: string; name: string; title: string | null }[] };
export type TalkEnvoy = { slug: string; name: string; title: string | null; partySlug: string; role: DelegationRole };
export type TalkAssessment = {
  /** Its row's id, to tag it on a "what changed since" view; absent in a view rebuilt from revisions (lib/data/as-of.ts). */
  id?: string;
  issueSlug: string;
  localDay: string;
  gap: Gap;
  note: string;
  authorName: string;
  /** On a "what changed since" view: added or corrected since the moment asked (lib/data/changes-since.ts). */
  change?: "added" | "corrected";
  /** On a "what changed since" view, for editors: deleted since the moment, shown struck through where it stood. */
  deletedSince?: true;
};

export type LightSession = {
  id: string;
  localDay: string | null;
  startsAt: Date | null;
  sequence: number;
  outcome: Outcome;
  issues: IssueRef[];
  sourceIds: string[];
};

export type LightStatement = {
  id: string;
  sessionId: string | null;
  saidOn: string | null;
  saidAt: Date | null;
  sequence: number;
  kind: StatementKind;
  /** `role`: the party's part in the talk; null when the party is not on the talk's list. */
  party: { slug: string; shortName: string; role: PartyRole | null };
  envoy: { slug: string; name: string } | null;
  issues: IssueRef[];
  sourceIds: string[];
};

/**
 * Above this many sources a talk's pages list only the sources of the days they show, and each
 * reference links to its source's own page instead of the list.
 */
export const SOURCE_LIST_MAX = 300;

export type TalkIndex = {
  talk: TalkHead;
  parties: TalkParty[];
  envoys: TalkEnvoy[];
  issues: IssueRef[];
  sessions: LightSession[];
  statements: LightStatement[];
  assessments: TalkAssessment[];
  /** Every source the talk cites, numbered in order of first citation on the unfiltered timeline. */
  sources: CitedSource[];
  sourceById: Map<string, CitedSource>;
  /** The venue day each session is on (null: not known). */
  sessionDayById: Map<string, string | null>;
  /**
   * The rows' text and details, when the index was rebuilt from revisions (the record as known at
   * a moment, lib/data/as-of.ts) rather than read from today's rows: windows read them from here.
   */
  details?: RowDetails;
};

/** What a window reads in full beyond the index, by id (lib/data/talk-window.ts). */
export type RowDetails = {
  sessions: Map<string, { id: string; endsAt: Date | null; kind: SessionKind | null; title: string; summary: string; outcomeNote: string | null }>;
  statements: Map<
    string,
    { id: string; saidPrecision: TimePrecision; partOfDay: PartOfDay | null; reportedOn: string | null; setting: StatementSetting; capacity: Capacity; text: string; quotedWords: string | null }
  >;
};

/** A filtered view of the talk: its days that hold something, their sizes, the counts and the day index. */
export type TalkView = {
  filters: TimelineFilters;
  timeline: Timeline<LightSession, LightStatement>;
  /** Days that hold something (sessions, statements, or an assessment shown), then "unknown" if any. */
  sizes: DaySize[];
  dayOf: Map<string, Timeline<LightSession, LightStatement>["days"][number]>;
  assessmentsOn: Map<string, TalkAssessment[]>;
  facets: Facets;
  shown: { sessions: number; statements: number };
  totals: { sessions: number; statements: number };
  index: DayIndex;
};

/** The talk's index at the talk's stamp: read once, then kept until the talk changes. */
export function getTalkIndex(db: Db, talk: TalkRecord): Promise<TalkIndex> {
  return cachedTalkRead(talk.id, talk.stamp, "index", () => readTalkIndex(db, talk));
}

/** The talk as filtered, at the talk's stamp. */
export function getTalkView(db: Db, talk: TalkRecord, filters: TimelineFilters): Promise<TalkView> {
  return cachedTalkRead(talk.id, talk.stamp, `view ${JSON.stringify(filters)}`, async () => buildView(await getTalkIndex(db, talk), filters));
}

const issueSelect = { issue: { select: { slug: true, name: true } } } as const;

/** The talk's index: its rows read (two rounds of queries), then shaped for the pages. */
async function readTalkIndex(db: Db, talk: TalkRecord): Promise<TalkIndex> {
  const rows = await queryTalkRows(db, talk.id);
  const refs = await queryReferenced(db, rows);
  return shapeTalkIndex(talk, rows, refs);
}

/** First round: who and what the talk is about, and its live sessions, statements and assessments. */
/** Who takes part in the talk and what is on its agenda, as they are now. */
export function queryTalkMembers(db: Db, talkId: string) {
  return db.talk.findUnique({
    where: { id: talkId },
    select: {
      parties: { orderBy: { position: "asc" }, select: { role: true, party: { select: { slug: true, name: true, shortName: true } } } },
      envoys: { select: { role: true, envoy: { select: { slug: true, name: true, title: true, party: { select: { slug: true } } } } } },
      issues: { orderBy: { position: "asc" }, select: issueSelect },
    },
  });
}

export type TalkMembers = Awaited<ReturnType<typeof queryTalkMembers>>;

async function queryTalkRows(db: Db, talkId: string) {
  const live = { talkId, deletedAt: null };
  const [members, sessionRows, statementRows, statementIssues, statementSources, assessmentRows] = await Promise.all([
    queryTalkMembers(db, talkId),
    db.session.findMany({
      where: live,
      orderBy: [{ localDay: "asc" }, { sequence: "asc" }],
      select: {
        id: true,
        localDay: true,
        startsAt: true,
        sequence: true,
        outcome: true,
        issues: { select: issueSelect },
        sources: { select: { sourceId: true } },
      },
    }),
    db.statement.findMany({
      where: live,
      orderBy: [{ saidOn: "asc" }, { sequence: "asc" }],
      select: { id: true, sessionId: true, saidOn: true, saidAt: true, sequence: true, kind: true, partyId: true, envoyId: true },
    }),
    db.statementIssue.findMany({ where: { statement: live }, select: { statementId: true, issueId: true } }),
    db.statementSource.findMany({ where: { statement: live }, select: { statementId: true, sourceId: true } }),
    db.assessment.findMany({
      where: live,
      orderBy: { localDay: "asc" },
      select: { id: true, localDay: true, gap: true, note: true, authorName: true, issue: { select: { slug: true } } },
    }),
  ]);

  return { members, sessionRows, statementRows, statementIssues, statementSources, assessmentRows };
}

type TalkRows = Awaited<ReturnType<typeof queryTalkRows>>;

/** Second round: the parties, envoys, issues and sources those rows refer to. */
async function queryReferenced(db: Db, { sessionRows, statementRows, statementIssues, statementSources }: TalkRows) {
  const sourceIds = unique([...sessionRows.flatMap((s) => s.sources.map((x) => x.sourceId)), ...statementSources.map((x) => x.sourceId)]);
  const [partyRows, envoyRows, issueRows, sourceRows] = await Promise.all([
    db.party.findMany({ where: { id: { in: unique(statementRows.map((s) => s.partyId)) } }, select: { id: true, slug: true, shortName: true } }),
    db.envoy.findMany({
      where: { id: { in: unique(statementRows.flatMap((s) => (s.envoyId ? [s.envoyId] : []))) } },
      select: { id: true, slug: true, name: true },
    }),
    db.issue.findMany({ where: { id: { in: unique(statementIssues.map((x) => x.issueId)) } }, select: { id: true, slug: true, name: true } }),
    findInChunks(sourceIds, (ids) =>
      db.source.findMany({ where: { id: { in: ids } }, select: { id: true, key: true, publisher: true, title: true, url: true, publishedOn: true } }),
    ),
  ]);
  return { partyRows, envoyRows, issueRows, sourceRows };
}

/** The rows as the index holds them: statements and sessions with their names, sources numbered. */
function shapeTalkIndex(talk: TalkRecord, { members, sessionRows, statementRows, statementIssues, statementSources, assessmentRows }: TalkRows, { partyRows, envoyRows, issueRows, sourceRows }: Awaited<ReturnType<typeof queryReferenced>>): TalkIndex {
  const partyById = byId(partyRows);
  const envoyById = byId(envoyRows);
  const issueById = byId(issueRows);
  const issuesOf = groupBy(statementIssues, (x) => x.statementId);
  const sourcesOf = groupBy(statementSources, (x) => x.statementId);

  const roleOf = new Map((members?.parties ?? []).map((p) => [p.party.slug, p.role]));
  const statements: LightStatement[] = statementRows.map((s) => {
    const party = partyById.get(s.partyId)!;
    const envoy = s.envoyId ? envoyById.get(s.envoyId) : undefined;
    return {
      id: s.id,
      sessionId: s.sessionId,
      saidOn: s.saidOn,
      saidAt: s.saidAt,
      sequence: s.sequence,
      kind: s.kind,
      party: { slug: party.slug, shortName: party.shortName, role: roleOf.get(party.slug) ?? null },
      envoy: envoy ? { slug: envoy.slug, name: envoy.name } : null,
      issues: (issuesOf.get(s.id) ?? []).map((x) => issueById.get(x.issueId)!).map(({ slug, name }) => ({ slug, name })),
      sourceIds: (sourcesOf.get(s.id) ?? []).map((x) => x.sourceId),
    };
  });
  const sessions: LightSession[] = sessionRows.map((s) => ({
    id: s.id,
    localDay: s.localDay,
    startsAt: s.startsAt,
    sequence: s.sequence,
    outcome: s.outcome,
    issues: s.issues.map((i) => i.issue),
    sourceIds: s.sources.map((x) => x.sourceId),
  }));
  const assessments = assessmentRows.map(({ issue, ...a }) => ({ ...a, issueSlug: issue.slug }));
  return assembleTalkIndex(talk, members, { sessions, statements, assessments }, sourceRows);
}

/** An index from its rows: the talk's members, its sources numbered, each session's day. */
export function assembleTalkIndex(
  talk: TalkRecord,
  members: TalkMembers,
  { sessions, statements, assessments }: { sessions: LightSession[]; statements: LightStatement[]; assessments: TalkAssessment[] },
  sourceRows: SourceBase[],
): TalkIndex {
  const { stamp: _, ...head } = talk;
  const envoys = (members?.envoys ?? []).map(({ role, envoy }) => ({ slug: envoy.slug, name: envoy.name, title: envoy.title, partySlug: envoy.party.slug, role }));
  const parties = (members?.parties ?? []).map(({ party, role }) => ({
    ...party,
    role,
    heads: envoys.filter((e) => e.partySlug === party.slug && e.role === "head").map(({ slug, name, title }) => ({ slug, name, title })),
  }));
  const sources = numberSources(buildTimeline(talk, sessions, statements), byId(sourceRows));
  return {
    talk: head,
    parties,
    envoys,
    issues: (members?.issues ?? []).map((i) => i.issue),
    sessions,
    statements,
    assessments,
    sources,
    sourceById: new Map(sources.map((s) => [s.id, s])),
    sessionDayById: new Map(sessions.map((s) => [s.id, sessionDay(s, talk.venueTimeZone)])),
  };
}

export function buildView(index: TalkIndex, filters: TimelineFilters): TalkView {
  const filtered = applyFilters(index.sessions, index.statements, filters);
  const timeline = hasFilters(filters) ? buildTimeline(index.talk, filtered.sessions, filtered.statements) : buildTimeline(index.talk, index.sessions, index.statements);
  const assessmentsOn = new Map<string, TalkAssessment[]>();
  for (const a of index.assessments) {
    if (filters.issue && a.issueSlug !== filters.issue) continue;
    const list = assessmentsOn.get(a.localDay);
    if (list) list.push(a);
    else assessmentsOn.set(a.localDay, [a]);
  }
  const dayOf = new Map(timeline.days.map((d) => [d.day, d]));
  const count = (d: { sessions: { statements: unknown[] }[]; outside: unknown[] }) =>
    d.sessions.reduce((n, g) => n + 1 + g.statements.length, d.outside.length);
  // A day holds something when it has sessions or statements, or an assessment of the gap.
  const days = [...new Set([...dayOf.keys(), ...assessmentsOn.keys()])].sort();
  const sizes: DaySize[] = days.map((day) => {
    const d = dayOf.get(day);
    return { day, items: (d ? count(d) : 0) + (assessmentsOn.get(day)?.length ?? 0) };
  });
  const undated = timeline.undated;
  const undatedCount = undated.sessions.reduce((n, g) => n + 1 + g.statements.length, undated.statements.length);
  if (undatedCount > 0) sizes.push({ day: UNDATED_DAY, items: undatedCount });
  return {
    filters,
    timeline,
    sizes,
    dayOf,
    assessmentsOn,
    facets: countFacets(index.sessions, index.statements, filters, {
      roles: index.parties.map((p) => p.role),
      parties: index.parties.map((p) => ({ slug: p.slug, label: p.shortName })),
      envoys: index.envoys.map((e) => ({ slug: e.slug, label: e.name })),
      issues: index.issues.map((i) => ({ slug: i.slug, label: i.name })),
    }),
    shown: { sessions: filtered.sessions.length, statements: filtered.statements.length },
    totals: filtered.totals,
    index: buildDayIndex(
      index.talk,
      days.map((day) => {
        const d = dayOf.get(day);
        return { day, count: d ? count(d) : 0 };
      }),
      undatedCount,
    ),
  };
}

/** The talk's sources, numbered in the order the (unfiltered) timeline first cites them. */
function numberSources(timeline: Timeline<LightSession, LightStatement>, sourceById: Map<string, SourceBase>): CitedSource[] {
  const cited = new Map<string, CitedSource>();
  const cite = (ids: string[]) => {
    for (const id of ids) {
      const entry = cited.get(id);
      if (entry) entry.citations++;
      else {
        const src = sourceById.get(id);
        if (src) cited.set(id, { ...src, number: cited.size + 1, href: "", citations: 1 });
      }
    }
  };
  const visit = (groups: { session: LightSession; statements: LightStatement[] }[], outside: LightStatement[]) => {
    for (const g of groups) {
      cite(g.session.sourceIds);
      g.statements.forEach((s) => cite(s.sourceIds));
    }
    outside.forEach((s) => cite(s.sourceIds));
  };
  timeline.days.forEach((d) => visit(d.sessions, d.outside));
  visit(timeline.undated.sessions, timeline.undated.statements);
  const listed = cited.size <= SOURCE_LIST_MAX;
  for (const src of cited.values()) src.href = listed ? `#source-${src.number}` : `/sources/${encodeURIComponent(src.key)}`;
  return [...cited.values()];
}

export function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
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
export async function findInChunks<T>(ids: string[], find: (ids: string[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += size) out.push(...(await find(ids.slice(i, i + size))));
  return out;
}
