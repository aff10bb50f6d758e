// The record as known at a moment (lib/data/as-of.ts) on both databases: a statement before and
// after an edit, a deletion and a restore; a loaded statement corrected later shows its loaded
// text before the correction; the loaded Beijing talk as of a moment after its load is the
// current view, row for row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTalkIndexAt } from "../../lib/data/as-of";
import { bandCountsOfIndex, readBandCounts } from "../../lib/data/overview-band";
import { readChangesSince } from "../../lib/data/changes-since";
import { buildView, getTalkIndex, type TalkRecord } from "../../lib/data/talk-index";
import { readWindow, type WindowContent } from "../../lib/data/talk-window";
import { statementStore } from "../../lib/entities/statement";
import { deleteRow, undoDelete, updateRow } from "../../lib/mutations/core";
import { createStatement, loadSeedTalk, talkRecordReader, TEST_EDITOR, type TestTalk } from "../support/factories";
import { PROVIDERS, type TestDatabase } from "../support/databases";

const statementsOf = (w: WindowContent) => [
  ...w.slots.flatMap((s) => (s.kind === "day" ? [...s.value.sessions.flatMap((g) => g.statements), ...s.value.outside] : [])),
  ...(w.undated ? [...w.undated.sessions.flatMap((g) => g.statements), ...w.undated.statements] : []),
];
const pause = () => new Promise((r) => setTimeout(r, 15));

