// The search queries, written for each database (the one module that branches on the provider, as
// decision 010 says such SQL should). Both find the same records — the same words, cut and folded
// alike (lib/search/tokens.ts), the same filters, the same visibility (no deleted record, nothing
// of a deleted talk) — and differ in how: SQLite asks its FTS5 index (SearchIndex, which also holds
// each record's filters as tags, and only live records), PostgreSQL its generated tsvector columns
// (GIN) joined to the tables. Scores are bm25 and ts_rank, close but not the same formula.
// Every value from the request is a bound parameter; the only text spliced in is this module's
// own. See docs/decisions/015-search.md.
import { empty, join, raw, sqltag as sql, type Sql } from "@prisma/client/runtime/client";
import { rangeTags } from "./days";
import { toFts5, toTsquery, type QueryTerm } from "./query";
import { textWords } from "./tokens";

export type Dialect = "sqlite" | "postgresql";
export type ResultKind = "statement" | "session" | "talk" | "source";

/** The filters with the talk, party, envoy and issue named by id (lib/data/search.ts looks them up). */
export type ResolvedFilters = {
  talkId?: string;
  partyId?: string;
  envoyId?: string;
  issueId?: string;
  /** The statement's kind (direct_quote, …). */
  kind?: string;
  from?: string;
  to?: string;
};

/**
 * How much a match counts in each field, in both databases: a record's title, quoted words, body
 * (statement text, summaries) and note (outcome note, publisher). FTS5's columns and PostgreSQL's
 * weights A–D are these fields in this order.
 */
export const FIELD_WEIGHTS = { title: 4, quote: 3, body: 2, note: 1 } as const;

/**
 * On SQLite, how many of the statements and sessions found are ranked: the latest recorded this
 * many (the index reads them newest first and stops). Scoring every match of a word found in a
 * third of 100,000 statements takes 80 ms; a window keeps it to a few. Below it, the ranking is
 * exact; above it, the best of the latest are shown first. It is also as far as the pages go, and
 * where counting stops: past it, "more than 1,000 statements and sessions" (on both databases).
 */
export const RANK_WINDOW = 1_000;

/**
 * One row of the answer: how many records of each kind were found (statements and sessions
 * together counted up to RANK_WINDOW + 1 on SQLite), and one record of the page, best first; a
 * page with no record has one row, of counts alone.
 */
export type SearchRow = {
  statements: number | bigint;
  sessions: number | bigint;
  talks: number | bigint;
  sources: number | bigint;
  kind: ResultKind | null;
  id: string | null;
  score: number | null;
};

export type SearchSpec = {
  terms: QueryTerm[];
  filters: ResolvedFilters;
  limit: number;
  offset: number;
  /** Statements and sessions ranked on SQLite (RANK_WINDOW); null ranks them all (tests compare whole results). */
  window?: number | null;
};

/** The kinds of record a search with these filters looks at. */
export function searchedKinds(f: ResolvedFilters): ResultKind[] {
  if (f.partyId || f.envoyId || f.kind) return ["statement"];
  if (f.issueId) return ["statement", "session"];
  return ["statement", "session", "talk", "source"];
}

const TABLE: Record<ResultKind, string> = { statement: "Statement", session: "Session", talk: "Talk", source: "Source" };
const and = (parts: Sql[]) => join(parts, " AND ");
/** A kind's name as an SQL string: this module's own constant, never the request's. */
const literal = (kind: ResultKind) => raw(`'${kind}'`);
const table = (kind: ResultKind) => raw(`"${TABLE[kind]}"`);

// ---------------------------------------------------------------------------------------------
// SQL conditions: all of PostgreSQL's filtering, and SQLite's for talks and sources (few rows,
// whose filters are not tags: a talk's days are a span, a source's talk is whoever cites it).

