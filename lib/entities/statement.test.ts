import { describe, expect, it } from "vitest";
import { StatementInput, StatementUpdateInput, statementFormValues, statementInputValues } from "./statement";

const form = (over: Record<string, unknown> = {}) => ({
  talk: "japan-dprk-beijing-2006",
  speaker: "envoy:song-il-ho",
  capacity: "head_of_delegation",
  kind: "direct_quote",
  saidPrecision: "day",
  saidOn: "2006-02-07",
  saidTime: "",
  partOfDay: "",
  reportedOn: "",
  setting: "unknown",
  session: "",
  text: 'There is still a "huge difference" between the two sides.',
  quotedWords: "huge difference",
  newSourcePublisher: "",
  newSourceTitle: "",
  newSourceUrl: "",
  newSourcePublishedOn: "",
  ...over,
});

const errorsOf = (input: unknown) => {
  const result = StatementInput.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("the statement form's input", () => {
  it("accepts a statement known to the day, with empty boxes as null and no checkboxes as empty lists", () => {
    const parsed = StatementInput.parse(form());
    expect(parsed).toMatchObject({
      speaker: { kind: "envoy", slug: "song-il-ho" },
      saidOn: "2006-02-07",
      saidTime: null,
      partOfDay: null,
      reportedOn: null,
      session: null,
      issues: [],
      sources: [],
      newSource: null,
    });
  });

  it("takes one checkbox as a list, several as a list without repeats", () => {
    expect(StatementInput.parse(form({ issues: "abductions" })).issues).toEqual(["abductions"]);
    expect(StatementInput.parse(form({ issues: ["abductions", "normalization", "abductions"] })).issues).toEqual(["abductions", "normalization"]);
  });

  it("names each field that needs attention, with a sentence for people", () => {
    expect(errorsOf(form({ speaker: "", text: "   ", quotedWords: "not there", kind: "rumour", saidOn: "2006-02-30", newSourceUrl: "javascript:alert(1)" }))).toEqual({
      speaker: "Choose who said it.",
      text: "Enter what was said.",
      kind: "Choose what kind of statement this is.",
      saidOn: "Enter a real calendar day, written YYYY-MM-DD.",
      newSourceUrl: "Enter a web address starting with http:// or https://.",
    });
  });

  it("checks the quoted words against the text, and the time against the precision", () => {
    expect(errorsOf(form({ quotedWords: "tiny difference" }))).toEqual({ quotedWords: "The quoted words must appear, word for word, in the text." });
    expect(errorsOf(form({ saidPrecision: "minute" }))).toEqual({ saidTime: "Enter the time at the venue, or choose a less precise option." });
    expect(errorsOf(form({ saidPrecision: "minute", saidTime: "9:30" }))).toEqual({ saidTime: "Enter a 24-hour time such as 09:30." });
    expect(errorsOf(form({ saidPrecision: "part_of_day" }))).toEqual({ partOfDay: "Choose the part of the day." });
    expect(errorsOf(form({ saidOn: "" }))).toEqual({ saidOn: "Enter the day it was said, or choose “Day not known”." });
  });

  it("drops what the chosen precision makes meaningless", () => {
    expect(StatementInput.parse(form({ saidPrecision: "unknown", saidTime: "09:30", partOfDay: "morning" }))).toMatchObject({ saidOn: null, saidTime: null, partOfDay: null });
    expect(StatementInput.parse(form({ saidPrecision: "minute", saidTime: "09:30", partOfDay: "morning" }))).toMatchObject({ saidTime: "09:30", partOfDay: null });
  });

  it("needs a publisher and a title for a new source once any of its boxes is filled", () => {
    expect(errorsOf(form({ newSourceUrl: "https://example.org/a" }))).toEqual({
      newSourcePublisher: "Enter the new source’s publisher.",
      newSourceTitle: "Enter the new source’s title.",
    });
    expect(StatementInput.parse(form({ newSourcePublisher: "Kyodo", newSourceTitle: "Talks stall" })).newSource).toEqual({
      publisher: "Kyodo",
      title: "Talks stall",
      url: null,
      publishedOn: null,
    });
  });

  it("keeps to the talk document's limits", () => {
    expect(errorsOf(form({ text: "x".repeat(4_001), quotedWords: "" }))).toEqual({ text: "Use at most 4,000 characters." });
  });

  it("an update names the statement and the version it was made from", () => {
    expect(StatementUpdateInput.safeParse(form()).success).toBe(false);
    expect(StatementUpdateInput.parse(form({ id: "s1", version: "3" }))).toMatchObject({ id: "s1", version: 3 });
    expect(StatementUpdateInput.safeParse(form({ id: "s1", version: "zero" })).error?.issues[0]?.path).toEqual(["version"]);
  });

  it("round-trips: what the form shows for a saved statement parses back to it, times on the venue's clock", () => {
    const values = statementFormValues(
      {
        talkId: "t",
        session: null,
        party: "dprk",
        envoy: "song-il-ho",
        capacity: "head_of_delegation",
        saidOn: "2006-02-07",
        saidAt: "2006-02-07T01:30:00.000Z",
        saidPrecision: "minute",
        partOfDay: null,
        reportedOn: "2006-02-07",
        setting: "press_briefing",
        kind: "direct_quote",
        text: 'A "huge difference".',
        quotedWords: "huge difference",
        sequence: 3,
        issues: ["abductions"],
        sources: ["src-1"],
      },
      "Asia/Shanghai",
    );
    expect(values).toMatchObject({ speaker: "envoy:song-il-ho", saidOn: "2006-02-07", saidTime: "09:30", issues: ["abductions"], sources: ["src-1"] });
    const parsed = StatementInput.parse({ ...values, talk: "t" });
    expect(statementInputValues(parsed)).toMatchObject(values);
  });

  it("round-trips which of a repeated time a statement was made at (Geneva, 25 October 2026)", () => {
    const saved = (saidAt: string) =>
      statementFormValues(
        {
          talkId: "t", session: null, party: "aurelia", envoy: null, capacity: "spokesperson", saidOn: "2026-10-25", saidAt, saidPrecision: "minute",
          partOfDay: null, reportedOn: null, setting: "press_briefing", kind: "paraphrase", text: "Late.", quotedWords: null, sequence: 0, issues: [], sources: [],
        },
        "Europe/Zurich",
      );
    expect(saved("2026-10-25T00:30:00.000Z")).toMatchObject({ saidTime: "02:30", saidOccurrence: "first" });
    expect(saved("2026-10-25T01:30:00.000Z")).toMatchObject({ saidTime: "02:30", saidOccurrence: "second" });
    expect(saved("2026-10-25T03:30:00.000Z")).toMatchObject({ saidTime: "04:30", saidOccurrence: "" });
    const parsed = StatementInput.parse({ ...saved("2026-10-25T01:30:00.000Z"), talk: "t" });
    expect(parsed).toMatchObject({ saidTime: "02:30", saidOccurrence: "second" });
    // A choice means nothing without a minute: it is dropped with the time.
    expect(StatementInput.parse({ ...saved("2026-10-25T01:30:00.000Z"), talk: "t", saidPrecision: "day" }).saidOccurrence).toBeNull();
  });
});

describe("a form with empty and cross-field problems at once", () => {
  it("reports them all on the first try, not the cross-field ones only after the others are fixed", () => {
    const result = StatementInput.safeParse(form({ text: "", saidPrecision: "minute", quotedWords: "", newSourceTitle: "A title" }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["newSourcePublisher", "saidTime", "text"]);
  });
});
