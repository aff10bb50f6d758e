import { describe, expect, it } from "vitest";
import { AssessmentInput, AssessmentUpdateInput } from "./assessment";
import { EnvoyInput } from "./envoy";
import { IssueInput } from "./issue";
import { PartyInput, PartyUpdateInput } from "./party";
import { SessionInput } from "./session";
import { TalkInput, TalkUpdateInput } from "./talk";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? {} : Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));

describe("the session form's input", () => {
  const base = { talk: "t", title: "First plenary", localDay: "2006-02-04", startTime: "", endTime: "", kind: "", summary: "", outcome: "unknown", outcomeNote: "" };
  it("accepts a session with its day only, kind not reported", () => {
    expect(SessionInput.parse(base)).toMatchObject({ localDay: "2006-02-04", startTime: null, kind: null, issues: [], sources: [], newSource: null });
  });
  it("needs a day for times and a start for an end; an end earlier than the start is left to mean the next day", () => {
    expect(messages(SessionInput.safeParse({ ...base, localDay: "", startTime: "09:00" }))).toEqual({ localDay: "Enter the day, or leave the times empty." });
    expect(messages(SessionInput.safeParse({ ...base, endTime: "11:00" }))).toEqual({ startTime: "Enter the start time too, or leave the end empty." });
    expect(SessionInput.parse({ ...base, startTime: "22:30", endTime: "01:15" })).toMatchObject({ startTime: "22:30", endTime: "01:15", startOccurrence: null, endOccurrence: null });
  });
  it("takes which of a repeated time was meant, and nothing else", () => {
    expect(SessionInput.parse({ ...base, startTime: "02:30", startOccurrence: "second" })).toMatchObject({ startOccurrence: "second" });
    expect(messages(SessionInput.safeParse({ ...base, startTime: "02:30", startOccurrence: "later" }))).toEqual({ startOccurrence: "Choose which of the two times." });
  });
  it("refuses an unknown outcome or kind", () => {
    expect(Object.keys(messages(SessionInput.safeParse({ ...base, outcome: "win", kind: "banquet" })))).toEqual(["kind", "outcome"]);
  });
});

describe("the gap assessment's input", () => {
  it("names issue, day and gap; the note may be empty", () => {
    expect(AssessmentInput.parse({ talk: "t", issue: "abductions", localDay: "2006-02-07", gap: "deadlocked" })).toEqual({
      talk: "t",
      issue: "abductions",
      localDay: "2006-02-07",
      gap: "deadlocked",
      note: "",
    });
    expect(messages(AssessmentInput.safeParse({ talk: "t", issue: "", localDay: "", gap: "closing" }))).toEqual({
      issue: "Choose the issue.",
      localDay: "Enter the day assessed.",
      gap: "Choose how the gap stands.",
    });
    expect(AssessmentUpdateInput.parse({ talk: "t", id: "a", version: "2", gap: "narrowing", note: " Better. " })).toMatchObject({ version: 2, note: "Better." });
  });
});

