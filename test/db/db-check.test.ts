// `npm run db:check` (lib/health/record-check.ts) reports every live row that breaks a rule the
// write core enforces, as a database filled before the rule — or written around the write core —
// may hold them: each with where to edit it and the sentence the form would show. Rows are broken
// here by writing the tables directly, as an older version of Parley or a hand-made SQL fix would.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { checkRecord } from "../../lib/health/record-check";
import { createSession, createStatement, createTalk, loadSeedTalk, type TestTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const ROOT = path.resolve(import.meta.dirname, "../..");
let db: Db;
let url: string;
let geneva: TestTalk;
let apia: TestTalk;

beforeAll(async () => {
  const config = await migratedSqlite("db-check");
  url = config.url;
  db = await createDb(config);
  await loadSeedTalk(db);
  geneva = await createTalk(db, { talk: { slug: "test-check-geneva", firstDay: "2026-03-02", lastDay: "2026-03-06" } });
  apia = await createTalk(db, { talk: { slug: "test-check-apia", venueCity: "Apia", venueTimeZone: "Pacific/Apia", firstDay: "2011-12-28", lastDay: "2012-01-02" } });
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("npm run db:check", () => {
  it("finds nothing wrong in a database written through the write core and the loader", async () => {
    const report = await checkRecord(db);
    expect(report.findings).toEqual([]);
    expect(report.talks).toBe(3);
  });

  it("reports each row breaking a rule, with the form's sentence and where to edit it", async () => {
    // 09:30–12:00 CET on Tuesday 3 March 2026.
    const session = await createSession(db, geneva, { localDay: "2026-03-03", startsAt: "2026-03-03T08:30:00.000Z", endsAt: "2026-03-03T11:00:00.000Z", title: "Morning plenary" });
    const early = await createStatement(db, geneva, { session: session.id, saidOn: "2026-03-03", saidPrecision: "minute", saidAt: "2026-03-03T08:45:00.000Z", text: "Said early." });
    const dayOnly = await createStatement(db, geneva, { saidOn: "2026-03-04", text: "Said on Wednesday." });
    const skipped = await createStatement(db, apia, { saidOn: "2011-12-29", text: "Said in Apia." });
    // 23:30–00:15 CET, Wednesday night.
    const late = await createSession(db, geneva, { localDay: "2026-03-04", startsAt: "2026-03-04T22:30:00.000Z", endsAt: "2026-03-04T23:15:00.000Z", title: "Night session" });
    // What an older Parley, or a hand-made fix, could leave behind.
    await db.statement.update({ where: { id: early.id }, data: { saidAt: new Date("2026-03-03T07:00:00Z") } }); // 08:00, before the session
    await db.statement.update({ where: { id: dayOnly.id }, data: { saidAt: new Date("2026-03-04T09:00:00Z") } }); // a time on a day-only statement
    await db.statement.update({ where: { id: skipped.id }, data: { saidOn: "2011-12-30" } }); // the day Apia skipped
    await db.session.update({ where: { id: late.id }, data: { localDay: "2026-03-05" } }); // 23:30 on Wednesday, filed under Thursday
    await db.talk.update({ where: { id: geneva.id }, data: { venueTimeZone: "Europe/Zurich" } });
    await db.talk.update({ where: { slug: "japan-dprk-beijing-2006" }, data: { venueTimeZone: "Asia/Chongqing" } });

    const { findings, notices } = await checkRecord(db);
    // A time outside its session's is what an editor may confirm ("Save anyway"): a notice, not a problem.
    expect(notices).toEqual([
      {
        talk: "test-check-geneva",
        row: "statement by Aurelia, “Said early.”",
        address: `/talks/test-check-geneva/statements/${early.id}/edit`,
        problem:
          "It was said at 08:00 on Tuesday 3 March 2026, before its session, “Morning plenary”, began (09:30 on Tuesday 3 March 2026): correct the time, choose another session, or save anyway if the report says so.",
      },
    ]);
    expect(findings).toEqual([
      {
        talk: "japan-dprk-beijing-2006",
        row: "the talk",
        address: "/talks/japan-dprk-beijing-2006/edit",
        problem: "Its venue’s zone is stored under the retired name Asia/Chongqing; the current name is Asia/Shanghai. Saving the talk’s form stores it.",
      },
      {
        talk: "test-check-apia",
        row: "statement by Aurelia, “Said in Apia.”",
        address: `/talks/test-check-apia/statements/${skipped.id}/edit`,
        problem: "Friday 30 December 2011 did not happen in Apia: the clocks went from 23:59:59 on Thursday 29 December 2011 straight to 00:00 on Saturday 31 December 2011.",
      },
      {
        talk: "test-check-geneva",
        row: "session “Night session” on Thursday 5 March 2026",
        address: `/talks/test-check-geneva/sessions/${late.id}/edit`,
        problem: "It starts at 23:30 on Wednesday 4 March 2026 at the venue, not on its own day, Thursday 5 March 2026.",
      },
      {
        talk: "test-check-geneva",
        row: "statement by Aurelia, “Said on Wednesday.”",
        address: `/talks/test-check-geneva/statements/${dayOnly.id}/edit`,
        problem: "It carries a time, 10:00 on Wednesday 4 March 2026, but its time is marked “Day only”: mark it as known to the minute, or leave the time out.",
      },
    ]);
  });

  it("prints them talk by talk, and the notices apart, and exits 1", async () => {
    const result = await promisify(execFile)("npm", ["run", "-s", "db:check"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } }).catch((e: unknown) => e);
    expect(result).toMatchObject({ code: 1 });
    const out = (result as { stdout: string }).stdout;
    expect(out).toMatch(/^Checked .*db-check\.db: 3 talks, \d+ sessions, \d+ statements, \d+ gap assessments?, \d+ linkages?\.$/m);
    expect(out).toContain("Saved with an editor's confirmation (1 notice, not problems):\n  test-check-geneva: statement by Aurelia, “Said early.”");
    expect(out).toContain("test-check-geneva: 2 problems\n  session “Night session” on Thursday 5 March 2026 (/talks/test-check-geneva/sessions/");
    expect(out).toContain("\n4 problems in 3 talks. Each can be corrected in the form at its address.\n");
  });
});
