import "server-only";
// Search's reads: the query (lib/search/sql.ts, raw SQL on either database) finds and ranks the
// page's records and counts the rest; the records are then read through Prisma with the fields the
// page shows, as the envoy and party pages read theirs. See docs/decisions/015-search.md.
import { cache } from "react";
import { requireReader } from "../auth/permissions";
import { SLUG_PATTERN } from "../entities/fields";
import { dayPagePath } from "../entities/talk-row";
import { getDb, isPostgres, type Db } from "../db";
import type { Capacity, Outcome, SessionKind, StatementKind } from "../enums";
import { SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE, type SearchFilters, type SearchRequest } from "../search/filters";
import { parseQuery, type ParsedQuery } from "../search/query";
import { RANK_WINDOW, searchQuery, type ResolvedFilters, type ResultKind, type SearchRow } from "../search/sql";
import { sessionDay, statementDay } from "../timeline/build";
import { talkRefSelect, type TalkRef } from "./statement-refs";

type Hit<K extends ResultKind, T> = { kind: K; id: string; href: string } & T;

export type StatementHit = {
  saidOn: string | null;
  saidAt: Date | null;
  kind: StatementKind;
  capacity: Capacity;
  text: string;
  quotedWords: string | null;
  party: { slug: string; shortName: string };
  envoy: { slug: string; name: string } | null;
};
export type SessionHit = {
  title: string;
  summary: string;
  outcome: Outcome;
  outcomeNote: string | null;
  kind: SessionKind | null;
  localDay: string | null;
  startsAt: Date | null;
};
export type SourceHit = { key: string; publisher: string; title: string; url: string | null; publishedOn: string | null };

export type SearchHit =
  | Hit<"statement", { talk: TalkRef; day: string | null; statement: StatementHit }>
  | Hit<"session", { talk: TalkRef; day: string | null; session: SessionHit }>
  | Hit<"talk", { talk: TalkRef & { summary: string } }>
  | Hit<"source", { source: SourceHit }>;

export type SearchResults = {
  query: ParsedQuery;
  /**
   * Records found of each kind. Statements and sessions are counted up to RANK_WINDOW together:
   * past it `capped` is set and their counts mean only "more than RANK_WINDOW".
   */
  counts: Record<ResultKind, number>;
  capped: boolean;
  /** The records the pages can show (the first RANK_WINDOW statements and sessions, every talk and source). */
  total: number;
  /** This page's records, best first. */
  hits: SearchHit[];
  page: number;
  pages: number;
  /** Whether only the latest RANK_WINDOW statements and sessions found were ranked (SQLite, when more were found). */
  windowed: boolean;
};

export { RANK_WINDOW };

const NO_COUNTS: Record<ResultKind, number> = { statement: 0, session: 0, talk: 0, source: 0 };

/**
 * The records a search finds, a page at a time, and how many there are. A query with no words, or
 * a filter naming nothing that is live, finds nothing and reads nothing more.
 */
export async function searchRecords(request: SearchRequest): Promise<SearchResults> {
  await requireReader();
  const query = parseQuery(request.q);
  const empty = { query, counts: NO_COUNTS, capped: false, total: 0, hits: [], page: request.page, pages: 0, windowed: false };
  if (query.terms.length === 0) return empty;
  const db = await getDb();
  const filters = await resolveSearchFilters(db, request.filters);
  if (!filters) return empty;
  const dialect = isPostgres(db) ? "postgresql" : "sqlite";
  const sql = searchQuery(dialect, { terms: query.terms, filters, limit: SEARCH_PAGE_SIZE, offset: (request.page - 1) * SEARCH_PAGE_SIZE });
  if (!sql) return empty;
  const rows = await db.$queryRaw<SearchRow[]>(sql);
  const head = rows[0]!;
  const counts = { statement: Number(head.statements), session: Number(head.sessions), talk: Number(head.talks), source: Number(head.sources) };
  const capped = counts.statement + counts.session > RANK_WINDOW;
  const total = Math.min(counts.statement + counts.session, RANK_WINDOW) + counts.talk + counts.source;
  return {
    query,
    counts,
    capped,
    total,
    hits: await readHits(db, rows.flatMap((r) => (r.kind && r.id ? [{ kind: r.kind, id: r.id }] : []))),
    page: request.page,
    pages: Math.min(SEARCH_MAX_PAGE, Math.ceil(total / SEARCH_PAGE_SIZE)),
    windowed: dialect === "sqlite" && capped,
  };
}

