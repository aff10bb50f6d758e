import { describe, expect, it } from "vitest";
import { buildConvergence } from "./convergence";
import { slotDays } from "./day-runs";

describe("buildConvergence", () => {
  it("gives every issue a cell for every day shown, assessed or not, and one for each empty stretch", () => {
    const slots = slotDays({ firstDay: "2006-02-04", lastDay: null, venueTimeZone: "Asia/Shanghai" }, ["2006-02-04", "2006-02-07"], (d) => d);
    const rows = buildConvergence(
      [{ slug: "abductions", name: "Abductions" }, { slug: "normalization", name: "Normalization" }],
      slots,
      [{ issueSlug: "abductions", localDay: "2006-02-07", gap: "deadlocked", note: "n", authorName: "ed" }],
    );
    const gaps = (r: (typeof rows)[number]) => r.cells.map((c) => (c.kind === "empty" ? `${c.count} empty` : (c.assessment?.gap ?? null)));
    expect(rows.map(gaps)).toEqual([
      [null, "2 empty", "deadlocked"],
      [null, "2 empty", null],
    ]);
  });

  it("keeps an assessment's mark of a change since a moment, and only the fields the strip shows", () => {
    const slots = slotDays({ firstDay: "2006-02-04", lastDay: "2006-02-05", venueTimeZone: "Asia/Shanghai" }, ["2006-02-04", "2006-02-05"], (d) => d);
    const [row] = buildConvergence([{ slug: "abductions", name: "Abductions" }], slots, [
      { issueSlug: "abductions", localDay: "2006-02-04", gap: "narrowing", note: "", authorName: "ed", change: "corrected" },
      { issueSlug: "abductions", localDay: "2006-02-05", gap: "widening", note: "n", authorName: "ed", deletedSince: true },
    ]);
    expect(row!.cells.map((c) => (c.kind === "day" ? c.assessment : null))).toEqual([
      { gap: "narrowing", note: "", authorName: "ed", change: "corrected" },
      { gap: "widening", note: "n", authorName: "ed", deletedSince: true },
    ]);
  });
});
