import { describe, expect, it } from "vitest";
import { describeRevision, referencedNames, type RevisionRow } from "./describe";

const ctx = {
  talk: { firstDay: "2006-02-04", venueTimeZone: "Asia/Shanghai" },
  envoys: new Map([["env-song", "Song Il Ho"]]),
  parties: new Map([
    ["party-dprk", "DPRK"],
    ["party-japan", "Japan"],
  ]),
  issues: new Map([["issue-abductions", "Abductions"]]),
};

const at = new Date("2026-11-27T22:41:05.040Z");
const row = (r: Partial<RevisionRow> & Pick<RevisionRow, "entityType" | "action">): RevisionRow => ({
  id: "rev1",
  at,
  entityId: "x",
  before: null,
  after: null,
  ...r,
});
const statement = { envoyId: "env-song", partyId: "party-dprk", saidOn: "2006-02-07", saidAt: null, text: "…" };

describe("describeRevision", () => {
  it("names a new statement's speaker and its day, short and in full", () => {
    const change = describeRevision(row({ entityType: "statement", action: "create", after: statement }), ctx);
    expect(change).toMatchObject({
      entityType: "statement",
      action: "create",
      days: ["2006-02-07"],
      everyDay: false,
      day: "2006-02-07",
      dayLabel: "Day 4 · Tuesday 7 February 2006",
      summary: "New statement by Song Il Ho on day 4",
      announcement: "New statement by Song Il Ho on Day 4 · Tuesday 7 February 2006",
    });
    expect(change.id).toMatch(/^[0-9a-z]+-rev1$/);
  });

  it("places a timed statement on the venue's day, not the UTC one", () => {
    // 01:30 in Beijing on 5 February is still 4 February in UTC.
    const after = { ...statement, saidOn: "2006-02-05", saidAt: "2006-02-04T17:30:00.000Z" };
    expect(describeRevision(row({ entityType: "statement", action: "create", after }), ctx).days).toEqual(["2006-02-05"]);
  });

  it("says a party spoke when no envoy is named, and that the day is not reported", () => {
    const after = { envoyId: null, partyId: "party-japan", saidOn: null, saidAt: null };
    const change = describeRevision(row({ entityType: "statement", action: "create", after }), ctx);
    expect(change.days).toEqual(["unknown"]);
    expect(change.announcement).toBe("New statement by Japan (day not reported)");
  });

  it("reports a statement moved to another day, with both days to reload", () => {
    const change = describeRevision(
      row({ entityType: "statement", action: "update", before: { ...statement, saidOn: "2006-02-06" }, after: statement }),
      ctx,
    );
    expect(change.days).toEqual(["2006-02-06", "2006-02-07"]);
    expect(change.summary).toBe("Statement by Song Il Ho moved from day 3 to day 4");
  });

  it("words edits, removals and restorations, and sessions and assessments by their names", () => {
    expect(describeRevision(row({ entityType: "statement", action: "update", before: statement, after: statement }), ctx).summary).toBe(
      "Statement by Song Il Ho on day 4 edited",
    );
    expect(describeRevision(row({ entityType: "statement", action: "delete", before: statement, after: null }), ctx).announcement).toBe(
      "Statement by Song Il Ho on Day 4 · Tuesday 7 February 2006 removed",
    );
    const session = { title: "Talks open in Beijing", localDay: "2006-02-04", startsAt: null };
    expect(describeRevision(row({ entityType: "session", action: "create", after: session }), ctx).summary).toBe(
      "New session “Talks open in Beijing” on day 1",
    );
    const assessment = { issueId: "issue-abductions", localDay: "2006-02-07", gap: "unchanged" };
    expect(describeRevision(row({ entityType: "assessment", action: "restore", after: assessment }), ctx).summary).toBe(
      "Gap assessment on Abductions on day 4 restored",
    );
  });

  it("marks changes to the talk itself, and kinds it does not know, as touching every day", () => {
    const talk = describeRevision(row({ entityType: "talk", action: "update", after: { venueTimeZone: "Asia/Tokyo" } }), ctx);
    expect(talk).toMatchObject({ everyDay: true, days: [], summary: "The talk’s details were edited" });
    expect(describeRevision(row({ entityType: "statementSource", action: "create", after: {} }), ctx)).toMatchObject({
      everyDay: true,
      summary: "New statement source",
    });
  });

  it("reads the editors' snapshots, which name envoys, parties and issues by slug", () => {
    const names = { ...ctx, envoys: new Map([["song-il-ho", "Song Il Ho"]]), parties: new Map([["dprk", "DPRK"]]) };
    const snapshot = { talkId: "t", session: null, party: "dprk", envoy: "song-il-ho", saidOn: "2006-02-07", saidAt: null, issues: ["abductions"] };
    expect(describeRevision(row({ entityType: "statement", action: "create", after: snapshot }), names).summary).toBe(
      "New statement by Song Il Ho on day 4",
    );
    expect(describeRevision(row({ entityType: "statement", action: "create", after: { ...snapshot, envoy: null } }), names).summary).toBe(
      "New statement by DPRK on day 4",
    );
  });

  it("collects the envoys, parties and issues a batch names (ids or slugs), once each", () => {
    const rows = [
      row({ entityType: "statement", action: "create", after: statement }),
      row({ entityType: "statement", action: "update", before: statement, after: { ...statement, envoyId: null } }),
      row({ entityType: "assessment", action: "create", after: { issueId: "issue-abductions" } }),
      row({ entityType: "statement", action: "create", after: { party: "japan", envoy: "kunio-umeda" } }),
    ];
    expect(referencedNames(rows)).toEqual({
      envoys: ["env-song", "kunio-umeda"],
      parties: ["party-dprk", "japan"],
      issues: ["issue-abductions"],
    });
  });
});