/** The filters' talk, party, envoy and issue by id; null when one names nothing live (nothing can match). */
export async function resolveSearchFilters(db: Db, f: SearchFilters): Promise<ResolvedFilters | null> {
  // What is not a slug names nothing, and is not sent to the database (PostgreSQL refuses a NUL).
  if ([f.talk, f.party, f.envoy, f.issue].some((slug) => slug !== undefined && !SLUG_PATTERN.test(slug))) return null;
  const live = { deletedAt: null };
  const id = { id: true } as const;
  const [talk, party, envoy, issue] = await Promise.all([
    f.talk ? db.talk.findFirst({ where: { slug: f.talk, ...live }, select: id }) : undefined,
    f.party ? db.party.findFirst({ where: { slug: f.party, ...live }, select: id }) : undefined,
    f.envoy ? db.envoy.findFirst({ where: { slug: f.envoy, ...live }, select: id }) : undefined,
    f.issue ? db.issue.findFirst({ where: { slug: f.issue, ...live }, select: id }) : undefined,
  ]);
  if (talk === null || party === null || envoy === null || issue === null) return null;
  return { talkId: talk?.id, partyId: party?.id, envoyId: envoy?.id, issueId: issue?.id, kind: f.kind, from: f.from, to: f.to };
}

/** The page's records with what the page shows of each, in the order found. */
async function readHits(db: Db, rows: { kind: ResultKind; id: string }[]): Promise<SearchHit[]> {
  const ids = (kind: ResultKind) => rows.filter((r) => r.kind === kind).map((r) => r.id);
  const read = <T>(kind: ResultKind, find: (ids: string[]) => Promise<T[]>) => (ids(kind).length ? find(ids(kind)) : Promise.resolve([]));
  const [statements, sessions, talks, sources] = await Promise.all([
    read("statement", (id) =>
      db.statement.findMany({
        where: { id: { in: id } },
        select: {
          id: true,
          saidOn: true,
          saidAt: true,
          kind: true,
          capacity: true,
          text: true,
          quotedWords: true,
          party: { select: { slug: true, shortName: true } },
          envoy: { select: { slug: true, name: true } },
          talk: { select: talkRefSelect },
        },
      }),
    ),
    read("session", (id) =>
      db.session.findMany({
        where: { id: { in: id } },
        select: { id: true, title: true, summary: true, outcome: true, outcomeNote: true, kind: true, localDay: true, startsAt: true, talk: { select: talkRefSelect } },
      }),
    ),
    read("talk", (id) => db.talk.findMany({ where: { id: { in: id } }, select: { id: true, ...talkRefSelect, summary: true } })),
    read("source", (id) => db.source.findMany({ where: { id: { in: id } }, select: { id: true, key: true, publisher: true, title: true, url: true, publishedOn: true } })),
  ]);
  const found = new Map<string, SearchHit>();
  for (const { talk, id, ...statement } of statements) {
    const day = statementDay(statement, talk.venueTimeZone);
    found.set(id, { kind: "statement", id, href: dayPagePath(talk.slug, day, { anchor: "statement", id }), talk, day, statement });
  }
  for (const { talk, id, ...session } of sessions) {
    const day = sessionDay(session, talk.venueTimeZone);
    found.set(id, { kind: "session", id, href: dayPagePath(talk.slug, day, { anchor: "session", id }), talk, day, session });
  }
  for (const { id, ...talk } of talks) found.set(id, { kind: "talk", id, href: `/talks/${talk.slug}`, talk });
  for (const { id, ...source } of sources) found.set(id, { kind: "source", id, href: `/sources/${encodeURIComponent(source.key)}`, source });
  // A record deleted between the two reads is left out.
  return rows.flatMap((r) => found.get(r.id) ?? []);
}

export type SearchOption = { value: string; label: string };
export type SearchOptions = { talk: SearchOption[]; party: SearchOption[]; envoy: SearchOption[]; issue: SearchOption[] };

/** The filter menus: every live talk (newest first), party, envoy and issue (by name). */
export const getSearchOptions = cache(async (): Promise<SearchOptions> => {
  await requireReader();
  const db = await getDb();
  const live = { deletedAt: null };
  const [talks, parties, envoys, issues] = await Promise.all([
    db.talk.findMany({ where: live, orderBy: [{ firstDay: "desc" }, { title: "asc" }], select: { slug: true, title: true } }),
    db.party.findMany({ where: live, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    db.envoy.findMany({ where: live, orderBy: { name: "asc" }, select: { slug: true, name: true, party: { select: { shortName: true } } } }),
    db.issue.findMany({ where: live, orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return {
    talk: talks.map((t) => ({ value: t.slug, label: t.title })),
    party: parties.map((p) => ({ value: p.slug, label: p.name })),
    envoy: envoys.map((e) => ({ value: e.slug, label: `${e.name} (${e.party.shortName})` })),
    issue: issues.map((i) => ({ value: i.slug, label: i.name })),
  };
});
