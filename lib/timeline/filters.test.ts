import { describe, expect, it } from "vitest";
import { applyFilters, countFacets, filtersToQuery, parseFilters } from "./filters";

const sessions = [
  { id: "s1", outcome: "no_progress" as const, issues: [{ slug: "abductions" }] },
  { id: "s2", outcome: "progress" as const, issues: [{ slug: "security" }] },
];
const st = (id: string, party: string, envoy: string | null, kind: "demand" | "position" | "assessment", issues: string[], sessionId: string | null = null) => ({
  id,
  sessionId,
  kind,
  party: { slug: party },
  envoy: envoy ? { slug: envoy } : null,
  issues: issues.map((slug) => ({ slug })),
});
const statements = [
  st("a", "japan", "umeda", "demand", ["abductions"], "s1"),
  st("b", "dprk", "song", "position", ["abductions"], "s1"),
  st("c", "dprk", null, "position", ["security"], "s2"),
  st("d", "japan", "umeda", "assessment", ["abductions"]),
];
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe("timeline filters", () => {
  it("reads filters from the URL and writes them back in a stable order", () => {
    const f = parseFilters({ issue: "abductions", party: ["japan", "dprk"], kind: "", junk: "x" });
    expect(f).toEqual({ party: "japan", issue: "abductions" });
    expect(filtersToQuery(f)).toBe("?party=japan&issue=abductions");
    expect(filtersToQuery({})).toBe("");
  });

  it("shows everything without filters", () => {
    const r = applyFilters(sessions, statements, {});
    expect([ids(r.sessions), ids(r.statements)]).toEqual([["s1", "s2"], ["a", "b", "c", "d"]]);
  });

  it("keeps the statements of parties in a role, and counts only the roles the talk's parties hold", () => {
    const withRoles = statements.map((s) => ({ ...s, party: { ...s.party, role: s.party.slug === "dprk" ? "host" : "principal" } }));
    const r = applyFilters(sessions, withRoles, { role: "host" });
    expect([ids(r.sessions), ids(r.statements)]).toEqual([["s1", "s2"], ["b", "c"]]);
    expect(parseFilters({ role: "host" })).toEqual({ role: "host" });
    const facets = countFacets(sessions, withRoles, {}, { roles: ["principal", "host"], parties: [], envoys: [], issues: [] });
    expect(facets.role).toEqual([
      { value: "principal", label: "Principals", count: 2 },
      { value: "host", label: "Hosts", count: 2 },
    ]);
  });

  it("keeps a party's statements and only the sessions where that party spoke", () => {
    const r = applyFilters(sessions, statements, { party: "japan" });
    expect([ids(r.sessions), ids(r.statements)]).toEqual([["s1"], ["a", "d"]]);
  });

  it("filters by issue on sessions and statements alike", () => {
    const r = applyFilters(sessions, statements, { issue: "security" });
    expect([ids(r.sessions), ids(r.statements)]).toEqual([["s2"], ["c"]]);
  });

  it("filters by session outcome, keeping the statements made in those sessions", () => {
    const r = applyFilters(sessions, statements, { outcome: "no_progress" });
    expect([ids(r.sessions), ids(r.statements)]).toEqual([["s1"], ["a", "b"]]);
  });

  it("combines filters", () => {
    const r = applyFilters(sessions, statements, { party: "dprk", kind: "position", issue: "abductions" });
    expect([ids(r.sessions), ids(r.statements)]).toEqual([["s1"], ["b"]]);
  });

  it("counts each option as the view would show it, other filters unchanged", () => {
    const options = {
      parties: [{ slug: "japan", label: "Japan" }, { slug: "dprk", label: "DPRK" }],
      envoys: [{ slug: "umeda", label: "Umeda" }, { slug: "song", label: "Song" }],
      issues: [{ slug: "abductions", label: "Abductions" }, { slug: "security", label: "Security" }],
    };
    const facets = countFacets(sessions, statements, { issue: "abductions" }, options);
    expect(facets.party.map((o) => [o.value, o.count])).toEqual([["japan", 2], ["dprk", 1]]);
    expect(facets.envoy.map((o) => [o.value, o.count])).toEqual([["umeda", 2], ["song", 1]]);
    // The issue facet ignores the issue filter itself.
    expect(facets.issue.map((o) => [o.value, o.count])).toEqual([["abductions", 3], ["security", 1]]);
    expect(facets.kind.find((o) => o.value === "position")!.count).toBe(1);
    expect(facets.outcome.find((o) => o.value === "no_progress")!.count).toBe(1);
    expect(facets.outcome.find((o) => o.value === "progress")!.count).toBe(0);
  });
});
