// SQLite (FTS5) and PostgreSQL (tsvector + GIN) find the same records on the same data. First the
// words themselves: for every Unicode code point, SQLite's tokenizer (as the migration configures
// it), PostgreSQL's parley_search_words (as the migration wrote it) and lib/search/tokens.ts cut
// and fold alike. Then the same talks loaded into both databases — the Beijing seed, the XSS
// fixture, a generated talk and a talk of awkward text (accents, scripts, hyphens, numbers, markup,
// URLs) — are searched with the same queries, fixed and drawn from the data, with and without
// filters, before and after edits: the same records, the same counts, the same first result where
// one result is clearly best. (Order among close scores may differ: bm25 and ts_rank are not the
// same formula; docs/decisions/015-search.md.)
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "../../bench/timeline/prng";
import { generateTalkDocument } from "../../bench/timeline/generate";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import { statementStore } from "../../lib/entities/statement";
import { talkStore } from "../../lib/entities/talk";
import { deleteRow, updateRow } from "../../lib/mutations/core";
import type { SearchFilters } from "../../lib/search/filters";
import { parseQuery } from "../../lib/search/query";
import { resolveSearchFilters } from "../../lib/data/search";
import { searchQuery, type Dialect, type SearchRow } from "../../lib/search/sql";
import { textWords } from "../../lib/search/tokens";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { addLocalDays } from "../../lib/time/local-day";
import { applyMigrations } from "../../scripts/db/engine";
import { buildTalkDocument, loadSeedTalk, TEST_EDITOR } from "../support/factories";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";
import { migratedSqlite } from "../support/sqlite-template";

const ROOT = path.resolve(import.meta.dirname, "../..");

type Side = { dialect: Dialect; db: Db; config: DatabaseConfig };
let cluster: PostgresCluster;
let sides: Side[];
let sqliteFile: string;

/** A talk whose text trips tokenizers: accents, other scripts, hyphens, numbers, markup, addresses, odd spaces. */
const AWKWARD = buildTalkDocument({
  talk: {
    slug: "test-awkward-text",
    title: "Zürich–Genève round: “Straße” talks",
    summary: "Talks on normalisation (UK) and normalization (US); e-mail press@example.org, see https://example.org/a-b?c=1.",
  },
  sessions: [
    { ref: "s1", localDay: "2026-03-02", kind: "plenary", title: "Plenary: Łódź & Ærø", summary: "Crème brûlée <b>served</b> at 12:30; 1.5e3 tonnes; 1e5x marks.", outcomeNote: "Ναι, Москва — 東京 and 서울 too.", issues: [] },
  ],
  statements: [
    { ref: "a", party: "aurelia", saidOn: "2026-03-02", saidPrecision: "day", kind: "position", text: "Song Il-ho said the sides are \u201chuge-difference\u201d apart; x\u00b2 ½ Ⅻ and cafe\u0301 e\u0301cole.", quotedWords: null, issues: [] },
    { ref: "b", party: "borealis", saidOn: null, saidPrecision: "unknown", kind: "denial", text: "SONG IL HO: «non». Ǡ ǡ ſ µ ﬁ İstanbul ΣΑΣ σας\u00a0non\u200bbreaking.", quotedWords: null, issues: [] },
  ],
});

beforeAll(async () => {
  const lite = await migratedSqlite("search-providers");
  sqliteFile = lite.file;
  cluster = await startPostgres();
  const postgres: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, "parley_search") };
  await applyMigrations(postgres);
  sides = [
    { dialect: "sqlite", db: await createDb(lite), config: lite },
    { dialect: "postgresql", db: await createDb(postgres), config: postgres },
  ];
  const documents = [
    TalkDocumentSchema.parse(JSON.parse(readFileSync(path.join(ROOT, "e2e/fixtures/xss-talk.json"), "utf8"))),
    generateTalkDocument({ seed: 15, slug: "test-search-generated", firstDay: "2025-03-10", days: 8, sessions: 60, statements: 600, timeZone: "Europe/Zurich" }),
    AWKWARD,
  ];
  for (const { db } of sides) {
    await loadSeedTalk(db);
    for (const doc of documents) expect((await loadTalkDocument(db, doc, "test")).status).toBe("created");
  }
}, 180_000);

