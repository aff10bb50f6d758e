// The series page's pure rules (lib/series/build.ts, lib/series/group.ts): rounds in the order
// they were held, the gap a round ended on, a party's position in a round, a series' span, and an
// issue's talks grouped by series.
import { describe, expect, it } from "vitest";
import { buildSeriesPage, compareRounds, finalGap, spanOf, formatSpan, type SeriesRecord, type SeriesRoundRow } from "./build";
import { groupBySeries } from "./group";

const round = (over: Partial<SeriesRoundRow>): SeriesRoundRow => ({
  slug: "r",
  title: "Round",
  venueCity: "Geneva",
  venueTimeZone: "Europe/Zurich",
  firstDay: "2026-01-05",
  lastDay: "2026-01-09",
  status: "concluded",
  round: null,
  parties: [{ slug: "aurelia", name: "Aurelia", shortName: "Aurelia" }],
  issues: [{ slug: "water", name: "Water" }],
  ...over,
});

describe("rounds in order", () => {
  it("goes by first day, then by number (unnumbered last that day), then by title", () => {
    const rounds = [
      round({ slug: "c", title: "C", firstDay: "2026-02-01", round: null }),
      round({ slug: "b", title: "B", firstDay: "2026-02-01", round: 4 }),
      round({ slug: "a", title: "A", firstDay: "2025-02-01", round: 9 }),
      round({ slug: "d", title: "D", firstDay: "2026-02-01", round: 3 }),
    ];
    expect([...rounds].sort(compareRounds).map((r) => r.slug)).toEqual(["a", "d", "b", "c"]);
  });
});

describe("the gap a round ended on", () => {
  const talk = round({ slug: "t", issues: [{ slug: "water", name: "Water" }] });
  it("is its latest assessment, whatever order they come in, with the talk's day number", () => {
    const assessments = [
      { talk: "t", issue: "water", localDay: "2026-01-08", gap: "narrowing" as const, note: "late" },
      { talk: "t", issue: "water", localDay: "2026-01-06", gap: "deadlocked" as const, note: "" },
      { talk: "other", issue: "water", localDay: "2026-01-09", gap: "agreed" as const, note: "" },
    ];
    expect(finalGap(talk, "water", assessments)).toEqual({ kind: "assessed", gap: "narrowing", day: "2026-01-08", number: 4, note: "late" });
  });
  it("is unknown when never assessed, and says when the issue was not on that round's agenda", () => {
    expect(finalGap(talk, "water", [])).toEqual({ kind: "none" });
    expect(finalGap(talk, "border", [])).toEqual({ kind: "off-agenda" });
  });
});

describe("a party's position in a round", () => {
  const statement = (over: Partial<SeriesRecord["statements"][number]>): SeriesRecord["statements"][number] => ({
    id: "s",
    talk: "t",
    saidOn: "2026-01-05",
    saidAt: null,
    sequence: 0,
    kind: "position",
    text: "",
    quotedWords: null,
    party: "aurelia",
    envoy: null,
    issues: ["water"],
    ...over,
  });
  const page = (statements: SeriesRecord["statements"]) =>
    buildSeriesPage({ series: { slug: "s", name: "S", description: "" }, talks: [round({ slug: "t" })], statements, assessments: [] }).issues[0]!.positions[0]!.cells[0]!;

  it("takes the latest dated stance, a timed statement on its venue day, over a later remark", () => {
    const cell = page([
      statement({ id: "a", saidOn: "2026-01-06", kind: "demand", text: "Demand", sequence: 1 }),
      // 23:30 UTC on the 6th is the 7th in Zurich.
      statement({ id: "b", saidOn: "2026-01-07", saidAt: new Date("2026-01-06T23:30:00Z"), kind: "position", text: "Position", sequence: 0 }),
      statement({ id: "c", saidOn: "2026-01-08", kind: "paraphrase", text: "Remark", sequence: 2 }),
    ]);
    expect(cell).toMatchObject({ kind: "stated", basis: "stance", statement: { id: "b", day: "2026-01-07", number: 3 } });
  });

  it("falls back to the latest remark, counts undated others, and is silent with nothing on the issue", () => {
    expect(page([statement({ id: "r", kind: "assessment", text: "Useful day" }), statement({ id: "u", kind: "assessment", saidOn: null, sequence: 5 })])).toMatchObject({
      kind: "stated",
      basis: "remark",
      statement: { id: "r" },
      undatedOthers: 1,
    });
    expect(page([statement({ issues: ["border"] })])).toEqual({ kind: "silent" });
  });
});

describe("a series' span", () => {
  it("runs from the first round's first day to the latest day, open while a round's end is not known", () => {
    expect(spanOf([])).toBeNull();
    const closed = spanOf([{ firstDay: "2026-03-02", lastDay: "2026-03-06" }, { firstDay: "2000-04-05", lastDay: "2000-04-07" }])!;
    expect(closed).toEqual({ firstDay: "2000-04-05", lastDay: "2026-03-06", open: false });
    expect(formatSpan(closed)).toBe("5 April 2000 – 6 March 2026");
    expect(formatSpan(spanOf([{ firstDay: "2006-02-04", lastDay: null }])!)).toBe("from 4 February 2006");
  });
});

describe("an issue's talks by series", () => {
  const item = (slug: string, firstDay: string, series: { slug: string; name: string; round: number | null } | null) => ({ talk: { slug, title: slug, firstDay }, series });
  it("gives a group per series in the order of its first round, its rounds in order, then the talks in no series", () => {
    const groups = groupBySeries([
      item("lone-late", "2020-01-01", null),
      item("w2", "2010-01-01", { slug: "water", name: "Water talks", round: 2 }),
      item("b1", "2005-01-01", { slug: "border", name: "Border talks", round: 1 }),
      item("lone-early", "1999-01-01", null),
      item("w1", "2008-01-01", { slug: "water", name: "Water talks", round: 1 }),
    ]);
    expect(groups.map((g) => [g.series?.name ?? null, g.items.map((i) => i.talk.slug)])).toEqual([
      ["Border talks", ["b1"]],
      ["Water talks", ["w1", "w2"]],
      [null, ["lone-early", "lone-late"]],
    ]);
    expect(groupBySeries([item("x", "2001-01-01", null)])).toEqual([{ series: null, items: [item("x", "2001-01-01", null)] }]);
  });
});