function conditions(kind: ResultKind, f: ResolvedFilters): Sql[] {
  const live = [sql`x."deletedAt" IS NULL`];
  const issueOf = (links: string, column: string) =>
    sql`EXISTS (SELECT 1 FROM ${raw(`"${links}"`)} l WHERE l.${raw(`"${column}"`)} = x."id" AND l."issueId" = ${f.issueId})`;
  switch (kind) {
    case "statement":
      return [
        ...live,
        sql`t."deletedAt" IS NULL`,
        ...(f.talkId ? [sql`x."talkId" = ${f.talkId}`] : []),
        ...(f.partyId ? [sql`x."partyId" = ${f.partyId}`] : []),
        ...(f.envoyId ? [sql`x."envoyId" = ${f.envoyId}`] : []),
        // An enum on PostgreSQL: compared as text there, as on SQLite.
        ...(f.kind ? [sql`CAST(x."kind" AS TEXT) = ${f.kind}`] : []),
        ...(f.issueId ? [issueOf("StatementIssue", "statementId")] : []),
        ...(f.from ? [sql`x."saidOn" >= ${f.from}`] : []),
        ...(f.to ? [sql`x."saidOn" <= ${f.to}`] : []),
      ];
    case "session":
      return [
        ...live,
        sql`t."deletedAt" IS NULL`,
        ...(f.talkId ? [sql`x."talkId" = ${f.talkId}`] : []),
        ...(f.issueId ? [issueOf("SessionIssue", "sessionId")] : []),
        ...(f.from ? [sql`x."localDay" >= ${f.from}`] : []),
        ...(f.to ? [sql`x."localDay" <= ${f.to}`] : []),
      ];
    case "talk":
      return [
        ...live,
        ...(f.talkId ? [sql`x."id" = ${f.talkId}`] : []),
        // A talk whose days meet the range; one whose end is not known yet may still reach it.
        ...(f.to ? [sql`x."firstDay" <= ${f.to}`] : []),
        ...(f.from ? [sql`(x."lastDay" IS NULL OR x."lastDay" >= ${f.from})`] : []),
      ];
    case "source":
      return [
        ...live,
        // A source of the talk: cited by one of its live statements or sessions.
        ...(f.talkId
          ? [
              sql`(EXISTS (SELECT 1 FROM "StatementSource" l JOIN "Statement" s ON s."id" = l."statementId"
                  WHERE l."sourceId" = x."id" AND s."talkId" = ${f.talkId} AND s."deletedAt" IS NULL)
                OR EXISTS (SELECT 1 FROM "SessionSource" l JOIN "Session" s ON s."id" = l."sessionId"
                  WHERE l."sourceId" = x."id" AND s."talkId" = ${f.talkId} AND s."deletedAt" IS NULL))`,
              sql`NOT EXISTS (SELECT 1 FROM "Talk" t WHERE t."id" = ${f.talkId} AND t."deletedAt" IS NOT NULL)`,
            ]
          : []),
        ...(f.from ? [sql`x."publishedOn" >= ${f.from}`] : []),
        ...(f.to ? [sql`x."publishedOn" <= ${f.to}`] : []),
      ];
  }
}

const joinTalk = (kind: ResultKind) => (kind === "statement" || kind === "session" ? sql` JOIN "Talk" t ON t."id" = x."talkId"` : empty);

// ---------------------------------------------------------------------------------------------
// SQLite

const { title, quote, body, note } = FIELD_WEIGHTS;
/** bm25 over the four fields; the tags column counts for nothing. */
const BM25 = raw(`bm25("SearchIndex", ${title}, ${quote}, ${body}, ${note}, 0)`);

/** A tag as FTS5 reads it: one word (an id's hyphens are left out, as the triggers leave them out). */
const tagPhrase = (tag: string) =>
  textWords(tag.replaceAll("-", ""))
    .map((w) => `"${w.word}"`)
    .join(" + ");
const anyTag = (tags: string[]) => `(${tags.map(tagPhrase).join(" OR ")})`;

/** The query's words, in the four text fields. */
const wordsMatch = (terms: QueryTerm[]) => `{title quote body note} : (${toFts5(terms)})`;

/**
 * The MATCH expression: the query's words in the four text fields, and the filters as tags: the
 * kinds asked for (`kinds`, for talks and sources; statements and sessions are told apart by a
 * join, below), then each filter of a statement or session. Null when the filters leave nothing to
 * find (a range of days that holds none).
 */
function fts5Match(terms: QueryTerm[], f: ResolvedFilters, kinds: ResultKind[] = []): string | null {
  const parts = [wordsMatch(terms)];
  if (kinds.length) parts.push(`tags : ${anyTag(kinds.map((k) => `k${k}`))}`);
  if (f.talkId) parts.push(`tags : ${anyTag([`t${f.talkId}`])}`);
  if (f.partyId) parts.push(`tags : ${anyTag([`p${f.partyId}`])}`);
  if (f.envoyId) parts.push(`tags : ${anyTag([`e${f.envoyId}`])}`);
  if (f.kind) parts.push(`tags : ${anyTag([`s${f.kind}`])}`);
  if (f.issueId) parts.push(`tags : ${anyTag([`i${f.issueId}`])}`);
  if (f.from || f.to) {
    const days = rangeTags(f.from, f.to);
    if (days.length === 0) return null;
    parts.push(`tags : ${anyTag(days)}`);
  }
  return parts.join(" AND ");
}

const CATALOG = ["talk", "source"] as const;
type CatalogKind = (typeof CATALOG)[number];
const catalogKinds = (kinds: ResultKind[]) => kinds.filter((k): k is CatalogKind => (CATALOG as readonly string[]).includes(k));

/**
 * Talks and sources matching the words, each as a row of its own table `x` with its score, and
 * the SQL conditions of its filters. There are few of them: they are read from the index once,
 * for both kinds (bm25 counts the records holding each word anew for every query it scores).
 */
function sqliteCatalog(terms: QueryTerm[], f: ResolvedFilters, kinds: CatalogKind[]): Sql {
  const branches = kinds.map(
    (kind) => sql`SELECT ${literal(kind)} AS "kind", x."id" AS "id", c."score" AS "score"
      FROM "catalog" c JOIN ${table(kind)} x ON x."id" = c."ref"
      WHERE c."kind" = ${literal(kind)} AND ${and(conditions(kind, f))}`,
  );
  return sql`"catalog" AS MATERIALIZED (
      SELECT r."kind" AS "kind", r."ref" AS "ref", -${BM25} AS "score"
      FROM "SearchIndex" JOIN "SearchRow" r ON r."id" = "SearchIndex"."rowid"
      WHERE "SearchIndex" MATCH ${fts5Match(terms, {}, kinds)!}
    ), "catalogFound" AS MATERIALIZED (${join(branches, " UNION ALL ")})`;
}

