// A day page and an issue page as known on a moment (docs/decisions/026-as-known-on-days-and-issues.md),
// on both databases, through the pages' own reads (getTalkDay, getIssuePage): a statement before
// and after an edit, a deletion and a restore; a statement taken off the issue later is on the
// issue as known before; a loaded statement corrected later shows its loaded text; a day that
// held nothing yet is empty, not refused; a day's changes since a moment are that day's alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { assessmentStore } from "../../lib/entities/assessment";
import { statementStore } from "../../lib/entities/statement";
import { createRow, deleteRow, undoDelete, updateRow } from "../../lib/mutations/core";
import type { WindowContent } from "../../lib/data/talk-window";
import { createSession, createStatement, loadSeedTalk, TEST_EDITOR, type TestTalk } from "../support/factories";
import { PROVIDERS, type TestDatabase } from "../support/databases";

const BEIJING = "japan-dprk-beijing-2006";
const DAY_4 = "2006-02-07";
const statementsOf = (w: WindowContent) => [
  ...w.slots.flatMap((s) => (s.kind === "day" ? [...s.value.sessions.flatMap((g) => g.statements), ...s.value.outside] : [])),
  ...(w.undated ? [...w.undated.sessions.flatMap((g) => g.statements), ...w.undated.statements] : []),
];
const pause = () => new Promise((r) => setTimeout(r, 15));
/** A moment between what was done before and what is done after. */
const moment = async () => {
  await pause();
  const at = new Date();
  await pause();
  return at;
};

// The pages' reads use the app's one client (getDb): each provider's database stands in for it.
const app = globalThis as unknown as { parleyDb?: Promise<Db> };

