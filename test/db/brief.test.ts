// The brief's content (lib/data/brief.ts readBrief, lib/brief/build.ts) on both databases: the
// Beijing talk as seeded (positions, quotes, the gap's trend, what is not known, the sources), and
// the position rule on a talk made for it; the brief as known on a moment (before and after an
// edit, a deletion and a restore) and what changed since a moment, counted and tagged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefOptionNotSupported, readBrief, type Brief } from "../../lib/data/brief";
import { assessmentStore } from "../../lib/entities/assessment";
import { sessionStore } from "../../lib/entities/session";
import { statementStore } from "../../lib/entities/statement";
import { deleteRow, undoDelete, updateRow } from "../../lib/mutations/core";
import { createSession, createStatement, createTalk, loadSeedTalk, TEST_EDITOR, type TestTalk } from "../support/factories";
import { PROVIDERS, type TestDatabase } from "../support/databases";

const BEIJING = "japan-dprk-beijing-2006";
const NOW = new Date("2026-12-02T03:30:00Z");

describe.each(PROVIDERS)("the brief on %s", (name, open) => {
  let database: TestDatabase;
  let brief: Brief;

  beforeAll(async () => {
    database = await open(`brief-${name}`);
    await loadSeedTalk(database.db);
    brief = (await readBrief(database.db, BEIJING, { now: NOW }))!;
  });

  afterAll(async () => {
    await database?.close();
  });

  it("covers the Beijing talk's agenda in its order, from day 1 to day 4, as of the moment asked", async () => {
    expect(brief.talk.title).toBe("Japan–DPRK normalization talks, Beijing, February 2006");
    expect(brief.issues.map((i) => i.slug)).toEqual(["abductions", "normalization"]);
    expect(brief.span).toEqual({ firstDay: "2006-02-04", lastDay: "2006-02-07", lastNumber: 4 });
    expect(brief.asOf.venue).toBe("Wednesday 2 December 2026, 11:30 GMT+8 (Beijing)");
    expect(brief.asOf.utc).toBe("03:30 UTC");
    const late = (await readBrief(database.db, BEIJING, { now: new Date("2026-12-02T20:05:00Z") }))!;
    expect(late.asOf).toMatchObject({ venue: "Thursday 3 December 2026, 04:05 GMT+8 (Beijing)", utc: "Wednesday 2 December 2026, 20:05 UTC" });
  });

  it("gives each party's latest stance on the abductions, preferring positions and demands to assessments", () => {
    const [japan, dprk] = brief.issues[0]!.positions;
    expect(japan!.party.shortName).toBe("Japan");
    expect(japan!.basis).toBe("stance");
    // All three of Japan's stances are undated: the last recorded one is shown, and the other two counted.
    expect(japan!.statement).toMatchObject({ kind: "demand", day: null, speaker: "Japan" });
    expect(japan!.statement!.text).toMatch(/^Japan believes more of its nationals were abducted than the 13/);
    expect(japan!.undatedOthers).toBe(2);
    expect(dprk!.statement).toMatchObject({ kind: "position", speaker: "DPRK", sources: [1] });
    expect(dprk!.statement!.text).toMatch(/^The abduction case is closed/);
    expect(dprk!.undatedOthers).toBe(0);
  });

  it("says when a party has said nothing on an issue", () => {
    const [japan, dprk] = brief.issues[1]!.positions;
    expect(japan!.statement!.text).toMatch(/^The abduction issue must be resolved before Japan and North Korea can establish diplomatic/);
    expect(dprk).toMatchObject({ statement: null, basis: null });
  });

  it("lists the quoted words on the abductions with their speakers and source", () => {
    expect(brief.issues[0]!.quotes.map((q) => [q.speaker, q.quotedWords, q.sources])).toEqual([
      ["Song Il Ho", "huge difference", [1]],
      ["Kunio Umeda", "very regrettable", [1]],
    ]);
    expect(brief.issues[1]!.quotes).toEqual([]);
  });

  it("draws the gap by day and reads its trend", () => {
    const abductions = brief.issues[0]!;
    expect(abductions.strip.map((c) => (c.kind === "day" ? `${c.number}:${c.gap ?? "-"}` : `${c.firstNumber}+${c.count}`))).toEqual(["1:-", "2+2", "4:deadlocked"]);
    expect(abductions.trend.text).toBe("deadlocked since day 4");
    expect(brief.issues[1]!.trend.text).toBe("not assessed");
  });

  it("gives each day's outcome, and the sessions whose day is not reported in one line", () => {
    expect(brief.days.map((d) => (d.kind === "day" ? [d.number, d.sessions.map((s) => [s.titles, s.outcome])] : ["empty", d.firstNumber, d.count]))).toEqual([
      [1, [[["Talks open in Beijing"], "unknown"]]],
      ["empty", 2, 2],
      [4, []],
    ]);
    expect(brief.undatedSessions).toEqual([
      {
        titles: ["First meeting on the abduction issue", "Second meeting on the abduction issue"],
        outcome: "no_progress",
        outcomeNote: "Song Il Ho said the two meetings on abductions brought no significant progress.",
        sources: [1],
        change: null,
      },
    ]);
  });

  it("says what is not known: days with no report and statements with no day", () => {
    expect(brief.unknowns.silentDays).toEqual([{ first: "2006-02-05", last: "2006-02-06", firstNumber: 2, count: 2 }]);
    expect(brief.unknowns.undatedStatements).toHaveLength(8);
    expect(brief.unknowns.undatedStatementCount).toBe(8);
    expect(brief.issues[0]!.quotesLeftOut).toBe(0);
    expect(brief.unknowns.unsourcedStatements).toBe(0);
  });

  it("lists the one source the Beijing record cites, numbered 1", () => {
    expect(brief.sources).toEqual([
      expect.objectContaining({ number: 1, title: "North Korea, Japan Still far Apart on Issue of Abducted Japanese", url: null, publishedOn: "2006-02-07" }),
    ]);
  });

  it("is null for a talk that does not exist, as of now or of a past moment", async () => {
    expect(await readBrief(database.db, "no-such-talk")).toBeNull();
    expect(await readBrief(database.db, "no-such-talk", { asOf: new Date("2006-02-06T00:00:00Z") })).toBeNull();
  });

  it("as known on a moment after the load, is the brief of now, rebuilt from the loaded rows' revisions", async () => {
    const asOf = new Date();
    await new Promise((r) => setTimeout(r, 5));
    const then = (await readBrief(database.db, BEIJING, { asOf }))!;
    expect(then.asOf).toMatchObject({ instant: asOf, past: true });
    const { asOf: _, ...rest } = then;
    const { asOf: __, ...current } = brief;
    expect(rest).toEqual(current);
  });

  it("as known on a moment before the talk was recorded, holds nothing but the talk's frame", async () => {
    const then = (await readBrief(database.db, BEIJING, { now: NOW, asOf: new Date("2006-02-06T10:00:00Z") }))!;
    expect(then.asOf).toMatchObject({ venue: "Monday 6 February 2006, 18:00 GMT+8 (Beijing)", utc: "10:00 UTC", past: true });
    expect(then.issues.map((i) => i.positions.map((p) => p.statement))).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(then.unknowns.undatedStatementCount).toBe(0);
    expect(then.sources).toEqual([]);
    // A moment still to come is now.
    const later = (await readBrief(database.db, BEIJING, { now: NOW, asOf: new Date(NOW.getTime() + 60_000) }))!;
    expect(later.asOf).toMatchObject({ instant: NOW, past: false });
  });

  describe("on a talk made for the position rule", () => {
    let talk: TestTalk;
    beforeAll(async () => {
      talk = await createTalk(database.db, {
        assessments: (
          [
            ["2026-03-02", "deadlocked"],
            ["2026-03-03", "narrowing"],
            ["2026-03-05", "narrowing"],
          ] as const
        ).map(([localDay, gap]) => ({ issue: "water-rights", localDay, gap, note: "", author: "Test Editor" })),
      });
      const on = { issues: ["water-rights"] };
      await createStatement(database.db, talk, { ...on, kind: "demand", saidOn: "2026-03-02", text: "Aurelia demands the whole river." });
      await createStatement(database.db, talk, { ...on, kind: "position", saidOn: "2026-03-04", text: "Aurelia would share the river." });
      await createStatement(database.db, talk, { ...on, kind: "assessment", saidOn: "2026-03-05", text: "Aurelia sees progress." });
      await createStatement(database.db, talk, { ...on, party: "borealis", kind: "assessment", saidOn: "2026-03-03", text: "Borealis is disappointed." });
      await createStatement(database.db, talk, { ...on, party: "borealis", kind: "paraphrase", saidOn: "2026-03-05", text: "Borealis will consider it.", quotedWords: "consider it" });
    });

    it("shows a party's latest stance over a later remark, and its latest remark when it took no stance", async () => {
      const made = (await readBrief(database.db, talk.slug, { now: NOW }))!;
      const [aurelia, borealis] = made.issues[0]!.positions;
      expect(aurelia).toMatchObject({ basis: "stance", statement: { text: "Aurelia would share the river.", number: 3 } });
      expect(borealis).toMatchObject({ basis: "remark", statement: { text: "Borealis will consider it.", number: 4 } });
      // The talk runs to day 5; its last assessment is of day 4.
      expect(made.issues[0]!.trend.text).toBe("narrowing since day 2; not assessed after day 4");
      expect(made.issues[0]!.quotes.map((q) => q.quotedWords)).toEqual(["consider it"]);
      expect(made.unknowns.unsourcedStatements).toBe(5);
      expect(made.unknowns.silentDays).toEqual([{ first: "2026-03-06", last: "2026-03-06", firstNumber: 5, count: 1 }]);
    });
  });

  describe("as known on a moment, and with what changed since one", () => {
    const pause = () => new Promise((r) => setTimeout(r, 15));
    const on = { issues: ["water-rights"] };
    let talk: TestTalk;
    const at: Record<string, Date> = {};
    const ids: Record<string, string> = {};
    const mark = async (name: string) => {
      await pause();
      at[name] = new Date();
      await pause();
    };

    beforeAll(async () => {
      talk = await createTalk(database.db, {
        assessments: [{ issue: "water-rights", localDay: "2026-03-03", gap: "deadlocked", note: "", author: "Test Editor" }],
      });
      const first = await createStatement(database.db, talk, { ...on, kind: "position", saidOn: "2026-03-02", text: "Aurelia claims the whole river." });
      const session = await createSession(database.db, talk, { localDay: "2026-03-03", title: "Plenary on water", outcome: "no_progress" });
      ids.first = first.id;
      ids.session = session.id;
      await mark("loaded");
      // An edit: the position's text corrected.
      const corrected = await updateRow(database.db, statementStore, first.id, { expectedVersion: 1, snapshot: { ...first.snapshot, text: "Aurelia claims half the river." }, actor: TEST_EDITOR });
      await mark("edited");
      // A later position, with quoted words; deleted; restored.
      const later = await createStatement(database.db, talk, { ...on, kind: "position", saidOn: "2026-03-04", text: "Aurelia would share the river.", quotedWords: "share the river" });
      ids.later = later.id;
      await mark("added");
      const deleted = await deleteRow(database.db, statementStore, later.id, { expectedVersion: 1, actor: TEST_EDITOR });
      await mark("deleted");
      await undoDelete(database.db, statementStore, later.id, { expectedVersion: deleted.version, actor: TEST_EDITOR });
      await mark("restored");
      // The session's outcome and the assessment's gap corrected.
      await updateRow(database.db, sessionStore, session.id, { expectedVersion: 1, snapshot: { ...session.snapshot, outcome: "progress", outcomeNote: "Both sides moved." }, actor: TEST_EDITOR });
      const assessment = await database.db.assessment.findFirstOrThrow({ where: { talkId: talk.id }, select: { id: true } });
      ids.assessment = assessment.id;
      const a = (await assessmentStore.read(database.db, assessment.id))!;
      await updateRow(database.db, assessmentStore, assessment.id, { expectedVersion: a.version, snapshot: { ...a.snapshot, gap: "narrowing" }, actor: TEST_EDITOR });
      await mark("now");
      expect(corrected.version).toBe(2);
    });

    const briefAt = async (moment: string) => (await readBrief(database.db, talk.slug, { asOf: at[moment] }))!;
    const aurelia = (b: Brief) => b.issues[0]!.positions[0]!;

    it("shows the old text before an edit, and the corrected text after it", async () => {
      const before = await briefAt("loaded");
      expect(before.asOf).toMatchObject({ instant: at.loaded, past: true });
      expect(aurelia(before).statement).toMatchObject({ id: ids.first, text: "Aurelia claims the whole river.", number: 1, change: null });
      expect(aurelia(await briefAt("edited")).statement).toMatchObject({ id: ids.first, text: "Aurelia claims half the river." });
    });

    it("shows a statement before its deletion, not after it, and again after its restore", async () => {
      const added = await briefAt("added");
      expect(aurelia(added).statement).toMatchObject({ id: ids.later, text: "Aurelia would share the river.", number: 3 });
      expect(added.issues[0]!.quotes.map((q) => q.quotedWords)).toEqual(["share the river"]);
      const deleted = await briefAt("deleted");
      expect(aurelia(deleted).statement).toMatchObject({ id: ids.first, text: "Aurelia claims half the river." });
      expect(deleted.issues[0]!.quotes).toEqual([]);
      expect(aurelia(await briefAt("restored")).statement).toMatchObject({ id: ids.later });
    });

    it("shows the day's outcome and the gap as they were, before their corrections", async () => {
      const before = await briefAt("restored");
      const day2 = (b: Brief) => b.days.find((d) => d.kind === "day" && d.number === 2);
      expect(day2(before)).toMatchObject({ sessions: [{ titles: ["Plenary on water"], outcome: "no_progress", outcomeNote: null }] });
      expect(before.issues[0]!.trend.text).toMatch(/^deadlocked since day 2/);
      const now = (await readBrief(database.db, talk.slug, { now: NOW }))!;
      expect(day2(now)).toMatchObject({ sessions: [{ titles: ["Plenary on water"], outcome: "progress", outcomeNote: "Both sides moved." }] });
      expect(now.issues[0]!.trend.text).toMatch(/^narrowing/);
    });

    it("counts what was added and corrected since a moment, and tags it where the brief shows it", async () => {
      const since = (await readBrief(database.db, talk.slug, { now: NOW, since: at.loaded }))!;
      expect(since.asOf.past).toBe(false);
      expect(since.changes).toMatchObject({
        instant: at.loaded,
        statements: { added: 1, corrected: 1 },
        sessions: { added: 0, corrected: 1 },
        assessments: { added: 0, corrected: 1 },
        total: 4,
      });
      expect(since.changes!.label).toMatch(/^\w+day \d+ \w+ \d{4}, \d\d:\d\d \(Geneva\)$/);
      // Deleted and restored since: added, since it was not there then.
      expect(aurelia(since).statement).toMatchObject({ id: ids.later, change: "added" });
      expect(since.issues[0]!.quotes.map((q) => [q.quotedWords, q.change])).toEqual([["share the river", "added"]]);
      expect(since.issues[0]!.strip.filter((c) => c.kind === "day").map((c) => [c.number, c.gap, c.change])).toEqual([
        [1, null, null],
        [2, "narrowing", "corrected"],
        [3, null, null],
      ]);
      expect(since.days.flatMap((d) => (d.kind === "day" ? d.sessions.map((l) => [d.number, l.titles, l.change]) : []))).toEqual([[2, ["Plenary on water"], "corrected"]]);

      // Since the deletion: the restored statement is added (it was not there then), nothing else.
      const afterDeletion = (await readBrief(database.db, talk.slug, { now: NOW, since: at.deleted }))!;
      expect(afterDeletion.changes).toMatchObject({ statements: { added: 1, corrected: 0 }, sessions: { added: 0, corrected: 1 }, assessments: { added: 0, corrected: 1 }, total: 3 });
      expect(aurelia(afterDeletion).statement!.change).toBe("added");
      // Since the last change: nothing, and nothing tagged.
      const none = (await readBrief(database.db, talk.slug, { now: NOW, since: at.now }))!;
      expect(none.changes).toMatchObject({ total: 0 });
      expect(aurelia(none).statement!.change).toBeNull();
      // A brief without `since` marks nothing.
      expect((await readBrief(database.db, talk.slug, { now: NOW }))!.changes).toBeNull();
    });

    it("refuses to mark changes since a moment on a past moment's brief", async () => {
      await expect(readBrief(database.db, talk.slug, { asOf: at.edited, since: at.loaded })).rejects.toBeInstanceOf(BriefOptionNotSupported);
    });
  });
});
