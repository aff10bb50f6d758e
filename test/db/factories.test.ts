// The test factories (test/support/factories.ts) write what production writes: rows at version 1
// with their "create" revisions, defaults that pass the write core's rules, and overrides kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { sessionStore } from "../../lib/entities/session";
import { statementStore } from "../../lib/entities/statement";
import { createSession, createStatement, createTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

let db: Db;

beforeAll(async () => {
  db = await createDb(await migratedSqlite("factories"));
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("the test factories", () => {
  it("make a talk, a session and a statement in it, each with its create revision", async () => {
    const talk = await createTalk(db, { talk: { venueTimeZone: "Asia/Tokyo", venueCity: "Tokyo" } });
    const session = await createSession(db, talk, { title: "Working group on water" });
    const statement = await createStatement(db, talk, { session: session.id, party: "borealis", issues: ["water-rights"], text: "We will not move." });

    expect(await db.talk.findUniqueOrThrow({ where: { id: talk.id } })).toMatchObject({ slug: talk.slug, venueCity: "Tokyo", venueTimeZone: "Asia/Tokyo", version: 1 });
    expect((await sessionStore.read(db, session.id))!.snapshot).toEqual(session.snapshot);
    expect((await statementStore.read(db, statement.id))!.snapshot).toMatchObject({
      talkId: talk.id,
      session: session.id,
      party: "borealis",
      saidOn: "2026-03-02",
      issues: ["water-rights"],
      text: "We will not move.",
    });
    const revisions = await db.revision.findMany({ where: { talkId: talk.id }, select: { entityType: true, action: true } });
    for (const type of ["talk", "session", "statement"]) expect(revisions).toContainEqual({ entityType: type, action: "create" });
    expect(await db.revision.count({ where: { entityId: { in: [session.id, statement.id] }, version: 1 } })).toBe(2);
  });

  it("make talks that do not collide, numbering each talk's statements in order", async () => {
    const [a, b] = [await createTalk(db), await createTalk(db)];
    expect(a.slug).not.toBe(b.slug);
    const first = await createStatement(db, a);
    const second = await createStatement(db, a);
    expect([first.snapshot.sequence, second.snapshot.sequence]).toEqual([0, 1]);
    expect((await createStatement(db, b)).snapshot.sequence).toBe(0);
  });

  it("keep the write core's rules: a statement on an issue that does not exist is refused", async () => {
    const talk = await createTalk(db);
    await expect(createStatement(db, talk, { issues: ["no-such-issue"] })).rejects.toThrow("No such issue: no-such-issue.");
  });
});