describe.each(PROVIDERS)("the record as known on a moment, on %s", (name, open) => {
  let database: TestDatabase;
  let talk: TestTalk;
  let record: () => Promise<TalkRecord>;

  beforeAll(async () => {
    database = await open(`as-of-${name}`);
    talk = await loadSeedTalk(database.db);
    record = await talkRecordReader(database.db, talk.id);
  });

  afterAll(async () => {
    await database?.close();
  });

  /** The window's statements (the Beijing talk fits in one) as known on `at`: id → text. */
  const textsAt = async (at: Date) => {
    const index = await getTalkIndexAt(database.db, await record(), at);
    const window = await readWindow(database.db, index, buildView(index, {}), null);
    return new Map(statementsOf(window).map((s) => [s.id, s.text]));
  };

  it("shows the loaded talk, as of a moment after its load, exactly as the current view shows it", async () => {
    const now = await record();
    const current = await getTalkIndex(database.db, now);
    const currentWindow = await readWindow(database.db, current, buildView(current, {}), null);
    const asOf = await getTalkIndexAt(database.db, await record(), new Date());
    const asOfWindow = await readWindow(database.db, asOf, buildView(asOf, {}), null);
    expect(statementsOf(asOfWindow).length).toBeGreaterThan(5);
    // A snapshot lists its issues sorted; today's index in the join table's order.
    const sortedIssues = (w: WindowContent) => statementsOf(w).map((s) => ({ ...s, issues: [...s.issues].sort((a, b) => a.slug.localeCompare(b.slug)) }));
    expect(sortedIssues(asOfWindow)).toEqual(sortedIssues(currentWindow));
    expect(asOfWindow.slots.map((s) => (s.kind === "day" ? s.value.sessions.map((g) => g.session) : s.kind))).toEqual(
      currentWindow.slots.map((s) => (s.kind === "day" ? s.value.sessions.map((g) => g.session) : s.kind)),
    );
    // Rebuilt assessments keep their ids, as today's do (tags and links name rows by id).
    expect(asOf.assessments).toEqual(current.assessments);
    expect(asOf.sources).toEqual(current.sources);
  });

  it("draws the overview band of the record as known then: today's counts as of now, nothing before the talk was recorded", async () => {
    const sorted = <T,>(rows: readonly T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const now = await readBandCounts(database.db, talk.id);
    const rebuilt = bandCountsOfIndex(await getTalkIndexAt(database.db, await record(), new Date(Date.now() + 1000)));
    expect(now.statements.length + now.undated.statements).toBeGreaterThan(5);
    expect(sorted(rebuilt.statements)).toEqual(sorted(now.statements));
    expect(sorted(rebuilt.sessions)).toEqual(sorted(now.sessions));
    expect(sorted(rebuilt.assessments)).toEqual(sorted(now.assessments));
    expect(rebuilt.undated).toEqual(now.undated);
    const before = bandCountsOfIndex(await getTalkIndexAt(database.db, await record(), new Date("2006-02-06T10:00:00Z")));
    expect(before).toEqual({ statements: [], sessions: [], assessments: [], undated: { statements: 0, sessions: 0 } });
  });

  it("shows nothing as of a moment before the talk was recorded", async () => {
    expect((await textsAt(new Date("2006-02-06T10:00:00Z"))).size).toBe(0);
  });

  it("shows a statement's old text before an edit, hides it after its deletion, and shows it again after its restore", async () => {
    const beforeCreate = new Date();
    await pause();
    const made = await createStatement(database.db, talk, { text: "Japan will answer in writing." });
    await pause();
    const afterCreate = new Date();
    await pause();
    const edited = await updateRow(database.db, statementStore, made.id, { expectedVersion: 1, snapshot: { ...made.snapshot, text: "Japan will answer in writing next week." }, actor: TEST_EDITOR });
    await pause();
    const afterEdit = new Date();
    await pause();
    const deleted = await deleteRow(database.db, statementStore, made.id, { expectedVersion: edited.version, actor: TEST_EDITOR });
    await pause();
    const afterDelete = new Date();
    await pause();
    await undoDelete(database.db, statementStore, made.id, { expectedVersion: deleted.version, actor: TEST_EDITOR });
    await pause();
    const afterRestore = new Date();

    expect((await textsAt(beforeCreate)).has(made.id)).toBe(false);
    expect((await textsAt(afterCreate)).get(made.id)).toBe("Japan will answer in writing.");
    expect((await textsAt(afterEdit)).get(made.id)).toBe("Japan will answer in writing next week.");
    expect((await textsAt(afterDelete)).has(made.id)).toBe(false);
    expect((await textsAt(afterRestore)).get(made.id)).toBe("Japan will answer in writing next week.");
  });

  it("shows a loaded statement's loaded text, issues and sources before a later correction", async () => {
    const loaded = await database.db.statement.findFirstOrThrow({ where: { talkId: talk.id, deletedAt: null, issues: { some: {} } }, orderBy: { sequence: "asc" }, select: { id: true, text: true } });
    const current = (await statementStore.read(database.db, loaded.id))!;
    await pause();
    const beforeEdit = new Date();
    await pause();
    await updateRow(database.db, statementStore, loaded.id, { expectedVersion: current.version, snapshot: { ...current.snapshot, text: "Corrected text.", issues: [] }, actor: TEST_EDITOR });
    const index = await getTalkIndexAt(database.db, await record(), beforeEdit);
    const then = index.statements.find((s) => s.id === loaded.id)!;
    expect(index.details!.statements.get(loaded.id)!.text).toBe(loaded.text);
    expect(then.issues.length).toBeGreaterThan(0);
    expect((await textsAt(new Date())).get(loaded.id)).toBe("Corrected text.");
  });

  it("counts what changed since a moment: added, corrected and deleted statements; one added and deleted since is no change", async () => {
    const [a, b] = await database.db.statement.findMany({ where: { talkId: talk.id, deletedAt: null }, orderBy: { sequence: "desc" }, take: 2, select: { id: true } });
    await pause();
    const since = new Date();
    await pause();
    const added = await createStatement(database.db, talk, { text: "Added since." });
    const gone = await createStatement(database.db, talk, { text: "Added and deleted since." });
    await deleteRow(database.db, statementStore, gone.id, { expectedVersion: 1, actor: TEST_EDITOR });
    const first = (await statementStore.read(database.db, a!.id))!;
    await updateRow(database.db, statementStore, a!.id, { expectedVersion: first.version, snapshot: { ...first.snapshot, text: `${first.snapshot.text} (corrected)` }, actor: TEST_EDITOR });
    const second = (await statementStore.read(database.db, b!.id))!;
    await deleteRow(database.db, statementStore, b!.id, { expectedVersion: second.version, actor: TEST_EDITOR });

    const changes = await readChangesSince(database.db, talk.id, since);
    expect(changes.counts).toEqual({ added: 1, corrected: 1, deleted: 1 });
    expect([...changes.statements]).toEqual(expect.arrayContaining([[added.id, "added"], [a!.id, "corrected"], [b!.id, "deleted"]]));
    expect(changes.statements.has(gone.id)).toBe(false);
    // Nothing since now.
    expect((await readChangesSince(database.db, talk.id, new Date())).counts).toEqual({ added: 0, corrected: 0, deleted: 0 });
  });
});
