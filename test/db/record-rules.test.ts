// The record cannot contradict itself about time (lib/time/row-rules.ts, issue 10), whichever way
// a change comes: a statement said in a session lies within the session's days and times; a
// session cannot move away from the statements said in it, nor come back (restore, undo) where
// they no longer fit; a talk's zone cannot change so that recorded times fall on other days.
// The same rules refuse a talk document (lib/talk-document/schema.test.ts) and are reported by
// `npm run db:check` (test/db/db-check.test.ts). On migrated SQLite and PostgreSQL databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { SessionInput, SessionUpdateInput, sessionStore } from "../../lib/entities/session";
import { StatementInput, statementStore } from "../../lib/entities/statement";
import { TalkUpdateInput, talkStore } from "../../lib/entities/talk";
import { ConfirmableError, MutationError, type Actor } from "../../lib/mutations/core";
import { createSession, restoreSessionVersion, updateSession } from "../../lib/mutations/sessions";
import { createStatement, deleteStatement, undoDeleteStatement } from "../../lib/mutations/statements";
import { restoreTalkVersion, updateTalk } from "../../lib/mutations/talks";
import { createTalk, type TestTalk } from "../support/factories";
import { PROVIDERS, type TestDatabase } from "../support/databases";

const ERIN: Actor = { id: null, name: "Erin Editor" };
const GENEVA = { venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: "2026-03-02", lastDay: "2026-03-06" };