describe("the talk form's input", () => {
  const base = {
    slug: "japan-dprk-beijing-2007",
    title: "Talks",
    venueCity: "Beijing",
    venueTimeZone: "Asia/Shanghai",
    firstDay: "2007-03-07",
    lastDay: "",
    status: "scheduled",
    summary: "",
    parties: ["japan", "dprk"],
    envoys: ["kunio-umeda:head", "", "song-il-ho:member"],
    issues: "abductions",
  };
  it("reads envoys' roles from their selects, skipping those not taking part", () => {
    expect(TalkInput.parse(base)).toMatchObject({
      lastDay: null,
      envoys: [
        { envoy: "kunio-umeda", role: "head" },
        { envoy: "song-il-ho", role: "member" },
      ],
      issues: ["abductions"],
    });
  });
  it("validates the venue's zone as IANA, the days' order, and at least one party", () => {
    expect(messages(TalkInput.safeParse({ ...base, venueTimeZone: "Beijing time", lastDay: "2007-03-01", parties: [] }))).toEqual({
      venueTimeZone: "Enter an IANA time zone such as Asia/Shanghai or Europe/Zurich.",
      lastDay: "The last day cannot be before the first.",
      parties: "Choose at least one party.",
    });
  });
  it("spans at most 50 years: the last day may be 50 years after the first, not a day more", () => {
    expect(TalkInput.parse({ ...base, lastDay: "2057-03-07" })).toMatchObject({ firstDay: "2007-03-07", lastDay: "2057-03-07" });
    expect(messages(TalkInput.safeParse({ ...base, lastDay: "2057-03-08" }))).toEqual({
      lastDay: "A talk spans at most 50 years, so its last day can be 7 March 2057 at the latest.",
    });
    expect(messages(TalkUpdateInput.safeParse({ ...base, id: "t", version: "4", lastDay: "9999-12-31" }))).toEqual({
      lastDay: "A talk spans at most 50 years, so its last day can be 7 March 2057 at the latest.",
    });
    // A first day that is not a day gets its own message, not a second one about the span.
    expect(messages(TalkInput.safeParse({ ...base, firstDay: "2007-02-30", lastDay: "9999-12-31" }))).toEqual({
      firstDay: "Enter a real calendar day, written YYYY-MM-DD.",
    });
  });
  it("reserves the addresses Parley uses itself, and an update carries no slug", () => {
    expect(messages(TalkInput.safeParse({ ...base, slug: "new" }))).toEqual({ slug: "This address is reserved; choose another." });
    expect(messages(TalkInput.safeParse({ ...base, slug: "Beijing 2007" }))).toHaveProperty("slug");
    expect(messages(TalkInput.safeParse({ ...base, slug: "Beijing 2007" })).slug).toContain("lower-case");
    expect(TalkUpdateInput.parse({ ...base, id: "t", version: "4" })).not.toHaveProperty("slug");
  });  it("takes a series and a round number, a whole number from 1, only with the series (decision 025)", () => {
    expect(TalkInput.parse({ ...base, series: "japan-dprk-normalization-talks", round: " 12 " })).toMatchObject({ series: "japan-dprk-normalization-talks", round: 12 });
    // None chosen: no series key and no round key at all, as in revisions made before series existed.
    const none = TalkInput.parse({ ...base, series: "", round: "" });
    expect(none).not.toHaveProperty("series");
    expect(none).not.toHaveProperty("round");
    const wrong = "Enter the round’s number as a whole number from 1 to 9,999, or leave it empty.";
    for (const round of ["0", "2.5", "-1", "two", "10000"]) expect(messages(TalkInput.safeParse({ ...base, series: "s", round }))).toEqual({ round: wrong });
    expect(messages(TalkInput.safeParse({ ...base, round: "2" }))).toEqual({ round: "Choose the series this talk is a round of, or leave the round empty." });
    expect(messages(TalkInput.safeParse({ ...base, series: "Not A Slug" }))).toEqual({ series: "Choose the series from the list." });
  });
});

describe("parties, envoys and issues", () => {
  it("upper-cases an ISO code and refuses one that is not three letters", () => {
    expect(PartyInput.parse({ slug: "japan", name: "Japan", shortName: "Japan", isoCode: " jpn " }).isoCode).toBe("JPN");
    expect(PartyInput.parse({ slug: "un", name: "United Nations", shortName: "UN", isoCode: "" }).isoCode).toBeNull();
    expect(messages(PartyUpdateInput.safeParse({ id: "p", version: "1", name: "Japan", shortName: "Japan", isoCode: "JP" }))).toEqual({
      isoCode: "Use the three-letter ISO 3166-1 code, such as JPN.",
    });
  });
  it("needs an envoy's Latin name and party; an issue's name", () => {
    expect(messages(EnvoyInput.safeParse({ slug: "x", name: "", party: "" }))).toEqual({
      name: "Enter the envoy’s name in Latin script.",
      party: "Choose the envoy’s party.",
    });
    expect(IssueInput.parse({ slug: "security", name: "Security", description: "" })).toEqual({ slug: "security", name: "Security", description: null });
  });
});
