// The overview band's reads (lib/data/overview-band.ts) on migrated SQLite and PostgreSQL: one
// aggregate per kind gives each day's statements by party, sessions and assessments, leaving out
// deleted rows, rows whose day is not known and other talks' rows; and the band built from them
// counts every statement of the talk's timeline once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { readBandCounts } from "../../lib/data/overview-band";
import { buildBand } from "../../lib/timeline/overview-band";
import { PROVIDERS, type TestDatabase } from "../support/databases";
import { createSession, createStatement, createTalk, type TestTalk } from "../support/factories";

describe.each(PROVIDERS)("the overview band's counts on %s", (_name, open) => {
  let setup: TestDatabase;
  let db: Db;
  let talk: TestTalk;

  beforeAll(async () => {
    setup = await open("overview-band");
    db = setup.db;
    talk = await createTalk(db, {
      assessments: [
        { issue: "water-rights", localDay: "2026-03-02", gap: "widening", note: "", author: "Erin Editor" },
        { issue: "water-rights", localDay: "2026-03-05", gap: "narrowing", note: "", author: "Erin Editor" },
      ],
    });
    const other = await createTalk(db);
    await createStatement(db, other, { saidOn: "2026-03-02" });
    await createSession(db, talk, { localDay: "2026-03-02" });
    await createSession(db, talk, { localDay: "2026-03-02" });
    await createSession(db, talk, { localDay: null });
    for (let i = 0; i < 3; i++) await createStatement(db, talk, { saidOn: "2026-03-02", party: "aurelia" });
    await createStatement(db, talk, { saidOn: "2026-03-02", party: "borealis" });
    await createStatement(db, talk, { saidOn: "2026-03-05", party: "borealis" });
    await createStatement(db, talk, { saidOn: null, saidPrecision: "unknown", party: "aurelia" });
    const gone = await createStatement(db, talk, { saidOn: "2026-03-05", party: "aurelia" });
    await db.statement.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
  }, 120_000);

  afterAll(async () => {
    await setup?.close();
  });

  it("counts each day's statements by party, sessions and assessments, and nothing else", async () => {
    const counts = await readBandCounts(db, talk.id);
    const byDay = <T extends { day: string }>(rows: readonly T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(byDay(counts.statements)).toEqual([
      { day: "2026-03-02", party: "aurelia", count: 3 },
      { day: "2026-03-02", party: "borealis", count: 1 },
      { day: "2026-03-05", party: "borealis", count: 1 },
    ]);
    expect(counts.sessions).toEqual([{ day: "2026-03-02", count: 2 }]);
    expect(counts.undated).toEqual({ statements: 1, sessions: 1 });
    expect(byDay(counts.assessments)).toEqual([
      { day: "2026-03-02", issue: "water-rights", gap: "widening" },
      { day: "2026-03-05", issue: "water-rights", gap: "narrowing" },
    ]);

    const band = buildBand(talk, counts, { parties: talk.parties, issues: talk.issues }, 40);
    expect(band.unit).toBe("day");
    expect(band.slots.map((s) => s.kind)).toEqual(["column", "fold", "column", "fold"]);
    expect(band.slots[0]).toMatchObject({ statements: [3, 1], sessions: 2, issues: [{ gap: "widening" }] });
    expect(band.slots[3]).toEqual({ kind: "fold", first: "2026-03-06", last: "2026-03-06", days: 1 });
    expect(band.totals.statements).toEqual([3, 2]);
  });
});
