// What keeps a busy talk's brief short (lib/brief/build.ts): each quoted phrase once, at its
// latest, five per issue; ten undated statements listed of all of them counted; the latest 24 days.
import { describe, expect, it } from "vitest";
import { BRIEF_MAX_DAYS, BRIEF_MAX_QUOTES, BRIEF_MAX_UNDATED, buildBrief, type BriefRecord } from "./build";

const source = { id: "src", publisher: "Kyodo", title: "Report", url: "https://example.org/r", publishedOn: null };
const day = (n: number) => `2026-01-${String(n).padStart(2, "0")}`;
let sequence = 0;
const statement = (over: Partial<BriefRecord["statements"][number]>): BriefRecord["statements"][number] => ({
  id: `s${++sequence}`,
  saidOn: day(1),
  saidAt: null,
  sequence,
  kind: "paraphrase",
  text: "Text.",
  quotedWords: null,
  party: { slug: "aurelia", shortName: "Aurelia" },
  envoy: null,
  issues: ["water"],
  sources: [source],
  ...over,
});

function record(statements: BriefRecord["statements"]): BriefRecord {
  return {
    talk: { slug: "t", title: "T", venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: day(1), lastDay: day(31), status: "concluded" },
    parties: [{ slug: "aurelia", name: "Aurelia", shortName: "Aurelia" }],
    issues: [{ slug: "water", name: "Water" }],
    statements,
    sessions: [],
    assessments: [],
  };
}

const NOW = new Date("2026-02-01T12:00:00Z");

describe("buildBrief on a busy talk", () => {
  it("quotes each phrase once, where it was said last, and at most five phrases per issue, the latest", () => {
    const phrases = ["a", "b", "c", "d", "e", "f"];
    const brief = buildBrief(
      record([
        ...phrases.map((p, i) => statement({ saidOn: day(i + 1), quotedWords: p, text: `"${p}"` })),
        statement({ saidOn: day(20), quotedWords: "a", text: `"a" again` }),
        statement({ saidOn: null, quotedWords: "z", text: `"z"` }),
      ]),
      NOW,
    );
    const quotes = brief.issues[0]!.quotes;
    expect(quotes).toHaveLength(BRIEF_MAX_QUOTES);
    // The latest dated phrases win: "a" on day 20, then f, e, d, c; "b" and the undated "z" are left out.
    expect(quotes.map((q) => [q.quotedWords, q.day])).toEqual([
      ["c", day(3)],
      ["d", day(4)],
      ["e", day(5)],
      ["f", day(6)],
      ["a", day(20)],
    ]);
    expect(brief.issues[0]!.quotesLeftOut).toBe(3);
  });

  it("lists the first ten statements whose day is not reported and counts them all", () => {
    const brief = buildBrief(record(Array.from({ length: 13 }, (_, i) => statement({ saidOn: null, text: `Undated ${i}.` }))), NOW);
    expect(brief.unknowns.undatedStatements).toHaveLength(BRIEF_MAX_UNDATED);
    expect(brief.unknowns.undatedStatements[0]!.text).toBe("Undated 0.");
    expect(brief.unknowns.undatedStatementCount).toBe(13);
  });

  it("shows the latest 24 entries of days in its strips and day lines, and says how many days it left out", () => {
    // A statement on every day of January: 31 days, one entry each.
    const brief = buildBrief(record(Array.from({ length: 31 }, (_, i) => statement({ saidOn: day(i + 1) }))), NOW);
    expect(brief.days).toHaveLength(BRIEF_MAX_DAYS);
    expect(brief.issues[0]!.strip).toHaveLength(BRIEF_MAX_DAYS);
    expect(brief.days[0]).toMatchObject({ kind: "day", number: 8 });
    expect(brief.daysLeftOut).toBe(7);
    expect(brief.span).toEqual({ firstDay: day(1), lastDay: day(31), lastNumber: 31 });
    // The position is the latest, on day 31.
    expect(brief.issues[0]!.positions[0]!.statement).toMatchObject({ day: day(31), number: 31 });
  });
});
