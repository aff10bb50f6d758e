import { describe, expect, it } from "vitest";
import { isLoadedRow, loadedRowIds, loadedRowSnapshot, type LoadedRefs } from "./loaded-row";

const refs: LoadedRefs = {
  partySlug: new Map([["p1", "japan"]]),
  envoySlug: new Map([["e1", "kunio-umeda"]]),
  issueSlug: new Map([
    ["i1", "abductions"],
    ["i2", "normalization"],
  ]),
  issuesOf: new Map([["s1", ["normalization", "abductions"]]]),
  sourcesOf: new Map([["s1", ["src-b", "src-a"]]]),
  partiesOf: new Map(),
  envoysOf: new Map(),
};

describe("a row as the loader recorded it", () => {
  it("is told from a snapshot by its own id", () => {
    expect(isLoadedRow({ id: "s1", text: "x" })).toBe(true);
    expect(isLoadedRow({ talkId: "t1", text: "x" })).toBe(false);
  });

  it("lists the ids it refers to", () => {
    expect(loadedRowIds({ id: "l1", partyId: "p1", issueId: "i1", conditionIssueId: "i2" })).toEqual({ party: ["p1"], envoy: [], issue: ["i1", "i2"] });
  });

  it("becomes a statement's snapshot: slugs for ids, its sorted issue and source lists, no id", () => {
    const raw = { id: "s1", talkId: "t1", sessionId: null, partyId: "p1", envoyId: "e1", capacity: "unknown", text: "We wait.", sequence: 0 };
    expect(loadedRowSnapshot("statement", raw, refs)).toEqual({
      talkId: "t1",
      session: null,
      party: "japan",
      envoy: "kunio-umeda",
      capacity: "unknown",
      text: "We wait.",
      sequence: 0,
      issues: ["abductions", "normalization"],
      sources: ["src-a", "src-b"],
    });
  });

  it("becomes an assessment's snapshot with its issue's slug", () => {
    const raw = { id: "a1", talkId: "t1", issueId: "i1", localDay: "2006-02-07", gap: "deadlocked", note: "", authorName: "Parley editors" };
    expect(loadedRowSnapshot("assessment", raw, refs)).toEqual({ talkId: "t1", issue: "abductions", localDay: "2006-02-07", gap: "deadlocked", note: "", authorName: "Parley editors", authorId: null });
  });

  it("keeps an id it cannot resolve rather than dropping it", () => {
    expect(loadedRowSnapshot("envoy", { id: "e9", slug: "x", name: "X", partyId: "gone" }, refs)).toEqual({ slug: "x", name: "X", party: "gone" });
  });
});
