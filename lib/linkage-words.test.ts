import { describe, expect, it } from "vitest";
import { linkageParts, linkageSentence } from "./linkage-words";

describe("a linkage in words", () => {
  it("puts the issue held back before the condition, in words that read one way", () => {
    expect(linkageSentence("DPRK", "Normalization", "Abductions")).toBe("DPRK: no Normalization until Abductions is settled");
  });

  it("gives the parts in the sentence's order, for the page to link each name", () => {
    const parts = linkageParts({ party: { p: 1 }, issue: { i: 1 }, condition: { c: 1 } });
    expect(parts.filter((x) => typeof x !== "string")).toEqual([{ p: 1 }, { i: 1 }, { c: 1 }]);
    expect(parts.filter((x) => typeof x === "string").join("|")).toBe(": no | until | is settled");
  });
});
