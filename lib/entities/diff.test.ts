import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./index";

describe("field diffs between snapshots", () => {
  it("lists the shown fields that changed, in form order, with their labels", () => {
    const before = { text: "A", kind: "paraphrase", issues: ["abductions"], sequence: 1, talkId: "t" };
    const after = { text: "B", kind: "paraphrase", issues: ["abductions", "normalization"], sequence: 2, talkId: "t" };
    expect(diffSnapshots("statement", before, after)).toEqual([
      { field: "issues", label: "Issues", before: ["abductions"], after: ["abductions", "normalization"] },
      { field: "text", label: "Text", before: "A", after: "B" },
    ]);
  });
  it("treats a missing snapshot as absent fields (a create, a delete), and null like missing", () => {
    expect(diffSnapshots("party", null, { name: "Japan", shortName: "Japan", isoCode: null }).map((c) => c.field)).toEqual(["name", "shortName"]);
    expect(diffSnapshots("party", { name: "Japan" }, null).map((c) => c.field)).toEqual(["name"]);
  });
  it("shows nothing, rather than failing, for a kind of row it has no labels for", () => {
    expect(diffSnapshots("unheard-of" as never, { a: 1 }, { a: 2 })).toEqual([]);
  });
});