describe.each(PROVIDERS)("day and issue pages as known on a moment, on %s", (name, open) => {
  let database: TestDatabase;
  let talk: TestTalk;
  let talks: typeof import("../../lib/data/talks");
  let issues: typeof import("../../lib/data/issues");

  beforeAll(async () => {
    database = await open(`as-of-pages-${name}`);
    process.env.DATABASE_URL ??= database.config.url;
    app.parleyDb = Promise.resolve(database.db);
    talk = await loadSeedTalk(database.db);
    [talks, issues] = await Promise.all([import("../../lib/data/talks"), import("../../lib/data/issues")]);
  });

  afterAll(async () => {
    app.parleyDb = undefined;
    await database?.close();
  });

  /** Day 4's statements as known on `at`: id → text. */
  const dayTexts = async (at: Date | null) => {
    const day = (await talks.getTalkDay(BEIJING, {}, DAY_4, at))!;
    return new Map(statementsOf(day.day).map((s) => [s.id, s.text]));
  };
  /** The statements on the abductions in the Beijing talk as known on `at`: id → text. */
  const issueTexts = async (at: Date | null, issue = "abductions") => {
    const page = (await issues.getIssuePage(issue, "all", at?.toISOString() ?? null))!;
    const [beijing] = page.talks.filter((t) => t.talk.slug === BEIJING);
    return new Map(beijing!.positions.rows.flatMap((r) => r.cells.flat()).map((s) => [s.id, s.text]));
  };

  it("shows the day and the issue as loaded, as of a moment after the load, exactly as now", async () => {
    const at = await moment();
    const [dayThen, dayNow] = await Promise.all([talks.getTalkDay(BEIJING, {}, DAY_4, at), talks.getTalkDay(BEIJING, {}, DAY_4)]);
    expect(statementsOf(dayThen!.day).map((s) => [s.id, s.text, s.party.slug])).toEqual(statementsOf(dayNow!.day).map((s) => [s.id, s.text, s.party.slug]));
    expect(dayThen!.day.slots).toHaveLength(1);
    expect([dayThen!.previous, dayThen!.next]).toEqual([dayNow!.previous, dayNow!.next]);
    const [issueThen, issueNow] = await Promise.all([issues.getIssuePage("abductions", "all", at.toISOString()), issues.getIssuePage("abductions", "all")]);
    expect(issueThen!.asOf).toMatchObject({ ok: true, future: false });
    expect(issueNow!.asOf).toBeNull();
    // Nine statements on the abductions in the seed, one of them dated, and the gap of day 4.
    expect(issueThen!.talks[0]!.statementCount).toBe(9);
    expect(issueThen!.talks).toEqual(issueNow!.talks);
  });

  it("shows a day that held nothing yet as empty, not refused, and the issue with no statement, before the talk was recorded", async () => {
    const before = new Date("2006-02-06T10:00:00Z");
    const day = await talks.getTalkDay(BEIJING, {}, DAY_4, before);
    expect(day).not.toBeNull();
    expect(day!.day.slots).toEqual([]);
    expect(day!.reported).toEqual([]);
    expect([day!.previous, day!.next]).toEqual([null, null]);
    // A day outside the talk is still no day of it.
    expect(await talks.getTalkDay(BEIJING, {}, "2006-03-01", before)).toBeNull();
    const page = (await issues.getIssuePage("abductions", "stances", "2006-02-06T18:00"))!;
    expect(page.asOf).toMatchObject({ ok: true, label: "Monday 6 February 2006, 18:00 (Beijing)", future: false });
    expect(page.talks.map((t) => [t.talk.slug, t.statementCount, t.gap.filter((g) => g.kind === "day" && g.assessment).length])).toEqual([[BEIJING, 0, 0]]);
    // A moment Parley cannot read is said, not thrown; one still to come is now.
    expect((await issues.getIssuePage("abductions", "stances", "yesterday"))!.asOf).toMatchObject({ ok: false });
    expect((await issues.getIssuePage("abductions", "all", "2999-01-01T00:00"))!.asOf).toMatchObject({ ok: true, future: true });
  });

  it("shows a statement's old text before an edit, hides it after its deletion and shows it again after its restore, on the day and on the issue", async () => {
    const beforeCreate = await moment();
    const made = await createStatement(database.db, talk, { saidOn: DAY_4, issues: ["abductions"], text: "Japan will answer in writing." });
    const afterCreate = await moment();
    const edited = await updateRow(database.db, statementStore, made.id, { expectedVersion: 1, snapshot: { ...made.snapshot, text: "Japan will answer in writing next week." }, actor: TEST_EDITOR });
    const afterEdit = await moment();
    const deleted = await deleteRow(database.db, statementStore, made.id, { expectedVersion: edited.version, actor: TEST_EDITOR });
    const afterDelete = await moment();
    await undoDelete(database.db, statementStore, made.id, { expectedVersion: deleted.version, actor: TEST_EDITOR });
    const afterRestore = await moment();

    for (const texts of [dayTexts, issueTexts]) {
      expect((await texts(beforeCreate)).has(made.id)).toBe(false);
      expect((await texts(afterCreate)).get(made.id)).toBe("Japan will answer in writing.");
      expect((await texts(afterEdit)).get(made.id)).toBe("Japan will answer in writing next week.");
      expect((await texts(afterDelete)).has(made.id)).toBe(false);
      expect((await texts(afterRestore)).get(made.id)).toBe("Japan will answer in writing next week.");
      expect((await texts(null)).get(made.id)).toBe("Japan will answer in writing next week.");
    }
  });

  it("keeps on the issue, as known before, a statement taken off it later, and shows a loaded statement's loaded text before its correction", async () => {
    // A loaded statement (never changed by the write core until now) on the abductions and normalization.
    const loaded = await database.db.statement.findFirstOrThrow({
      where: { talkId: talk.id, deletedAt: null, issues: { some: { issue: { slug: "normalization" } } } },
      select: { id: true, text: true },
    });
    const current = (await statementStore.read(database.db, loaded.id))!;
    const beforeChange = await moment();
    await updateRow(database.db, statementStore, loaded.id, { expectedVersion: current.version, snapshot: { ...current.snapshot, text: "Corrected.", issues: ["abductions"] }, actor: TEST_EDITOR });
    expect((await issueTexts(beforeChange, "normalization")).get(loaded.id)).toBe(loaded.text);
    expect((await issueTexts(beforeChange)).get(loaded.id)).toBe(loaded.text);
    expect((await issueTexts(null, "normalization")).has(loaded.id)).toBe(false);
    expect((await issueTexts(await moment(), "normalization")).has(loaded.id)).toBe(false);
    expect((await issueTexts(await moment())).get(loaded.id)).toBe("Corrected.");
  });

  it("shows a gap assessment on the issue only from when it was recorded", async () => {
    const before = await moment();
    await createRow(database.db, assessmentStore, {
      snapshot: { talkId: talk.id, issue: "normalization", localDay: "2006-02-04", gap: "widening", note: "Further apart.", authorId: null, authorName: "Test Editor" },
      actor: TEST_EDITOR,
    });
    const after = await moment();
    const assessed = async (at: Date) => (await issues.getIssuePage("normalization", "all", at.toISOString()))!.talks[0]!.gap.flatMap((g) => (g.kind === "day" && g.assessment ? [[g.day, g.assessment.gap]] : []));
    expect(await assessed(before)).toEqual([]);
    expect(await assessed(after)).toEqual([["2006-02-04", "widening"]]);
  });

  it("counts on a day page what changed since a moment on that day alone, its sessions too", async () => {
    const since = await moment();
    const onDay4 = await createStatement(database.db, talk, { saidOn: DAY_4, text: "Added on day 4." });
    const onDay1 = await createStatement(database.db, talk, { saidOn: talk.firstDay, text: "Added on day 1." });
    const undated = await createStatement(database.db, talk, { saidOn: null, saidPrecision: "unknown", reportedOn: DAY_4, text: "Reported on day 4." });
    const gone = await createStatement(database.db, talk, { saidOn: DAY_4, text: "Added and deleted on day 4." });
    await deleteRow(database.db, statementStore, gone.id, { expectedVersion: 1, actor: TEST_EDITOR });
    const sessionOnDay4 = await createSession(database.db, talk, { localDay: DAY_4, title: "Session added on day 4" });
    const sessionUndated = await createSession(database.db, talk, { localDay: null, title: "Session of a day not known" });

    const day4 = (await talks.getTalkDayChangesSince(BEIJING, DAY_4, since))!;
    expect(day4.counts).toEqual({ added: 3, corrected: 0, deleted: 0 });
    expect(day4.byKind).toEqual({ statements: { added: 2, corrected: 0, deleted: 0 }, sessions: { added: 1, corrected: 0, deleted: 0 }, assessments: { added: 0, corrected: 0, deleted: 0 } });
    expect(new Set(day4.statements.keys())).toEqual(new Set([onDay4.id, undated.id]));
    expect([...day4.sessions]).toEqual([[sessionOnDay4.id, "added"]]);
    const day1 = (await talks.getTalkDayChangesSince(BEIJING, talk.firstDay, since))!;
    expect([...day1.statements]).toEqual([[onDay1.id, "added"]]);
    expect(day1.sessions.size).toBe(0);
    const unknown = (await talks.getTalkDayChangesSince(BEIJING, "unknown", since))!;
    expect([...unknown.statements]).toEqual([[undated.id, "added"]]);
    expect([...unknown.sessions]).toEqual([[sessionUndated.id, "added"]]);
  });
});
