// The bulk write of a talk document (lib/talk-document/load.ts, docs/decisions/022-bulk-load.md),
// on SQLite and PostgreSQL: the 5,000-statement bench talk gets exactly one create revision per
// row it creates, each holding that row; a load that fails late in its transaction (a unique key
// broken by the assessments, written after every session, statement and list) leaves the database
// as it was, search index included, and the database takes writes afterwards; progress events
// come in order and end with all rows done.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTalkDocument, LARGE_TALK } from "../../bench/timeline/generate";
import { isPostgres, type Db } from "../../lib/db";
import { loadTalkDocument, planTalkDocumentLoad, writeTalkDocumentLoad, type LoadProgress } from "../../lib/talk-document/load";
import type { TalkDocument } from "../../lib/talk-document/schema";
import { PROVIDERS, type TestDatabase } from "../support/databases";

/** The tables a load writes, by model, and the revision entity type of those that have revisions. */
const ENTITIES = {
  party: "party",
  envoy: "envoy",
  issue: "issue",
  source: "source",
  talk: "talk",
  session: "session",
  statement: "statement",
  assessment: "assessment",
  linkage: "linkage",
} as const;
const LISTS = ["talkParty", "talkEnvoy", "talkIssue", "sessionIssue", "sessionSource", "statementIssue", "statementSource", "revision"] as const;