describe.each(PROVIDERS)("the record's times on %s", (_name, open) => {
  let setup: TestDatabase;
  let db: Db;
  let talk: TestTalk;

  beforeAll(async () => {
    setup = await open("record-rules");
    db = setup.db;
  });

  afterAll(async () => {
    await setup?.close();
  });

  const sessionFields = (over: Record<string, unknown>) => ({ talk: talk.slug, title: "Night plenary", kind: "plenary", outcome: "unknown", localDay: "2026-03-03", ...over });
  const sessionForm = (over: Record<string, unknown>) => SessionInput.parse(sessionFields(over));
  const statementForm = (over: Record<string, unknown>) =>
    StatementInput.parse({ talk: talk.slug, speaker: "party:aurelia", capacity: "government", kind: "position", saidPrecision: "day", saidOn: "2026-03-03", setting: "session", text: "Aurelia holds its line.", ...over });
  const footprint = async () => ({ statements: await db.statement.count(), sessions: await db.session.count(), revisions: await db.revision.count() });

  /** A fresh talk with a session on Tuesday 3 March 2026 from 23:00 to 00:30 (CET), in Geneva. */
  async function nightSession() {
    talk = await createTalk(db, { talk: GENEVA });
    const { id } = await createSession(db, sessionForm({ startTime: "23:00", endTime: "00:30" }), ERIN);
    return id;
  }

  it("warns of a statement said in a session at a time before it began or after it ended, and saves it only when confirmed", async () => {
    const session = await nightSession();
    const before = await footprint();
    const early = { session, saidPrecision: "minute", saidTime: "22:00" };
    const warning =
      "It was said at 22:00 on Tuesday 3 March 2026, before its session, “Night plenary”, began (23:00 on Tuesday 3 March 2026): correct the time, choose another session, or save anyway if the report says so.";
    const refused = createStatement(db, statementForm(early), ERIN);
    await expect(refused).rejects.toThrow(new ConfirmableError(warning, "saidTime"));
    await expect(refused).rejects.toBeInstanceOf(ConfirmableError);
    await expect(createStatement(db, statementForm({ session, saidOn: "2026-03-04", saidPrecision: "minute", saidTime: "00:45" }), ERIN)).rejects.toThrow(
      /^It was said at 00:45 on Wednesday 4 March 2026, after its session, “Night plenary”, ended \(00:30 on Wednesday 4 March 2026\)/,
    );
    expect(await footprint()).toEqual(before);
    // Confirmed ("Save anyway"), the same statement is saved, with its time as typed.
    const { id } = await createStatement(db, statementForm({ ...early, confirmOutside: "true" }), ERIN);
    const saved = (await statementStore.read(db, id))!.snapshot;
    expect(saved).toMatchObject({ session, saidOn: "2026-03-03", saidAt: "2026-03-03T21:00:00.000Z" });
    expect(await footprint()).toEqual({ statements: before.statements + 1, sessions: before.sessions, revisions: before.revisions + 1 });
  });

  it("still refuses a statement on a day its session did not cover, confirmed or not", async () => {
    const session = await nightSession();
    const before = await footprint();
    const refusal = new MutationError(
      "It was said on Monday 2 March 2026, but its session, “Night plenary”, was held from Tuesday 3 March 2026 to Wednesday 4 March 2026: correct the day, or choose another session.",
      "saidOn",
    );
    await expect(createStatement(db, statementForm({ session, saidOn: "2026-03-02" }), ERIN)).rejects.toThrow(refusal);
    const confirmed = createStatement(db, statementForm({ session, saidOn: "2026-03-02", confirmOutside: "true" }), ERIN);
    await expect(confirmed).rejects.toThrow(refusal);
    await expect(confirmed).rejects.not.toBeInstanceOf(ConfirmableError);
    // A time not on its own day, or a precision contradiction, stays impossible too (not confirmable).
    expect(await footprint()).toEqual(before);
    // After midnight, within the session; and known only to its first day.
    await expect(createStatement(db, statementForm({ session, saidOn: "2026-03-04", saidPrecision: "minute", saidTime: "00:15" }), ERIN)).resolves.toMatchObject({ day: "2026-03-04" });
    await expect(createStatement(db, statementForm({ session }), ERIN)).resolves.toMatchObject({ day: "2026-03-03" });
  });

  it("warns of a session on the day after the talk's last, and confirmed extends the talk's days with it, in one transaction", async () => {
    talk = await createTalk(db, { talk: GENEVA });
    const before = await footprint();
    const talkBefore = (await talkStore.read(db, talk.id))!;
    const next = sessionForm({ localDay: "2026-03-07", title: "Extra day" });
    const warned = createSession(db, next, ERIN);
    await expect(warned).rejects.toThrow(
      new ConfirmableError("Saturday 7 March 2026 is after the talk’s last day, 6 March 2026. Save anyway to extend the talk to 7 March 2026, or correct the day.", "localDay"),
    );
    await expect(warned).rejects.toBeInstanceOf(ConfirmableError);
    expect(await footprint()).toEqual(before);
    expect((await talkStore.read(db, talk.id))!.version).toBe(talkBefore.version);

    const { day } = await createSession(db, sessionForm({ localDay: "2026-03-07", title: "Extra day", confirmOutside: "true" }), ERIN);
    expect(day).toBe("2026-03-07");
    const talkAfter = (await talkStore.read(db, talk.id))!;
    expect(talkAfter.snapshot).toMatchObject({ firstDay: "2026-03-02", lastDay: "2026-03-07" });
    expect(talkAfter.version).toBe(talkBefore.version + 1);
    // The session's revision and the talk's.
    expect(await footprint()).toEqual({ statements: before.statements, sessions: before.sessions + 1, revisions: before.revisions + 2 });
    // A day before the first moves the first day back.
    await createSession(db, sessionForm({ localDay: "2026-03-01", title: "Eve", confirmOutside: "true" }), ERIN);
    expect((await talkStore.read(db, talk.id))!.snapshot).toMatchObject({ firstDay: "2026-03-01", lastDay: "2026-03-07" });
  });

  it("refuses another talk's session, and a deleted one the statement was not already in", async () => {
    const elsewhere = await nightSession();
    talk = await createTalk(db, { talk: GENEVA });
    await expect(createStatement(db, statementForm({ session: elsewhere }), ERIN)).rejects.toThrow(new MutationError("That session is not part of this talk.", "session"));
  });

  it("will not move a session away from the statements said in it, and names them", async () => {
    const id = await nightSession();
    await createStatement(db, statementForm({ session: id, speaker: "party:borealis", saidOn: "2026-03-04", saidPrecision: "minute", saidTime: "00:15" }), ERIN);
    await createStatement(db, statementForm({ session: id }), ERIN);
    const current = (await sessionStore.read(db, id))!;
    const update = (over: Record<string, unknown>) =>
      SessionUpdateInput.parse({ ...sessionFields({ startTime: "23:00", endTime: "00:30", ...over }), id, version: current.version });

    // Ending at midnight leaves Borealis's 00:15 outside its times: a warning, saved once confirmed
    // (below); a day later leaves both outside its days: refused.
    const early = updateSession(db, update({ endTime: "00:00" }), ERIN);
    await expect(early).rejects.toThrow(
      new ConfirmableError(
        "A statement said in this session would fall outside its times: Borealis’s at 00:15 on Wednesday 4 March. Save anyway if the report says so, or correct its time or the session’s.",
        "endTime",
      ),
    );
    await expect(early).rejects.toBeInstanceOf(ConfirmableError);
    await expect(updateSession(db, update({ localDay: "2026-03-05" }), ERIN)).rejects.toThrow(
      new MutationError(
        "2 statements said in this session would fall outside its day and times: Aurelia’s on Tuesday 3 March and Borealis’s at 00:15 on Wednesday 4 March. Move them to another session, or correct their day or time, first.",
        "localDay",
      ),
    );
    await expect(updateSession(db, update({ localDay: "2026-03-05", confirmOutside: "true" }), ERIN)).rejects.not.toBeInstanceOf(ConfirmableError);
    expect((await sessionStore.read(db, id))!.version).toBe(current.version);
    // A change they still fit is saved; one leaving a time outside, when confirmed.
    await expect(updateSession(db, update({ startTime: "22:30", endTime: "01:00" }), ERIN)).resolves.toMatchObject({ day: "2026-03-03" });
    const fitted = (await sessionStore.read(db, id))!;
    await expect(
      updateSession(db, SessionUpdateInput.parse({ ...sessionFields({ startTime: "23:00", endTime: "00:00", confirmOutside: "true" }), id, version: fitted.version }), ERIN),
    ).resolves.toMatchObject({ day: "2026-03-03" });
  });

  it("restores a session's version, and brings back a statement, whose times no longer fit (confirmed when saved), but not onto other days", async () => {
    const id = await nightSession();
    const v1 = (await sessionStore.read(db, id))!;
    // Version 2 runs to 01:00; a statement at 00:45 fits it, not version 1 (to 00:30).
    await updateSession(db, SessionUpdateInput.parse({ ...sessionFields({ startTime: "23:00", endTime: "01:00" }), id, version: v1.version }), ERIN);
    const { id: late } = await createStatement(db, statementForm({ session: id, saidOn: "2026-03-04", saidPrecision: "minute", saidTime: "00:45" }), ERIN);
    const v2 = (await sessionStore.read(db, id))!;
    // A time outside is a warning an editor confirmed once; a restore does not ask again.
    await expect(restoreSessionVersion(db, { talk: talk.slug, id, version: v2.version, restore: 1 }, ERIN)).resolves.toBeDefined();
    const v3 = (await sessionStore.read(db, id))!;
    expect(v3.snapshot).toMatchObject({ endsAt: v1.snapshot.endsAt });

    // Deleted, then brought back as it was: likewise.
    const st = (await statementStore.read(db, late))!;
    await deleteStatement(db, { talk: talk.slug, id: late, version: st.version }, ERIN);
    const deleted = (await statementStore.read(db, late))!;
    await expect(undoDeleteStatement(db, { talk: talk.slug, id: late, version: deleted.version }, ERIN)).resolves.toBeDefined();

  });

  it("will not change a talk's zone so that its recorded times fall on other days, and names them", async () => {
    const id = await nightSession();
    await createStatement(db, statementForm({ session: id, saidPrecision: "minute", saidTime: "23:30" }), ERIN);
    const current = (await talkStore.read(db, talk.id))!;
    const form = (venueTimeZone: string, venueCity: string) =>
      TalkUpdateInput.parse({ ...current.snapshot, id: talk.id, version: current.version, venueTimeZone, venueCity, parties: current.snapshot.parties, issues: current.snapshot.issues, envoys: [] });
    const before = await footprint();
    // 23:00 CET is 22:00 in London (same day, accepted below) but 07:00 the next day in Tokyo.
    await expect(updateTalk(db, form("Asia/Tokyo", "Tokyo"), ERIN)).rejects.toThrow(
      new MutationError(
        "On Asia/Tokyo’s clocks, recorded times would fall on other days than their own: “Night plenary” would start at 07:00 on Wednesday 4 March (it is filed under Tuesday 3 March); " +
          "Aurelia’s statement would be at 07:30 on Wednesday 4 March (it is filed under Tuesday 3 March). Correct or remove those times first, or keep the zone.",
        "venueTimeZone",
      ),
    );
    expect(await footprint()).toEqual(before);
    await expect(updateTalk(db, form("Europe/London", "London"), ERIN)).resolves.toMatchObject({ slug: talk.slug });
    // And back through the history: version 1 (Geneva) is still fine; a Tokyo version would not be.
    const london = (await talkStore.read(db, talk.id))!;
    await expect(restoreTalkVersion(db, { id: talk.id, version: london.version, restore: 1 }, ERIN)).resolves.toBeTruthy();
  });

  it("will not put a venue across the date line under rows dated on the day it skipped", async () => {
    talk = await createTalk(db, { talk: { venueCity: "Honolulu", venueTimeZone: "Pacific/Honolulu", firstDay: "2011-12-28", lastDay: "2012-01-02" } });
    await createStatement(db, statementForm({ saidOn: "2011-12-30", setting: "unknown" }), ERIN);
    const current = (await talkStore.read(db, talk.id))!;
    const apia = TalkUpdateInput.parse({ ...current.snapshot, id: talk.id, version: current.version, venueTimeZone: "Pacific/Apia", venueCity: "Apia", envoys: [] });
    await expect(updateTalk(db, apia, ERIN)).rejects.toThrow(
      new MutationError(
        "On Pacific/Apia’s clocks, recorded times would fall on other days than their own: 1 statement on 30 December 2011, which did not happen in Pacific/Apia. Correct or remove those times first, or keep the zone.",
        "venueTimeZone",
      ),
    );
  });
});
