import { describe, expect, it } from "vitest";
import { buildConvergence } from "./convergence";

describe("buildConvergence", () => {
  it("gives every issue a cell for every day, assessed or not", () => {
    const rows = buildConvergence(
      [{ slug: "abductions", name: "Abductions" }, { slug: "normalization", name: "Normalization" }],
      ["2006-02-06", "2006-02-07"],
      [{ issueSlug: "abductions", localDay: "2006-02-07", gap: "deadlocked", note: "n", authorName: "ed" }],
    );
    expect(rows.map((r) => r.cells.map((c) => c.gap))).toEqual([
      [null, "deadlocked"],
      [null, null],
    ]);
  });
});