async function counts(db: Db): Promise<Record<string, number>> {
  const tables = [...Object.keys(ENTITIES), ...LISTS];
  const n = await Promise.all(tables.map((t) => (db[t as keyof typeof ENTITIES] as unknown as { count(): Promise<number> }).count()));
  const searchRows = isPostgres(db)
    ? []
    : await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT (SELECT COUNT(*) FROM "SearchRow") + (SELECT COUNT(*) FROM "SearchIndex") AS n`);
  return { ...Object.fromEntries(tables.map((t, i) => [t, n[i]!])), search: Number(searchRows[0]?.n ?? 0) };
}

/** A small talk of its own, for the failure and progress tests: its sources are its own (the bench talk's keys with other dates would be refused). */
function smallTalk(slug: string): TalkDocument {
  const doc = generateTalkDocument({ ...LARGE_TALK, seed: 7, slug, days: 10, sessions: 120, statements: 300 });
  const own = (key: string) => `${slug}-${key}`;
  return {
    ...doc,
    sources: doc.sources.map((s) => ({ ...s, key: own(s.key) })),
    sessions: doc.sessions.map((s) => ({ ...s, sources: s.sources.map(own) })),
    statements: doc.statements.map((s) => ({ ...s, sources: s.sources.map(own) })),
  };
}

describe.each(PROVIDERS)("bulk load of a talk document on %s", (name, open) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open(`bulk-load-${name.toLowerCase()}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("writes exactly one create revision per row it creates, holding that row (the 5,000-statement bench talk)", { timeout: 180_000 }, async () => {
    const { db } = t;
    const doc = generateTalkDocument(LARGE_TALK);
    const before = await counts(db);
    const result = await loadTalkDocument(db, doc, "Bulk Loader");
    expect(result.status).toBe("created");
    const after = await counts(db);

    expect(after.statement! - before.statement!).toBe(5_000);
    const created = Object.keys(ENTITIES).reduce((sum, model) => sum + after[model]! - before[model]!, 0);
    expect(after.revision! - before.revision!).toBe(created);
    for (const [model, entityType] of Object.entries(ENTITIES)) {
      // Every row of this kind (all new in this database) has exactly one revision, and no revision names another row.
      const [row] = await db.$queryRawUnsafe<{ rows: number | bigint; once: number | bigint; revisions: number | bigint }[]>(
        `SELECT
           (SELECT COUNT(*) FROM "${model[0]!.toUpperCase()}${model.slice(1)}") AS "rows",
           (SELECT COUNT(*) FROM "${model[0]!.toUpperCase()}${model.slice(1)}" x
              WHERE (SELECT COUNT(*) FROM "Revision" r WHERE r."entityType" = '${entityType}' AND r."entityId" = x."id" AND r."action" = 'create') = 1) AS "once",
           (SELECT COUNT(*) FROM "Revision" r WHERE r."entityType" = '${entityType}') AS "revisions"`,
      );
      expect({ model, once: Number(row!.once), revisions: Number(row!.revisions) }).toEqual({ model, once: Number(row!.rows), revisions: Number(row!.rows) });
    }

    // The revision's `after` is the row as written (dates as ISO strings), attributed to the loader's actor and talk.
    const statement = await db.statement.findFirstOrThrow({ where: { talk: { slug: doc.talk.slug }, saidAt: { not: null }, quotedWords: { not: null } } });
    const revision = await db.revision.findFirstOrThrow({ where: { entityType: "statement", entityId: statement.id } });
    expect(revision).toMatchObject({ action: "create", actorName: "Bulk Loader", talkId: statement.talkId, version: null });
    expect(revision.after).toEqual({
      id: statement.id,
      talkId: statement.talkId,
      sessionId: statement.sessionId,
      partyId: statement.partyId,
      envoyId: statement.envoyId,
      capacity: statement.capacity,
      saidOn: statement.saidOn,
      saidAt: statement.saidAt!.toISOString(),
      saidPrecision: statement.saidPrecision,
      partOfDay: statement.partOfDay,
      reportedOn: statement.reportedOn,
      setting: statement.setting,
      kind: statement.kind,
      text: statement.text,
      quotedWords: statement.quotedWords,
      sequence: statement.sequence,
    });
    const talk = await db.talk.findUniqueOrThrow({ where: { slug: doc.talk.slug } });
    const talkRevision = await db.revision.findFirstOrThrow({ where: { entityType: "talk", entityId: talk.id } });
    expect(talkRevision.talkId).toBe(talk.id);
    expect(statement.createdAt).toEqual(talk.createdAt);
    expect(statement.updatedAt).toEqual(talk.createdAt);
    expect(revision.at).toEqual(talk.createdAt);
    const party = await db.revision.findFirstOrThrow({ where: { entityType: "party" } });
    expect(party.talkId).toBeNull();
  });

  it("leaves the database unchanged when a row written late breaks a unique key, and takes writes afterwards", { timeout: 60_000 }, async () => {
    const { db } = t;
    const doc = smallTalk(`bulk-clash-${name.toLowerCase()}`);
    const plan = await planTalkDocumentLoad(db, doc, "Bulk Loader");
    if (plan.status !== "new") throw new Error("the talk is already there");
    // The schema refuses a second assessment of an issue on a day; the database's unique key
    // (talkId, issueId, localDay) is what stops this one, after every session, statement and list
    // has been inserted in the same transaction.
    const first = plan.prepared.doc.assessments[0]!;
    plan.prepared.doc.assessments.push({ ...first, note: "The same issue and day again." });
    const before = await counts(db);
    const events: LoadProgress[] = [];
    await expect(writeTalkDocumentLoad(db, plan.prepared, { onProgress: (p) => events.push(p) })).rejects.toThrow(/unique|duplicate key/i);
    expect(await counts(db)).toEqual(before);
    expect(await db.talk.findUnique({ where: { slug: doc.talk.slug } })).toBeNull();
    expect(events.map((e) => e.phase)).not.toContain("done");

    // Nothing is stuck: the same document, as the schema gave it, loads now (on SQLite, a failed
    // transaction that kept the adapter's lock would time out here).
    plan.prepared.doc.assessments.pop();
    expect((await loadTalkDocument(db, plan.prepared.doc, "Bulk Loader")).status).toBe("created");
    expect(await db.statement.count({ where: { talk: { slug: doc.talk.slug } } })).toBe(300);
  });

  it("reports progress in order, ending with every row done", async () => {
    const { db } = t;
    const doc = smallTalk(`bulk-progress-${name.toLowerCase()}`);
    const events: LoadProgress[] = [];
    expect((await loadTalkDocument(db, doc, "Bulk Loader", { onProgress: (p) => events.push({ ...p }) })).status).toBe("created");
    const total = doc.sessions.length + doc.statements.length + doc.assessments.length + doc.linkages.length;
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]).toEqual({ phase: "writing", done: 0, total });
    expect(events.at(-1)).toEqual({ phase: "done", done: total, total });
    const phases = ["checking", "writing", "done"];
    for (const [i, e] of events.entries()) {
      expect(e.total).toBe(total);
      if (i === 0) continue;
      const previous = events[i - 1]!;
      expect(phases.indexOf(e.phase)).toBeGreaterThanOrEqual(phases.indexOf(previous.phase));
      expect(e.done).toBeGreaterThanOrEqual(previous.done);
    }
    // The rows were committed by the time "done" came.
    expect(await db.statement.count({ where: { talk: { slug: doc.talk.slug } } })).toBe(doc.statements.length);
  });
});