afterAll(async () => {
  await Promise.all((sides ?? []).map((s) => s.db.$disconnect()));
  await cluster?.stop();
});

describe("the words", () => {
  it("are cut and folded alike by SQLite's tokenizer, PostgreSQL's function and the page, for every code point", async () => {
    // SQLite's tokenizer as the migration set it up, read back from the schema.
    const app = new Database(sqliteFile, { readonly: true });
    const { sql } = app.prepare("SELECT sql FROM sqlite_master WHERE name = 'SearchIndex'").get() as { sql: string };
    app.close();
    const tokenize = /tokenize\s*=\s*'([^']+)'/.exec(sql)![1]!;
    expect(tokenize).toBe("unicode61 remove_diacritics 2");
    const probe = new Database(":memory:");
    probe.exec(`CREATE VIRTUAL TABLE probe USING fts5(x, tokenize = '${tokenize}'); CREATE VIRTUAL TABLE probe_words USING fts5vocab(probe, 'instance');`);
    // Every code point (but NUL and the surrogates, which no stored text holds) between two
    // letters, and alone between spaces: in batches, one document each.
    const texts: string[] = [];
    for (let start = 1; start <= 0x10ffff; start += 8192) {
      let text = "";
      for (let c = start; c < start + 8192 && c <= 0x10ffff; c++) if (c < 0xd800 || c > 0xdfff) text += `Q${String.fromCodePoint(c)}q ${String.fromCodePoint(c)} `;
      texts.push(text);
    }
    const insert = probe.prepare("INSERT INTO probe (rowid, x) VALUES (?, ?)");
    probe.transaction(() => texts.forEach((t, i) => insert.run(i + 1, t)))();
    const fts = new Map<number, string[]>();
    for (const row of probe.prepare("SELECT doc, term, offset FROM probe_words").iterate() as Iterable<{ doc: number; term: string; offset: number }>) {
      const list = fts.get(row.doc) ?? [];
      list[row.offset] = row.term;
      fts.set(row.doc, list);
    }
    probe.close();
    const client = new pg.Client({ connectionString: (sides[1]!.config as { url: string }).url });
    await client.connect();
    try {
      for (const [i, text] of texts.entries()) {
        const page = textWords(text).map((w) => w.word);
        const postgres = ((await client.query<{ w: string[] }>("SELECT parley_search_words($1) AS w", [text])).rows[0]!.w);
        const sqlite = fts.get(i + 1) ?? [];
        // Compared in one piece per batch; on a difference, name the first word that differs.
        if (JSON.stringify(page) !== JSON.stringify(sqlite) || JSON.stringify(postgres) !== JSON.stringify(sqlite)) {
          const at = [...Array(Math.max(page.length, sqlite.length, postgres.length)).keys()].find((k) => page[k] !== sqlite[k] || postgres[k] !== sqlite[k]);
          expect({ batch: i, word: at, page: page[at!], postgres: postgres[at!] }).toEqual({ batch: i, word: at, page: sqlite[at!], postgres: sqlite[at!] });
        }
      }
    } finally {
      await client.end();
    }
  }, 120_000);
});

/**
 * Every record a query finds on one side (SQLite ranking all of them, not its window), as words
 * that mean the same record on both (ids differ); and the page's counts.
 */
async function findAll(side: Side, q: string, filters: SearchFilters = {}): Promise<{ keys: string[]; first: string | null; total: number; counts: unknown }> {
  const { terms } = parseQuery(q);
  const resolved = await resolveSearchFilters(side.db, filters);
  const query = resolved && terms.length ? searchQuery(side.dialect, { terms, filters: resolved, limit: 100_000, offset: 0, window: null }) : null;
  if (!query) return { keys: [], first: null, total: 0, counts: null };
  const rows = await side.db.$queryRaw<SearchRow[]>(query);
  const found = rows.flatMap((r) => (r.kind && r.id ? [{ kind: r.kind, id: r.id }] : []));
  const keyOf = await recordKeys(side.db, found);
  const keys = found.map((r) => keyOf.get(r.id)!);
  const { statements, sessions, talks, sources } = rows[0]!;
  return { keys: [...keys].sort(), first: keys[0] ?? null, total: found.length, counts: [statements, sessions, talks, sources].map(Number) };
}