/** The counts, and the page of "results" (a CTE of kind, id, score) in order: the statement's end, for both databases. */
function answer(spec: SearchSpec, counts: Sql): Sql {
  return sql`SELECT c."statements", c."sessions", c."talks", c."sources", p."kind", p."id", p."score"
    FROM (${counts}) AS c
    LEFT JOIN (SELECT "kind", "id", "score" FROM "results" ORDER BY "score" DESC, "kind", "id" LIMIT ${spec.limit} OFFSET ${spec.offset}) AS p ON 1 = 1
    ORDER BY p."score" DESC, p."kind", p."id"`;
}

function sqliteQuery(spec: SearchSpec): Sql | null {
  const kinds = searchedKinds(spec.filters);
  const rows = kinds.filter((k) => k === "statement" || k === "session");
  const match = fts5Match(spec.terms, spec.filters);
  if (match === null) return null;
  const window = spec.window === undefined ? RANK_WINDOW : spec.window;
  const catalog = catalogKinds(kinds);
  const count = (from: string, kind: ResultKind) => sql`(SELECT count(*) FROM ${raw(`"${from}"`)} WHERE "kind" = ${literal(kind)})`;
  // "found": the statements and sessions that match, newest first (the index's rowid order, which
  // it reads without sorting), one more than the window (to know there are more), scored as they
  // come. Their kind comes from a join, not from tags in the expression: bm25 first counts, over
  // the whole index, the records holding each of its phrases, and "kstatement" is in nearly all of
  // them (that count cost more than the ranking). The filters' tags are rarer.
  return sql`WITH "found" AS MATERIALIZED (
      SELECT "SearchIndex"."rowid" AS "row", r."kind" AS "kind", r."ref" AS "id", -${BM25} AS "score"
      FROM "SearchIndex" JOIN "SearchRow" r ON r."id" = "SearchIndex"."rowid"
      WHERE "SearchIndex" MATCH ${match} AND r."kind" IN (${join(rows.map(literal), ", ")})
      ORDER BY "SearchIndex"."rowid" DESC LIMIT ${window === null ? -1 : window + 1}
    ), "kept" AS MATERIALIZED (
      SELECT "kind", "id", "score" FROM "found" ORDER BY "row" DESC LIMIT ${window ?? -1}
    )${catalog.length ? sql`, ${sqliteCatalog(spec.terms, spec.filters, catalog)}` : empty},
    "results" AS (
      SELECT "kind", "id", "score" FROM "kept"
      ${catalog.length ? sql`UNION ALL SELECT "kind", "id", "score" FROM "catalogFound"` : empty}
    )
    ${answer(
      spec,
      sql`SELECT ${count("found", "statement")} AS "statements", ${count("found", "session")} AS "sessions",
        ${catalog.includes("talk") ? count("catalogFound", "talk") : sql`0`} AS "talks",
        ${catalog.includes("source") ? count("catalogFound", "source") : sql`0`} AS "sources"`,
    )}`;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: every match ranked (its cost is in reading the matching rows, which a window would
// not save), and counted exactly.

function postgresQuery(spec: SearchSpec): Sql {
  const query = toTsquery(spec.terms);
  // ts_rank's weights are listed D, C, B, A; normalization 1 divides by 1 + log(length), as bm25
  // weighs a match in a long text less.
  const weights = raw(`'{${[note, body, quote, title].map((w) => w / title).join(", ")}}'::float4[]`);
  const branches = searchedKinds(spec.filters).map(
    (kind) => sql`SELECT ${literal(kind)} AS "kind", x."id" AS "id", ts_rank(${weights}, x."searchVector", ${query}::tsquery, 1) AS "score"
      FROM ${table(kind)} x${joinTalk(kind)}
      WHERE x."searchVector" @@ ${query}::tsquery AND ${and(conditions(kind, spec.filters))}`,
  );
  const count = (kind: ResultKind) => sql`count(*) FILTER (WHERE "kind" = ${literal(kind)})`;
  return sql`WITH "results" AS MATERIALIZED (${join(branches, " UNION ALL ")})
    ${answer(spec, sql`SELECT ${count("statement")} AS "statements", ${count("session")} AS "sessions", ${count("talk")} AS "talks", ${count("source")} AS "sources" FROM "results"`)}`;
}

// ---------------------------------------------------------------------------------------------

/**
 * The search: the counts and a page of results, best first, in one statement. Ties are broken by
 * kind and id, so a page never shuffles between two loads. Null when nothing can match (a range of
 * days that holds none).
 */
export function searchQuery(dialect: Dialect, spec: SearchSpec): Sql | null {
  return dialect === "sqlite" ? sqliteQuery(spec) : postgresQuery(spec);
}
