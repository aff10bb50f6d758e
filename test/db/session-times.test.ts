// Times typed at the venue, through the write core: a session that runs past midnight, one that
// would run 24 hours or more, and the hours the clocks skip and repeat, for sessions and for
// statements alike. A Geneva talk across both 2026 changes, run in America/Los_Angeles
// (vitest.config.ts), so nothing can lean on the server's own zone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { SessionInput, SessionUpdateInput, sessionFormValues } from "../../lib/entities/session";
import { StatementInput } from "../../lib/entities/statement";
import { MutationError, type Actor } from "../../lib/mutations/core";
import { createSession, updateSession } from "../../lib/mutations/sessions";
import { createStatement } from "../../lib/mutations/statements";
import { sessionStore } from "../../lib/entities/session";
import { statementStore } from "../../lib/entities/statement";
import { createTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const SLUG = "test-geneva-autumn-2026";
const ZONE = "Europe/Zurich";
const ERIN: Actor = { id: null, name: "Erin Editor" };

let db: Db;

beforeAll(async () => {
  db = await createDb(await migratedSqlite("session-times"));
  await createTalk(db, { talk: { slug: SLUG, title: "Test round, Geneva, across both 2026 clock changes", venueTimeZone: ZONE, firstDay: "2026-03-27", lastDay: "2026-10-26" } });
});

afterAll(async () => {
  await db?.$disconnect();
});

const session = (over: Record<string, unknown>) => SessionInput.parse({ talk: SLUG, title: "Night session", outcome: "unknown", localDay: "2026-10-23", ...over });
const stored = async (id: string) => (await sessionStore.read(db, id))!.snapshot;

describe("a session that runs past midnight", () => {
  it("is saved on the day it started, ending the next day, and shows the same times back in the form", async () => {
    const { id, day } = await createSession(db, session({ startTime: "22:30", endTime: "01:15" }), ERIN);
    expect(day).toBe("2026-10-23");
    const snapshot = await stored(id);
    expect(snapshot).toMatchObject({ localDay: "2026-10-23", startsAt: "2026-10-23T20:30:00.000Z", endsAt: "2026-10-23T23:15:00.000Z" });
    const values = sessionFormValues(snapshot, ZONE);
    expect(values).toMatchObject({ localDay: "2026-10-23", startTime: "22:30", endTime: "01:15", startOccurrence: "", endOccurrence: "" });

    // Saving the form unchanged changes nothing; it stays a next-day end.
    await updateSession(db, SessionUpdateInput.parse({ ...values, talk: SLUG, id, version: 1 }), ERIN);
    expect(await stored(id)).toMatchObject({ startsAt: "2026-10-23T20:30:00.000Z", endsAt: "2026-10-23T23:15:00.000Z" });
  });

  it("is refused at 24 hours or more, naming the end", async () => {
    const refusal = await createSession(db, session({ startTime: "10:00", endTime: "10:00" }), ERIN).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MutationError);
    expect(refusal).toMatchObject({ field: "endTime" });
    expect((refusal as MutationError).message).toMatch(/a session cannot last 24 hours or more/);
    // 22:30 Saturday to 22:15 Sunday: the clocks going back make it 24 h 45 min.
    await expect(createSession(db, session({ localDay: "2026-10-24", startTime: "22:30", endTime: "22:15" }), ERIN)).rejects.toThrow(/24 h 45 min after the start/);
  });
});

describe("the hour Geneva's clocks repeat (Sunday 25 October 2026, 02:00–02:59 twice)", () => {
  it("refuses a session time in it until the editor says which, then keeps that choice", async () => {
    const refusal = await createSession(db, session({ localDay: "2026-10-25", startTime: "02:30", endTime: "04:00" }), ERIN).catch((e: unknown) => e);
    expect(refusal).toMatchObject({
      field: "startTime",
      message: "02:30 happens twice in Geneva on Sunday 25 October 2026, as the clocks go back from 03:00 to 02:00: choose 02:30 CEST (summer time, first) or 02:30 CET (winter time, second).",
    });
    const { id } = await createSession(db, session({ localDay: "2026-10-25", startTime: "02:30", startOccurrence: "first", endTime: "04:00" }), ERIN);
    const snapshot = await stored(id);
    expect(snapshot).toMatchObject({ startsAt: "2026-10-25T00:30:00.000Z", endsAt: "2026-10-25T03:00:00.000Z" });
    expect(sessionFormValues(snapshot, ZONE)).toMatchObject({ startTime: "02:30", startOccurrence: "first", endTime: "04:00", endOccurrence: "" });
  });

  it("refuses a statement's time in it with the same sentence, and takes the chosen one", async () => {
    const statement = (over: Record<string, unknown>) =>
      StatementInput.parse({ talk: SLUG, speaker: "party:aurelia", capacity: "unknown", kind: "paraphrase", saidPrecision: "minute", saidOn: "2026-10-25", saidTime: "02:30", setting: "unknown", text: "Late.", ...over });
    const refusal = await createStatement(db, statement({}), ERIN).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MutationError);
    expect(refusal).toMatchObject({ field: "saidTime" });
    expect((refusal as MutationError).message).toMatch(/^02:30 happens twice in Geneva on Sunday 25 October 2026.*02:30 CET \(winter time, second\)\.$/);
    const { id } = await createStatement(db, statement({ saidOccurrence: "second" }), ERIN);
    expect((await statementStore.read(db, id))!.snapshot.saidAt).toBe("2026-10-25T01:30:00.000Z");
  });
});

describe("the hour Geneva's clocks skip (Sunday 29 March 2026)", () => {
  it("refuses a statement said at a time that did not exist", async () => {
    const statement = StatementInput.parse({ talk: SLUG, speaker: "party:aurelia", capacity: "unknown", kind: "paraphrase", saidPrecision: "minute", saidOn: "2026-03-29", saidTime: "02:30", setting: "unknown", text: "Early." });
    await expect(createStatement(db, statement, ERIN)).rejects.toThrow(
      new MutationError("02:30 does not exist in Geneva on Sunday 29 March 2026: the clocks go forward from 02:00 straight to 03:00. Enter the time as the clocks showed it.", "saidTime"),
    );
  });
});