async function recordKeys(db: Db, rows: { kind: string; id: string }[]): Promise<Map<string, string>> {
  const ids = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.id);
  const [statements, sessions, talks, sources] = await Promise.all([
    db.statement.findMany({ where: { id: { in: ids("statement") } }, select: { id: true, text: true, talk: { select: { slug: true } } } }),
    db.session.findMany({ where: { id: { in: ids("session") } }, select: { id: true, title: true, summary: true, talk: { select: { slug: true } } } }),
    db.talk.findMany({ where: { id: { in: ids("talk") } }, select: { id: true, slug: true } }),
    db.source.findMany({ where: { id: { in: ids("source") } }, select: { id: true, key: true } }),
  ]);
  return new Map([
    ...statements.map((s) => [s.id, `statement ${s.talk.slug}: ${s.text}`] as const),
    ...sessions.map((s) => [s.id, `session ${s.talk.slug}: ${s.title} / ${s.summary}`] as const),
    ...talks.map((t) => [t.id, `talk ${t.slug}`] as const),
    ...sources.map((s) => [s.id, `source ${s.key}`] as const),
  ]);
}

/** Asserts both sides find the same; returns how many queries found anything (a test of nothing proves nothing). */
async function expectSameResults(queries: [string, SearchFilters?][]): Promise<number> {
  let finding = 0;
  for (const [q, filters] of queries) {
    const [sqlite, postgres] = await Promise.all(sides.map((side) => findAll(side, q, filters)));
    expect({ q, filters, keys: postgres!.keys, counts: postgres!.counts }).toEqual({ q, filters, keys: sqlite!.keys, counts: sqlite!.counts });
    if (sqlite!.total > 0) finding++;
    else if (process.env.SEARCH_DEBUG) console.log("nothing for", q, filters);
  }
  return finding;
}

const FIXED: [string, SearchFilters?][] = [
  ['"huge difference"'],
  ['"huge difference"', { talk: "japan-dprk-beijing-2006" }],
  ["huge difference"],
  ['"difference huge"'],
  ["Song Il Ho"],
  ['"song il ho"'],
  ["normali*"],
  ["normalization"],
  ["normalisation"],
  ["abduct*", { issue: "abductions" }],
  ["progress", { kind: "assessment" }],
  ["progress", { party: "dprk" }],
  ["disappointing", { envoy: "kunio-umeda" }],
  ["verification", { from: "2025-03-11", to: "2025-03-13" }],
  ["verification", { talk: "test-search-generated", issue: "verification" }],
  ['"step by step"', { kind: "direct_quote" }],
  ["zurich"],
  ["geneve"],
  ["strasse"], // ß is not ss
  ["straße"],
  ["Łódź"],
  // Not folded by unicode61 (no decomposition): ł, æ, ø, ß stay themselves, on both.
  ["lodz aero"],
  ["creme brulee"],
  ["cafe ecole"],
  ["x² ½ ⅻ"],
  ["1 5e3 1e5x"],
  ["press example org"],
  ['"huge difference" apart'],
  ["huge-difference"],
  ["ναι москва 東京 서울"],
  ["ΣΑΣ ǡ"],
  ["σας ſ µ ǡ fi istanbul"],
  ["script img onerror xss"],
  ["svg onload", { talk: "test-xss-round" }],
  ["b served"],
  ['NEAR(huge difference, 2) OR -"talks'],
  ["title:talks"],
  ["*"],
  ["Ho*"],
  // Ranges of days: within a month, across months and years, open at either end, empty.
  ["verification", { from: "2025-03-14", to: "2025-03-14" }],
  ["verification", { from: "2025-02-27", to: "2025-03-12" }],
  ["progress", { from: "2005-12-31", to: "2006-02-07" }],
  ["progress", { from: "2006-02-05" }],
  ["talks", { to: "2006-02-04" }],
  ["delegation", { from: "2024-01-01", to: "2030-12-31" }],
  ["delegation", { from: "0100-01-01", to: "2025-03-12" }],
  ["delegation", { from: "2025-03-13", to: "9999-12-31" }],
  ["source", { from: "2024-05-07", to: "2024-05-07" }],
];

