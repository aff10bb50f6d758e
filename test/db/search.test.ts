// Search (lib/data/search.ts) on a real SQLite database: what it finds and in which order, phrases,
// prefixes, the filters, what it marks, what it never shows (deleted records, deleted talks), and
// the FTS5 index kept in step by the migration's triggers through every kind of write the app
// makes (create, edit, delete, undo, a talk deleted and brought back) and a row removed outright.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import type { SearchHit, SearchResults } from "../../lib/data/search";
import { sessionStore } from "../../lib/entities/session";
import { sourceStore } from "../../lib/entities/source";
import { statementStore } from "../../lib/entities/statement";
import { talkStore } from "../../lib/entities/talk";
import { deleteRow, undoDelete, updateRow } from "../../lib/mutations/core";
import { highlight } from "../../lib/search/highlight";
import type { SearchFilters } from "../../lib/search/filters";
import { generateTalkDocument } from "../../bench/timeline/generate";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { createTalk, loadSeedTalk, TEST_EDITOR, type TestTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const BEIJING = "japan-dprk-beijing-2006";

let db: Db;
let data: typeof import("../../lib/data/search");

beforeAll(async () => {
  const config = await migratedSqlite("search");
  // The reads use the app's one client, which takes its database from DATABASE_URL on first use.
  process.env.DATABASE_URL = config.url;
  db = await (await import("../../lib/db")).getDb();
  await loadSeedTalk(db, "test");
  data = await import("../../lib/data/search");
});

afterAll(async () => {
  await db?.$disconnect();
});

const search = (q: string, filters: SearchFilters = {}, page = 1) => data.searchRecords({ q, filters, page, problems: [] });
/** What a result is, in a word and its main text: "statement: The talks have …". */
const describe_ = (hit: SearchHit) =>
  hit.kind === "statement"
    ? `statement: ${hit.statement.text}`
    : hit.kind === "session"
      ? `session: ${hit.session.title}`
      : hit.kind === "talk"
        ? `talk: ${hit.talk.title}`
        : `source: ${hit.source.title}`;
const found = (r: SearchResults) => r.hits.map(describe_);
const kinds = (r: SearchResults) => r.hits.map((h) => h.kind);

/**
 * A talk of its own for a test: two parties with an envoy each, two issues, a source, a dated and
 * an undated session, and statements — each with a word no other test uses, so tests do not see
 * each other's records.
 */
async function geneva(word: string): Promise<TestTalk & { refs: Record<string, string> }> {
  const talk = await createTalk(db, {
    talk: { title: `Geneva round on the ${word} river`, summary: `Talks about the ${word} river and its water.`, firstDay: "2026-03-02", lastDay: "2026-03-06" },
    envoys: [
      { slug: "amelie-durand", name: "Amélie Durand", party: "aurelia", role: "head" },
      { slug: "bo-lind", name: "Bo Lind", party: "borealis", role: "head" },
    ],
    issues: [
      { slug: "water-rights", name: "Water rights" },
      { slug: "border-line", name: "Border line" },
    ],
    sources: [{ key: `wire-${word}`, publisher: "Alpine Radio", title: `Geneva Wire: ${word} talks resume in Zürich`, publishedOn: "2026-03-03" }],
    sessions: [
      {
        ref: "opening",
        localDay: "2026-03-02",
        kind: "plenary",
        title: `Opening plenary on the ${word}`,
        summary: `The normalisation of relations and the ${word} were raised.`,
        outcome: "progress",
        outcomeNote: `Both sides agreed to meet in Zürich about the ${word}.`,
        issues: ["border-line"],
        sources: [`wire-${word}`],
      },
      { ref: "side-meeting", localDay: null, kind: null, title: "Side meeting", summary: `A side meeting on ${word} rights.`, issues: [] },
    ],
    statements: [
      {
        ref: "amelie-position",
        session: "opening",
        party: "aurelia",
        envoy: "amelie-durand",
        capacity: "head_of_delegation",
        saidOn: "2026-03-02",
        saidPrecision: "day",
        kind: "position",
        text: `We seek the normalization of relations before any ${word} deal.`,
        issues: ["water-rights"],
        sources: [`wire-${word}`],
      },
      {
        ref: "bo-demand",
        party: "borealis",
        envoy: "bo-lind",
        capacity: "head_of_delegation",
        saidOn: "2026-03-04",
        saidPrecision: "day",
        kind: "demand",
        text: `Borealis demands that the ${word} line be drawn; there is a "huge difference" between us.`,
        quotedWords: "huge difference",
        issues: ["border-line"],
      },
      {
        ref: "borealis-denial",
        party: "borealis",
        saidOn: null,
        saidPrecision: "unknown",
        kind: "denial",
        text: `Borealis denies any difference that is huge on the ${word}.`,
        issues: [],
      },
    ],
  });
  const [statements, sessions] = await Promise.all([
    db.statement.findMany({ where: { talkId: talk.id }, select: { id: true, text: true } }),
    db.session.findMany({ where: { talkId: talk.id }, select: { id: true, title: true } }),
  ]);
  const refs: Record<string, string> = {};
  for (const s of statements) refs[s.text.startsWith("We seek") ? "amelie-position" : s.text.startsWith("Borealis demands") ? "bo-demand" : "borealis-denial"] = s.id;
  for (const s of sessions) refs[s.title.startsWith("Opening") ? "opening" : "side-meeting"] = s.id;
  return { ...talk, refs };
}

describe("search on the Beijing talk", () => {
  it("finds a phrase and ranks the statement that quotes it above the talk that mentions it, linking to its place in its day", async () => {
    const r = await search('"huge difference"', { talk: BEIJING });
    expect(kinds(r)).toEqual(["statement", "talk"]);
    const statement = r.hits[0]!;
    expect(statement.kind === "statement" && statement.statement.quotedWords).toBe("huge difference");
    // The report dates the "huge difference" to no day: its place is the talk's undated items.
    expect(statement.href).toBe(`/talks/${BEIJING}/days/unknown#statement-${statement.id}`);
    expect(r.total).toBe(2);
    expect(r.counts).toEqual({ statement: 1, session: 0, talk: 1, source: 0 });
  });

  it("links a dated statement to its day and a session to its place", async () => {
    const r = await search("significant progress", { talk: BEIJING });
    const statement = r.hits.find((h) => h.kind === "statement")!;
    expect(statement.href).toBe(`/talks/${BEIJING}/days/2006-02-07#statement-${statement.id}`);
    const sessions = r.hits.filter((h) => h.kind === "session");
    expect(sessions.map((s) => s.href)).toEqual(sessions.map((s) => `/talks/${BEIJING}/days/unknown#session-${s.id}`));
    expect(sessions).toHaveLength(2);
  });

  it("marks the words it found, and only those", async () => {
    const r = await search('"huge difference"', { talk: BEIJING });
    const hit = r.hits[0]!;
    if (hit.kind !== "statement") throw new Error("expected a statement first");
    const marked = highlight(hit.statement.text, r.query.terms).filter((s) => s.mark).map((s) => s.text);
    expect(marked).toEqual(["huge difference"]);
  });

  it("finds names without stemming them: Song Il Ho", async () => {
    const r = await search("Song Il Ho", { talk: BEIJING });
    // The talk's summary and the two sessions' outcome notes name him; his statements do not.
    expect(r.counts).toEqual({ statement: 0, session: 2, talk: 1, source: 0 });
  });
});

describe("what a query means", () => {
  it("a phrase needs its words side by side and in order; plain words anywhere", async () => {
    const t = await geneva("quokka");
    expect(found(await search('"huge difference" quokka'))).toEqual([`statement: Borealis demands that the quokka line be drawn; there is a "huge difference" between us.`]);
    expect(found(await search('"difference huge" quokka'))).toEqual([]);
    const words = await search("huge difference quokka");
    expect(words.counts.statement).toBe(2);
    // The statement that quotes the phrase (text and quoted words) ranks above the one that only has the words.
    expect(words.hits[0]!.id).toBe(t.refs["bo-demand"]);
  });

  it("a prefix finds every word it begins, and the words are folded: normali* finds normalization and normalisation, zurich finds Zürich", async () => {
    const t = await geneva("wombat");
    const r = await search("normali* wombat");
    expect(new Set(r.hits.map((h) => h.id))).toEqual(new Set([t.refs["amelie-position"], t.refs.opening]));
    expect((await search("normalization wombat")).hits.map((h) => h.id)).toEqual([t.refs["amelie-position"]]);
    // In a source's title and a session's outcome note: the title counts more.
    expect(kinds(await search("ZURICH wombat"))).toEqual(["source", "session"]);
    // An envoy's name is not in the text of what they said: the envoy filter finds their statements.
    expect((await search("amelie")).total).toBe(0);
  });

  it("reads hostile and malformed queries as plain words, and never fails", async () => {
    await geneva("numbat");
    for (const q of ['"numbat', 'numbat"', "NEAR(numbat", "numbat*", "*", "-numbat", "numbat:", "^numbat", "title:numbat", "body: numbat", "{title body}: numbat", "numbat AND", "OR numbat", "NOT numbat", "(numbat", "numbat)", "'numbat'", "numbat & !x", "\u0000numbat\u0001", "x".repeat(10_000), "", "   ", "\uD800numbat"]) {
      const r = await search(q);
      expect(Array.isArray(r.hits)).toBe(true);
    }
    expect((await search("NEAR(numbat")).total).toBe(0); // "near" is a word like any other, and it is nowhere
    expect((await search("title:numbat")).total).toBe(0);
    expect((await search('"numbat')).total).toBeGreaterThan(0);
    expect((await search("-numbat")).total).toBeGreaterThan(0);
  });
});

describe("filters", () => {
  it("narrow to a talk, a party, an envoy, an issue, a statement kind and a range of days", async () => {
    const t = await geneva("dingo");
    const other = await geneva("dingo-two");
    const ids = async (filters: SearchFilters, q = "dingo") => new Set((await search(q, filters)).hits.map((h) => h.id));
    const all = await search("dingo");
    expect(all.counts).toEqual({ statement: 6, session: 4, talk: 2, source: 2 });
    expect((await search("dingo", { talk: t.slug })).counts).toEqual({ statement: 3, session: 2, talk: 1, source: 1 });
    // Party, envoy and kind are a statement's: only statements are searched.
    expect(await ids({ talk: t.slug, party: "borealis" })).toEqual(new Set([t.refs["bo-demand"], t.refs["borealis-denial"]]));
    expect(await ids({ talk: t.slug, envoy: "bo-lind" })).toEqual(new Set([t.refs["bo-demand"]]));
    expect(await ids({ talk: t.slug, kind: "denial" })).toEqual(new Set([t.refs["borealis-denial"]]));
    // An issue is a statement's or a session's.
    expect(await ids({ talk: t.slug, issue: "border-line" })).toEqual(new Set([t.refs["bo-demand"], t.refs.opening]));
    // Days: records on a day in the range (undated ones have none); talks that meet it; sources published in it.
    const days = await search("dingo", { talk: t.slug, from: "2026-03-03", to: "2026-03-06" });
    const source = await db.source.findUniqueOrThrow({ where: { key: "wire-dingo" }, select: { id: true } });
    expect(new Set(days.hits.map((h) => h.id))).toEqual(new Set([t.refs["bo-demand"], t.id, source.id]));
    expect((await search("dingo", { talk: t.slug, from: "2026-03-07" })).counts).toEqual({ statement: 0, session: 0, talk: 0, source: 0 });
    expect((await search("dingo", { talk: t.slug, to: "2026-03-02" })).counts).toEqual({ statement: 1, session: 1, talk: 1, source: 0 });
    // A value nothing is called finds nothing.
    expect((await search("dingo", { party: "nobody" })).total).toBe(0);
    expect((await search("dingo", { talk: other.slug, party: "aurelia" })).hits.map((h) => h.id)).toEqual([other.refs["amelie-position"]]);
  });
});

describe("the index follows every write (the migration's triggers)", () => {
  const ids = async (q: string) => (await search(q)).hits.map((h) => h.id).sort();
  /** Each record a reader may see (live, and in a live talk) is in the index once, and nothing else is. */
  async function expectIndexWhole() {
    const [indexed] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "SearchIndex"`;
    const [rows] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM "SearchRow"`;
    const [live, all] = await Promise.all([
      Promise.all([
        db.statement.count({ where: { deletedAt: null, talk: { deletedAt: null } } }),
        db.session.count({ where: { deletedAt: null, talk: { deletedAt: null } } }),
        db.talk.count({ where: { deletedAt: null } }),
        db.source.count({ where: { deletedAt: null } }),
      ]),
      Promise.all([db.statement.count(), db.session.count(), db.talk.count(), db.source.count()]),
    ]);
    expect(Number(indexed!.n)).toBe(live.reduce((a, b) => a + b, 0));
    expect(Number(rows!.n)).toBe(all.reduce((a, b) => a + b, 0));
  }

  it("an edited statement is found by its new words, not its old ones", async () => {
    const t = await geneva("kiwi");
    const id = t.refs["amelie-position"]!;
    const { snapshot, version } = (await statementStore.read(db, id))!;
    await updateRow(db, statementStore, id, { expectedVersion: version, snapshot: { ...snapshot, text: "We seek a kiwi settlement, nothing less." }, actor: TEST_EDITOR });
    expect(await ids("settlement kiwi")).toEqual([id]);
    expect(await ids("normalization kiwi")).toEqual([]);
    await expectIndexWhole();
  });

  it("a deleted statement, session or source is not found; undoing the deletion finds it again", async () => {
    const t = await geneva("emu");
    const statement = t.refs["bo-demand"]!;
    const session = t.refs.opening!;
    const source = (await db.source.findUniqueOrThrow({ where: { key: "wire-emu" }, select: { id: true } })).id;
    const before = await ids("emu");
    expect(before).toEqual(expect.arrayContaining([statement, session, source]));

    const removed = await Promise.all([
      deleteRow(db, statementStore, statement, { expectedVersion: 1, actor: TEST_EDITOR }),
      deleteRow(db, sessionStore, session, { expectedVersion: 1, actor: TEST_EDITOR }),
      deleteRow(db, sourceStore, source, { expectedVersion: 1, actor: TEST_EDITOR }),
    ]);
    expect(await ids("emu")).toEqual(before.filter((id) => ![statement, session, source].includes(id)));
    await expectIndexWhole();

    await undoDelete(db, statementStore, statement, { expectedVersion: removed[0].version, actor: TEST_EDITOR });
    await undoDelete(db, sessionStore, session, { expectedVersion: removed[1].version, actor: TEST_EDITOR });
    await undoDelete(db, sourceStore, source, { expectedVersion: removed[2].version, actor: TEST_EDITOR });
    expect(await ids("emu")).toEqual(before);
    await expectIndexWhole();
  });

  it("nothing of a deleted talk is found, and all of it again once the deletion is undone", async () => {
    const t = await geneva("koala");
    const before = await search("koala");
    expect(before.counts).toEqual({ statement: 3, session: 2, talk: 1, source: 1 });
    const { version } = await deleteRow(db, talkStore, t.id, { expectedVersion: 1, actor: TEST_EDITOR });
    // Its source is shared by every talk and stays; the talk's own records go.
    expect((await search("koala")).counts).toEqual({ statement: 0, session: 0, talk: 0, source: 1 });
    expect((await search("koala", { talk: t.slug })).total).toBe(0);
    await expectIndexWhole();
    await undoDelete(db, talkStore, t.id, { expectedVersion: version, actor: TEST_EDITOR });
    expect((await search("koala")).counts).toEqual(before.counts);
    await expectIndexWhole();
  });

  it("a row removed outright leaves the index, and one written by plain SQL enters it", async () => {
    const t = await geneva("wallaby");
    await db.statement.delete({ where: { id: t.refs["borealis-denial"]! } });
    expect((await search("wallaby")).counts.statement).toBe(2);
    await expectIndexWhole();
    // No application code: the trigger alone indexes a row written behind the app's back.
    await db.$executeRaw`UPDATE "Session" SET "summary" = 'Renamed: the bandicoot question.' WHERE "id" = ${t.refs["side-meeting"]!}`;
    expect(await ids("bandicoot")).toEqual([t.refs["side-meeting"]]);
    expect(await ids("wallaby rights")).toEqual([]);
    await expectIndexWhole();
  });
});

describe("a search that finds thousands", () => {
  let slug: string;
  beforeAll(async () => {
    const doc = generateTalkDocument({ seed: 31, slug: `test-search-many-${Date.now().toString(36)}`, firstDay: "2025-03-10", days: 10, sessions: 100, statements: 2_500, timeZone: "Europe/Zurich" });
    slug = doc.talk.slug;
    expect((await loadTalkDocument(db, doc, "test")).status).toBe("created");
  }, 120_000);

  it("counts up to 1,000 of a kind, ranks the 1,000 statements and sessions recorded last, and offers 50 pages", async () => {
    const r = await search("the", { talk: slug });
    const t = async (s: string) => (await db.talk.findUniqueOrThrow({ where: { slug: s }, select: { id: true } })).id.replaceAll("-", "");
    const talkTag = await t(slug);
    expect(r.capped).toBe(true);
    expect(r.counts.statement + r.counts.session).toBe(data.RANK_WINDOW + 1);
    expect(r.windowed).toBe(true);
    expect(r.pages).toBe(50);
    expect(r.hits).toHaveLength(20);
    // Every hit is among the 1,000 matches the index holds last (the window), best first.
    const newest = await db.$queryRaw<{ ref: string }[]>`SELECT r."ref" AS ref FROM "SearchIndex" s JOIN "SearchRow" r ON r."id" = s."rowid"
      WHERE "SearchIndex" MATCH ${`{title quote body note} : ("the") AND tags : ("kstatement" OR "ksession") AND tags : ("t${talkTag}")`}
      ORDER BY s."rowid" DESC LIMIT ${data.RANK_WINDOW}`;
    const window = new Set(newest.map((n) => n.ref));
    expect(r.hits.every((h) => window.has(h.id))).toBe(true);
    const last = await search("the", { talk: slug }, 50);
    expect(last.hits.length).toBeGreaterThan(0);
    expect(last.hits.every((h) => window.has(h.id))).toBe(true);
  });

  it("ranks them all when a filter brings them under 1,000", async () => {
    const r = await search("the", { talk: slug, kind: "denial" });
    expect(r.capped).toBe(false);
    expect(r.counts.statement).toBeLessThanOrEqual(data.RANK_WINDOW);
    expect(r.windowed).toBe(false);
  });
});
