// A date the venue's clocks jumped over is no day of a talk, whichever way a row comes in: the
// session and statement forms (through the write core), and a talk document (the loader and the
// JSON import). Apia skipped Friday 30 December 2011 (lib/time/zone-calendar.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { SessionInput } from "../../lib/entities/session";
import { StatementInput } from "../../lib/entities/statement";
import { MutationError, type Actor } from "../../lib/mutations/core";
import { createSession } from "../../lib/mutations/sessions";
import { createStatement } from "../../lib/mutations/statements";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { buildTalkDocument, createTalk, type TestTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const ERIN: Actor = { id: null, name: "Erin Editor" };
const SKIPPED = "Friday 30 December 2011 did not happen in Apia: the clocks went from 23:59:59 on Thursday 29 December 2011 straight to 00:00 on Saturday 31 December 2011.";
const APIA = { venueCity: "Apia", venueTimeZone: "Pacific/Apia", firstDay: "2011-12-28", lastDay: "2012-01-02" };

let db: Db;
let talk: TestTalk;

beforeAll(async () => {
  db = await createDb(await migratedSqlite("skipped-days"));
  talk = await createTalk(db, { talk: APIA });
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("Friday 30 December 2011 in Apia", () => {
  const session = (over: Record<string, unknown>) =>
    SessionInput.parse({ talk: talk.slug, title: "Plenary", kind: "plenary", outcome: "unknown", localDay: "2011-12-29", ...over });
  const statement = (over: Record<string, unknown>) =>
    StatementInput.parse({ talk: talk.slug, speaker: "party:aurelia", capacity: "unknown", kind: "position", saidPrecision: "day", saidOn: "2011-12-29", setting: "unknown", text: "Said.", ...over });

  it("is refused as a session's or a statement's day, next to the field, and nothing is written", async () => {
    const before = await db.revision.count();
    await expect(createSession(db, session({ localDay: "2011-12-30" }), ERIN)).rejects.toThrow(new MutationError(SKIPPED, "localDay"));
    await expect(createStatement(db, statement({ saidOn: "2011-12-30" }), ERIN)).rejects.toThrow(new MutationError(SKIPPED, "saidOn"));
    expect(await db.revision.count()).toBe(before);
  });

  it("takes the days either side, and a session from Thursday 23:00 to 00:30 that ends on Saturday", async () => {
    const { id } = await createSession(db, session({ startTime: "23:00", endTime: "00:30" }), ERIN);
    const row = await db.session.findUniqueOrThrow({ where: { id }, select: { localDay: true, startsAt: true, endsAt: true } });
    expect(row.localDay).toBe("2011-12-29");
    expect(row.startsAt?.toISOString()).toBe("2011-12-30T09:00:00.000Z");
    expect(row.endsAt?.toISOString()).toBe("2011-12-30T10:30:00.000Z");
    await expect(createStatement(db, statement({ saidOn: "2011-12-31" }), ERIN)).resolves.toMatchObject({ day: "2011-12-31" });
  });

  it("cannot begin or end a talk, through the talk form's write core or a document", async () => {
    const { createTalk: createTalkRow } = await import("../../lib/mutations/talks");
    const { TalkInput } = await import("../../lib/entities/talk");
    const form = TalkInput.parse({ slug: "test-apia-starts-skipped", title: "Apia round", venueCity: "Apia", venueTimeZone: "pacific/apia", firstDay: "2011-12-30", status: "ongoing", parties: ["aurelia", "borealis"] });
    expect(form.venueTimeZone).toBe("Pacific/Apia");
    await expect(createTalkRow(db, form, ERIN)).rejects.toThrow(new MutationError(SKIPPED, "firstDay"));
    const valid = buildTalkDocument({ talk: { ...APIA, slug: "test-apia-ends-skipped" } });
    const result = TalkDocumentSchema.safeParse({ ...valid, talk: { ...valid.talk, lastDay: "2011-12-30" } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["talk.lastDay", SKIPPED]);
  });

  it("is refused in a talk document, on each row that names it", () => {
    const document = buildTalkDocument({ talk: { ...APIA, slug: "test-apia-document" } });
    const result = TalkDocumentSchema.safeParse({
      ...document,
      sessions: [{ ref: "s", localDay: "2011-12-30", kind: "plenary", title: "Plenary", summary: "", outcome: "unknown", issues: [], sources: [] }],
      assessments: [{ issue: "water-rights", localDay: "2011-12-30", gap: "unchanged", note: "", author: "Test" }],
    });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ["sessions.0.localDay", SKIPPED],
        ["assessments.0.localDay", SKIPPED],
      ]),
    );
  });
});
