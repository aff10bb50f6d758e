// Property tests of search (issue 11): whatever is typed into the box or put into the address —
// FTS5 and tsquery syntax, unbalanced quotes, lone stars, control characters, lone surrogates,
// 10,000 characters — parsing never throws, and the queries made of it run on SQLite and on
// PostgreSQL and return a result (a list, perhaps empty), never an error.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import { parseSearchRequest } from "../../lib/search/filters";
import { parseQuery, QUERY_MAX_WORDS, toFts5, toTsquery } from "../../lib/search/query";
import { searchQuery, type Dialect } from "../../lib/search/sql";
import { applyMigrations } from "../../scripts/db/engine";
import { loadSeedTalk } from "../support/factories";
import { hugeString, oddString } from "../support/hostile";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { migratedSqlite } from "../support/sqlite-template";

/** Pieces of every query language in reach: FTS5's, tsquery's, quotes of all kinds, words that are operators. */
const piece = fc.constantFrom(
  '"', "“", "”", "„", "'", "*", "-", "+", ":", "^", "(", ")", "{", "}", "[", "]", ",", "&", "|", "!", "<->", "<2>", ":*", "\\", "NEAR", "NEAR(", "AND", "OR", "NOT",
  "title:", "{title body}:", "tags:", "huge", "difference", "abduct", "progress", "Song", "é", "Ǡ", "ß", "0", "1e5x", " ", "  ", "\t", "\n", "\u0000", "\u0001", "\u007f", "\u200b", "\uFEFF", "\uD800", "\uDC00", "😀",
);
const query = fc.oneof(
  fc.array(piece, { maxLength: 24 }).map((parts) => parts.join("")),
  fc.array(fc.oneof(piece, oddString), { maxLength: 8 }).map((parts) => parts.join(" ")),
  oddString,
  hugeString,
  fc.constantFrom("", "*", "-", ":", "^", '"', '""', '" "', "NEAR(", "x".repeat(10_000), "a ".repeat(5_000)),
);
const filterValue = fc.oneof(oddString, fc.constantFrom("", "japan-dprk-beijing-2006", "japan", "dprk", "song-il-ho", "abductions", "assessment", "direct_quote", "2006-02-07", "2006-02-31", "9999-12-31", "0000-01-01", "unknown"));
/** An address's search params: the query and at most a few filters (most addresses carry few). */
const params = fc
  .tuple(query, fc.array(fc.tuple(fc.constantFrom("talk", "party", "envoy", "issue", "kind", "from", "to", "page", "q"), filterValue), { maxLength: 3 }))
  .map(([q, extra]): Record<string, string | string[]> => {
    const p: Record<string, string | string[]> = { q };
    for (const [key, value] of extra) p[key] = key in p ? [p[key]!, value].flat() : value;
    return p;
  });

describe("a query, whatever it is", () => {
  it("parses into quoted words without throwing, within the limits", () => {
    fc.assert(
      fc.property(query, (q) => {
        const { terms } = parseQuery(q);
        expect(terms.reduce((n, t) => n + t.words.length, 0)).toBeLessThanOrEqual(QUERY_MAX_WORDS);
        for (const t of terms) for (const w of t.words) expect(w.word).toMatch(/^[^\s"'*\\:&|!()<>{}^-]+$/u);
        if (terms.length) {
          expect(toFts5(terms)).not.toBe("");
          expect(toTsquery(terms)).not.toBe("");
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("the queries made of it", () => {
  let cluster: PostgresCluster;
  let sides: { dialect: Dialect; db: Db }[] = [];

  beforeAll(async () => {
    const lite = await migratedSqlite("search-property");
    cluster = await startPostgres();
    const postgres: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, "parley_search_property") };
    await applyMigrations(postgres);
    sides = [
      { dialect: "sqlite", db: await createDb(lite) },
      { dialect: "postgresql", db: await createDb(postgres) },
    ];
    for (const { db } of sides) await loadSeedTalk(db);
    process.env.DATABASE_URL = lite.url;
  }, 120_000);

  afterAll(async () => {
    await Promise.all(sides.map((s) => s.db.$disconnect()));
    await cluster?.stop();
  });

  it("run on SQLite and PostgreSQL and return a list, with any filters in the address", async () => {
    const { resolveSearchFilters } = await import("../../lib/data/search");
    let ran = 0;
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const request = parseSearchRequest(p);
        const { terms } = parseQuery(request.q);
        for (const { dialect, db } of sides) {
          const filters = await resolveSearchFilters(db, request.filters);
          if (!filters || terms.length === 0) continue;
          const spec = { terms, filters, limit: 20, offset: (request.page - 1) * 20 };
          const search = searchQuery(dialect, spec);
          if (!search) continue;
          const rows = await db.$queryRaw<unknown[]>(search);
          expect(rows.length).toBeGreaterThanOrEqual(1); // the counts, at least
          ran++;
        }
      }),
      { numRuns: 500 },
    );
    // Many runs reach the databases (a test that skips everything proves nothing): about a quarter
    // of the 1,000 tries do (the rest name nothing, or no word); 150 is far below that mean of 250.
    expect(ran).toBeGreaterThan(150);
  }, 300_000);

  it("the search page's read answers any address (SQLite, through lib/data/search.ts)", async () => {
    const { searchRecords } = await import("../../lib/data/search");
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const results = await searchRecords(parseSearchRequest(p));
        expect(Array.isArray(results.hits)).toBe(true);
        expect(results.total).toBeGreaterThanOrEqual(results.hits.length);
      }),
      { numRuns: 200 },
    );
  }, 300_000);
});
