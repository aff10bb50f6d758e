// A save sent twice — a retry after its answer was lost — is recorded once: a new statement or
// session is created under its form's key, and an update already applied is not refused as stale.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { StatementInput, StatementUpdateInput, statementFormValues } from "../../lib/entities/statement";
import { SessionInput } from "../../lib/entities/session";
import type { Actor } from "../../lib/mutations/core";
import { MutationError } from "../../lib/mutations/core";
import { createSession } from "../../lib/mutations/sessions";
import { createStatement, updateStatement } from "../../lib/mutations/statements";
import { statementStore } from "../../lib/entities/statement";
import { createTalk, type TestTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const ERIN: Actor = { id: null, name: "Erin Editor" };
const OMAR: Actor = { id: null, name: "Omar Editor" };

let db: Db;
let talk: TestTalk;

beforeAll(async () => {
  db = await createDb(await migratedSqlite("idempotent-saves"));
  talk = await createTalk(db);
});

afterAll(async () => {
  await db?.$disconnect();
});

const statementForm = (saveKey: string, text: string) =>
  StatementInput.parse({
    talk: talk.slug,
    speaker: `party:${talk.parties[0]}`,
    capacity: "unknown",
    kind: "paraphrase",
    saidPrecision: "day",
    saidOn: talk.firstDay,
    setting: "unknown",
    text,
    newSourcePublisher: "Wire",
    newSourceTitle: `A report of ${text}`,
    saveKey,
  });

describe("a save sent twice", () => {
  it("creates a statement once, with one revision and one typed-in source, and answers the same id", async () => {
    const key = randomUUID();
    const form = statementForm(key, "We will not move on water.");
    const first = await createStatement(db, form, ERIN);
    const again = await createStatement(db, form, ERIN);
    expect(again).toEqual(first);
    expect(first.id).toBe(key);
    expect(await db.statement.count({ where: { talkId: talk.id, text: "We will not move on water." } })).toBe(1);
    expect(await db.revision.count({ where: { entityId: key } })).toBe(1);
    expect(await db.source.count({ where: { title: "A report of We will not move on water." } })).toBe(1);
  });

  it("refuses another editor's save under a key already used, and a key that is not a form's", async () => {
    const key = randomUUID();
    await createStatement(db, statementForm(key, "First use of the key."), ERIN);
    await expect(createStatement(db, statementForm(key, "Second use of the key."), OMAR)).rejects.toThrow(MutationError);
    expect(await db.statement.count({ where: { text: "Second use of the key." } })).toBe(0);
    expect(StatementInput.safeParse({ ...statementForm(randomUUID(), "x"), speaker: `party:${talk.parties[0]}`, saveKey: "not-a-key" }).success).toBe(false);
  });

  it("creates a session once", async () => {
    const key = randomUUID();
    const form = SessionInput.parse({ talk: talk.slug, title: "Plenary, sent twice", localDay: talk.firstDay, outcome: "unknown", saveKey: key });
    const first = await createSession(db, form, ERIN);
    expect(await createSession(db, form, ERIN)).toEqual(first);
    expect(await db.session.count({ where: { talkId: talk.id, title: "Plenary, sent twice" } })).toBe(1);
  });

  it("applies an update once: the same update again is not refused as stale, another editor's is", async () => {
    const { id } = await createStatement(db, statementForm(randomUUID(), "Before the correction."), ERIN);
    const row = (await statementStore.read(db, id))!;
    const update = StatementUpdateInput.parse({
      ...statementFormValues(row.snapshot, talk.venueTimeZone),
      talk: talk.slug,
      id,
      version: row.version,
      text: "After the correction.",
    });
    const first = await updateStatement(db, update, ERIN);
    expect(await updateStatement(db, update, ERIN)).toEqual(first);
    expect(await db.revision.count({ where: { entityId: id } })).toBe(2);
    await expect(updateStatement(db, { ...update, text: "Omar's other correction." }, OMAR)).rejects.toThrow(/changed by Erin Editor/);
  });
});
