import "server-only";
import { getDb } from "../db";
import { buildTimeline, type Timeline } from "../timeline/build";
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
};

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
  /** The timeline as filtered; its days are the talk's days whatever the filters. */
  timeline: Timeline<TimelineSession, TimelineStatement>;
  filters: TimelineFilters;
  facets: Facets;
  shown: { sessions: number; statements: number };
  totals: { sessions: number; statements: number };
  sources: CitedSource[];
};

const issueSelect = { issue: { select: { slug: true, name: true } } } as const;
const sourceSelect = {
  source: { select: { id: true, publisher: true, title: true, url: true, publishedOn: true } },
} as const;

/** Everything the talk page shows, grouped into the venue's local days. Null when there is no such talk. */
export async function getTalkTimeline(slug: string, filters: TimelineFilters = {}): Promise<TalkTimeline | null> {
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

  const [sessions, statements, assessments] = await Promise.all([
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
      where: { talkId: talk.id, deletedAt: null },
      orderBy: [{ saidOn: "asc" }, { sequence: "asc" }],
      select: {
        id: true,
        sessionId: true,
        saidOn: true,
        saidAt: true,
        saidPrecision: true,
        partOfDay: true,
        reportedOn: true,
        setting: true,
        kind: true,
        capacity: true,
        text: true,
        quotedWords: true,
        sequence: true,
        party: { select: { slug: true, shortName: true } },
        envoy: { select: { slug: true, name: true } },
        issues: { select: issueSelect },
        sources: { select: sourceSelect },
      },
    }),
    db.assessment.findMany({
      where: { talkId: talk.id, deletedAt: null },
      orderBy: { localDay: "asc" },
      select: { localDay: true, gap: true, note: true, authorName: true, issue: { select: { slug: true } } },
    }),
  ]);

  const envoys = talk.envoys.map(({ role, envoy }) => ({
    slug: envoy.slug,
    name: envoy.name,
    title: envoy.title,
    partySlug: envoy.party.slug,
    role,
  }));
  const parties = talk.parties.map(({ party }) => party);
  const issues = talk.issues.map((i) => i.issue);
  const ref = (x: { source: Omit<SourceRef, "number"> }): SourceRef => ({ ...x.source, number: 0 });
  const allSessions = sessions.map((s) => ({ ...s, issues: s.issues.map((i) => i.issue), sources: s.sources.map(ref) }));
  const allStatements = statements.map((s) => ({ ...s, issues: s.issues.map((i) => i.issue), sources: s.sources.map(ref) }));
  const flatAssessments = assessments.map(({ issue, ...a }) => ({ ...a, issueSlug: issue.slug }));

  const full = buildTimeline(talk, allSessions, allStatements);
  const filtered = applyFilters(allSessions, allStatements, filters);
  const allDays = full.days.map((d) => d.day);
  // The strip and the navigator span every day of the talk, and filtering never drops a day.
  const timeline = hasFilters(filters) ? buildTimeline(talk, filtered.sessions, filtered.statements, allDays) : full;

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
    timeline,
    filters,
    facets: countFacets(allSessions, allStatements, filters, {
      parties: parties.map((p) => ({ slug: p.slug, label: p.shortName })),
      envoys: envoys.map((e) => ({ slug: e.slug, label: e.name })),
      issues: issues.map((i) => ({ slug: i.slug, label: i.name })),
    }),
    shown: { sessions: filtered.sessions.length, statements: filtered.statements.length },
    totals: filtered.totals,
    sources: numberSources(full),
  };
}

/** Numbers the sources in the order the timeline first cites them, setting each citation's number. */
function numberSources(timeline: Timeline<TimelineSession, TimelineStatement>): CitedSource[] {
  const cited = new Map<string, CitedSource>();
  const cite = (sources: SourceRef[]) => {
    for (const src of sources) {
      let entry = cited.get(src.id);
      if (entry) entry.citations++;
      else cited.set(src.id, (entry = { ...src, number: cited.size + 1, citations: 1 }));
      src.number = entry.number;
    }
  };
  const visit = (groups: { session: TimelineSession; statements: TimelineStatement[] }[], outside: TimelineStatement[]) => {
    for (const g of groups) {
      cite(g.session.sources);
      g.statements.forEach((s) => cite(s.sources));
    }
    outside.forEach((s) => cite(s.sources));
  };
  timeline.days.forEach((d) => visit(d.sessions, d.outside));
  visit(timeline.undated.sessions, timeline.undated.statements);
  return [...cited.values()];
}