describe("the same data on both databases", () => {
  it("finds the same records for the same queries, with and without filters", async () => {
    expect(await expectSameResults(FIXED)).toBeGreaterThanOrEqual(FIXED.length - 7);
  });

  it("finds the same records for queries drawn from the data: words, pairs, phrases and prefixes, under random filters", async () => {
    const texts = (await sides[0]!.db.statement.findMany({ select: { text: true }, orderBy: { sequence: "asc" } })).map((s) => s.text);
    const rng = createRng(20261202);
    const queries: [string, SearchFilters?][] = [];
    const talks = ["japan-dprk-beijing-2006", "test-search-generated", "test-xss-round", "test-awkward-text", undefined];
    const filters = (): SearchFilters => {
      const day = addLocalDays("2025-03-06", rng.int(0, 14));
      return rng.pick<SearchFilters>([
        {},
        { talk: rng.pick(talks) },
        { party: rng.pick(["aurelia", "borealis", "castellan", "dprk", "japan"]) },
        { issue: rng.pick(["verification", "sanctions-relief", "abductions", "border-demarcation"]) },
        { kind: rng.pick(["position", "demand", "assessment", "direct_quote"]) },
        { from: day, to: addLocalDays(day, rng.int(0, 10)) },
        { from: day },
        { to: day, talk: rng.pick(talks) },
      ]);
    };
    for (let i = 0; i < 60; i++) {
      const words = textWords(rng.pick(texts)).map((w) => w.word);
      const at = rng.int(0, words.length - 1);
      const word = words[at]!;
      const next = words[at + 1] ?? word;
      queries.push(
        [word, filters()],
        [`${word} ${rng.pick(words)}`, filters()],
        [`"${word} ${next}"`, filters()],
        [`${word.slice(0, rng.int(1, Math.max(1, word.length)))}*`, filters()],
      );
    }
    expect(await expectSameResults(queries)).toBeGreaterThanOrEqual(queries.length / 3);
  }, 120_000);

  it("puts the same record first where one is clearly best", async () => {
    for (const q of ['"huge difference" kidnapping', "significant progress abduction", "Straße Zürich Genève round"]) {
      const [sqlite, postgres] = await Promise.all(sides.map((side) => findAll(side, q)));
      expect(sqlite!.first).not.toBeNull();
      expect({ q, first: postgres!.first }).toEqual({ q, first: sqlite!.first });
    }
  });

  it("still agrees after the same edits and deletions on both", async () => {
    for (const { db } of sides) {
      const statement = await db.statement.findFirstOrThrow({ where: { quotedWords: "huge difference" }, select: { id: true } });
      const { snapshot, version } = (await statementStore.read(db, statement.id))!;
      await updateRow(db, statementStore, statement.id, { expectedVersion: version, snapshot: { ...snapshot, text: `${snapshot.text} Later called a chasm.` }, actor: TEST_EDITOR });
      const awkward = await db.talk.findUniqueOrThrow({ where: { slug: "test-awkward-text" }, select: { id: true, version: true } });
      await deleteRow(db, talkStore, awkward.id, { expectedVersion: awkward.version, actor: TEST_EDITOR });
    }
    expect(await expectSameResults([["chasm"], ['"huge difference"'], ["zurich"], ["Song Il Ho"], ["normali*"]])).toBe(4);
    expect((await findAll(sides[0]!, "chasm")).total).toBe(1);
    expect((await findAll(sides[1]!, "zurich")).total).toBe(0);
  });
});
