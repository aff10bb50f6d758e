// The brief's content (lib/data/brief.ts readBrief, lib/brief/build.ts) on both databases: the
// Beijing talk as seeded (positions, quotes, the gap's trend, what is not known, the sources), and
// the position rule on a talk made for it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BriefOptionNotSupported, readBrief, type Brief } from "../../lib/data/brief";
import { createStatement, createTalk, loadSeedTalk, type TestTalk } from "../support/factories";
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

  it("is null for a talk that does not exist, and refuses a past moment until revisions are read", async () => {
    expect(await readBrief(database.db, "no-such-talk")).toBeNull();
    await expect(readBrief(database.db, BEIJING, { asOf: new Date("2006-02-06T00:00:00Z") })).rejects.toBeInstanceOf(BriefOptionNotSupported);
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
});
