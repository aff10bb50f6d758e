import { describe, expect, it } from "vitest";
import { addLocalDays, addLocalYears } from "../time/local-day";
import { bucketStart, buildBand, columnLabel, foldLength, nextBucket, type BandColumn, type BandCounts } from "./overview-band";

const order = { parties: ["jpn", "prk"], issues: ["abductions", "normalization"] };
const columns = (slots: ReturnType<typeof buildBand>["slots"]) => slots.filter((s): s is BandColumn => s.kind === "column");

describe("buildBand", () => {
  it("draws a three-day talk day by day, with the empty day between folded as the page folds it", () => {
    const talk = { firstDay: "2006-02-04", lastDay: "2006-02-06", venueTimeZone: "Asia/Shanghai" };
    const counts: BandCounts = {
      statements: [
        { day: "2006-02-04", party: "jpn", count: 3 },
        { day: "2006-02-04", party: "prk", count: 2 },
        { day: "2006-02-06", party: "prk", count: 1 },
      ],
      sessions: [{ day: "2006-02-04", count: 1 }],
      assessments: [{ day: "2006-02-06", issue: "abductions", gap: "deadlocked" }],
    };
    const band = buildBand(talk, counts, order, 40);
    expect(band.unit).toBe("day");
    expect(band.slots.map((s) => s.kind)).toEqual(["column", "fold", "column"]);
    expect(band.slots[1]).toEqual({ kind: "fold", first: "2006-02-05", last: "2006-02-05", days: 1 });
    const [first, third] = columns(band.slots);
    expect(first).toMatchObject({ first: "2006-02-04", firstNumber: 1, statements: [3, 2], total: 5, sessions: 1 });
    expect(third).toMatchObject({ first: "2006-02-06", firstNumber: 3, statements: [0, 1], issues: [{ gap: "deadlocked" }, { gap: null }] });
    expect(band.totals).toEqual({ statements: [3, 3], sessions: 1, gaps: [{ deadlocked: 1 }, {}] });
    expect(band.maxParty).toBe(3);
    expect(columnLabel(band.unit, first!, { parties: ["Japan", "DPRK"], issues: ["Abductions", "Normalization"] })).toBe(
      "Day 1, Saturday 4 February 2006: 5 statements (Japan 3, DPRK 2), 1 session",
    );
    expect(columnLabel(band.unit, third!, { parties: ["Japan", "DPRK"], issues: ["Abductions", "Normalization"] })).toBe(
      "Day 3, Monday 6 February 2006: 1 statement (DPRK), 0 sessions; gap on Abductions: deadlocked",
    );
  });

  it("keeps a 30-day talk in days when there is room, and merges it into weeks when there is not", () => {
    const talk = { firstDay: "2025-03-10", lastDay: "2025-04-08", venueTimeZone: "Europe/Zurich" };
    const statements = Array.from({ length: 30 }, (_, i) => ({ day: addLocalDays("2025-03-10", i), party: i % 2 ? "jpn" : "prk", count: i + 1 }));
    const counts: BandCounts = { statements, sessions: [], assessments: [] };
    const wide = buildBand(talk, counts, order, 120);
    expect(wide.unit).toBe("day");
    expect(wide.slots).toHaveLength(30);
    const narrow = buildBand(talk, counts, order, 20);
    expect(narrow.unit).toBe("week");
    // 10 March 2025 is a Monday: weeks from it, the last one cut short by the talk's end.
    expect(columns(narrow.slots).map((c) => c.start)).toEqual(["2025-03-10", "2025-03-17", "2025-03-24", "2025-03-31", "2025-04-07"]);
    expect(columns(narrow.slots).reduce((n, c) => n + c.total, 0)).toBe((30 * 31) / 2);
    expect(columnLabel("week", columns(narrow.slots)[1]!, { parties: ["Japan", "DPRK"], issues: [] })).toMatch(/^Week of 17 March 2025 \(days 8–14\): /);
  });

  it("folds the long silences of a talk over decades, each with its length, and stays within its budget", () => {
    const talk = { firstDay: "1990-01-01", lastDay: "2039-12-31", venueTimeZone: "Europe/Nicosia" };
    // Bursts of activity: a fortnight a year for five years, then nothing for ten, twice over.
    const days: string[] = [];
    for (const start of [1990, 1991, 1992, 1993, 1994, 2005, 2006, 2007, 2020, 2021, 2039]) for (let d = 0; d < 14; d++) days.push(addLocalDays(`${start}-06-01`, d));
    const counts: BandCounts = {
      statements: days.flatMap((day, i) => [
        { day, party: "jpn", count: 1 + (i % 5) },
        { day, party: "prk", count: 2 },
        { day, party: "other", count: 1 },
      ]),
      sessions: days.filter((_, i) => i % 3 === 0).map((day) => ({ day, count: 1 })),
      assessments: days.filter((_, i) => i % 7 === 0).map((day, i) => ({ day, issue: "abductions", gap: i % 2 ? "narrowing" : "widening" })),
    };
    for (const max of [40, 120]) {
      const band = buildBand(talk, counts, order, max);
      expect(band.slots.length).toBeLessThanOrEqual(max);
      expect(band.parties).toEqual(["jpn", "prk", "other"]);
      const folds = band.slots.filter((s) => s.kind === "fold");
      expect(folds.length).toBeGreaterThan(0);
      // Nothing is lost in the merging.
      const all = columns(band.slots);
      expect(all.reduce((n, c) => n + c.total, 0)).toBe(counts.statements.reduce((n, s) => n + s.count, 0));
      expect(all.reduce((n, c) => n + c.sessions, 0)).toBe(counts.sessions.length);
    }
    const narrow = buildBand(talk, counts, order, 40);
    expect(narrow.unit).toBe("month");
    // The ten quiet years between 1994 and 2005, and the 18 between 2021 and 2039, each one fold.
    const longest = narrow.slots.flatMap((s) => (s.kind === "fold" ? [foldLength(s.days)] : []));
    expect(longest).toContain("11 years");
    expect(longest).toContain("18 years");
    // The talk's last day is in the last burst's month: no fold after it; its first, the same.
    expect(narrow.slots[0]!.kind).toBe("fold");
    expect(narrow.slots.at(-1)!.kind).toBe("fold");
  });

  it("has at most its budget of slots however many days hold something, down to decades", () => {
    const talk = { firstDay: "2000-01-01", lastDay: addLocalYears("2000-01-01", 50), venueTimeZone: "UTC" };
    // 20,000 statements on every other day for 50 years, with a legacy row in 9999.
    const statements = Array.from({ length: 9_000 }, (_, i) => ({ day: addLocalDays("2000-01-01", i * 2), party: "jpn", count: 2 }));
    statements.push({ day: "9999-12-31", party: "prk", count: 1 });
    const counts: BandCounts = { statements, sessions: [], assessments: [] };
    for (const max of [20, 40, 120]) {
      const band = buildBand(talk, counts, order, max);
      expect(band.slots.length).toBeLessThanOrEqual(max);
      expect(band.slots.at(-2)).toMatchObject({ kind: "fold" });
      expect(band.slots.at(-1)).toMatchObject({ kind: "column", first: "9999-12-31" });
    }
    expect(buildBand(talk, counts, order, 120).unit).toBe("year");
  });

  it("leaves out a date the venue's clocks skipped: no fold for it", () => {
    const talk = { firstDay: "2011-12-29", lastDay: "2011-12-31", venueTimeZone: "Pacific/Apia" };
    const counts: BandCounts = { statements: [{ day: "2011-12-29", party: "jpn", count: 1 }, { day: "2011-12-31", party: "jpn", count: 1 }], sessions: [], assessments: [] };
    const band = buildBand(talk, counts, order, 40);
    expect(band.slots.map((s) => s.kind)).toEqual(["column", "column"]);
    expect(columns(band.slots).map((c) => c.firstNumber)).toEqual([1, 2]);
  });

  it("shows the latest movement of the gap in a merged column, and unchanged only where nothing moved", () => {
    const talk = { firstDay: "2025-03-03", lastDay: "2025-03-09", venueTimeZone: "UTC" };
    const counts: BandCounts = {
      statements: [],
      sessions: [],
      assessments: [
        { day: "2025-03-03", issue: "abductions", gap: "widening" },
        { day: "2025-03-04", issue: "abductions", gap: "narrowing" },
        { day: "2025-03-05", issue: "abductions", gap: "unchanged" },
        { day: "2025-03-05", issue: "normalization", gap: "unchanged" },
      ],
    };
    const [week] = columns(buildBand(talk, counts, order, 2).slots);
    expect(week!.issues).toEqual([
      { gap: "narrowing", counts: { widening: 1, narrowing: 1, unchanged: 1 } },
      { gap: "unchanged", counts: { unchanged: 1 } },
    ]);
  });

  it("draws nothing for a talk with nothing on a known day", () => {
    expect(buildBand({ firstDay: "2006-02-04", lastDay: null, venueTimeZone: "UTC" }, { statements: [], sessions: [], assessments: [] }, order, 40).slots).toEqual([]);
  });
});

describe("buckets", () => {
  it("starts weeks on Monday, and steps months, quarters, years and decades across year ends", () => {
    expect(bucketStart("week", "2006-02-09")).toBe("2006-02-06");
    expect(bucketStart("week", "2006-02-05")).toBe("2006-01-30");
    expect(bucketStart("quarter", "2006-11-30")).toBe("2006-10-01");
    expect(bucketStart("decade", "2006-11-30")).toBe("2000-01-01");
    expect(nextBucket("month", "2006-12-01")).toBe("2007-01-01");
    expect(nextBucket("quarter", "2006-10-01")).toBe("2007-01-01");
    expect(nextBucket("decade", "2000-01-01")).toBe("2010-01-01");
  });

  it("says a fold's length in the unit that reads naturally", () => {
    expect(foldLength(1)).toBe("1 day");
    expect(foldLength(20)).toBe("3 weeks");
    expect(foldLength(100)).toBe("3 months");
    expect(foldLength(1100)).toBe("3 years");
  });
});
