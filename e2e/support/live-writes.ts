// Writes to a test's SQLite database from outside the app, the way a Server Action would: the
// statement, its issue and source links, and its `create` revision, in one transaction. The app
// server is another process and learns of it only through the Revision table, which is the point
// (lib/live/hub.ts). Used while the editing forms are not there to do it through the UI.
import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { ROOT } from "./accounts";

export type NewStatement = {
  talk: string;
  envoy: string;
  saidOn: string;
  text: string;
  quotedWords?: string | null;
  issues?: string[];
  sources?: string[];
  actorName?: string;
};

/** The database file a `file:` URL names, from the project folder (as the app resolves it). */
export function sqliteFile(databaseUrl: string): string {
  return path.resolve(ROOT, databaseUrl.replace(/^file:/, "").split("?")[0]!);
}

/** How Prisma's SQLite adapter stores a DateTime: ISO 8601 with milliseconds and "+00:00". */
const stored = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** Adds a statement as an editor's save would; returns its id and the instant it was written. */
export function addStatement(databaseUrl: string, input: NewStatement): { id: string; at: Date } {
  const db = new Database(sqliteFile(databaseUrl));
  try {
    db.pragma("busy_timeout = 5000");
    const talk = db.prepare(`SELECT id FROM "Talk" WHERE slug = ?`).get(input.talk) as { id: string } | undefined;
    const envoy = db.prepare(`SELECT id, partyId FROM "Envoy" WHERE slug = ?`).get(input.envoy) as { id: string; partyId: string } | undefined;
    if (!talk || !envoy) throw new Error(`No talk "${input.talk}" or envoy "${input.envoy}" in ${databaseUrl}.`);
    const issueIds = (input.issues ?? []).map((slug) => (db.prepare(`SELECT id FROM "Issue" WHERE slug = ?`).get(slug) as { id: string }).id);
    const sourceIds = (input.sources ?? []).map((key) => (db.prepare(`SELECT id FROM "Source" WHERE key = ?`).get(key) as { id: string }).id);
    const at = new Date();
    const id = randomUUID();
    const row = {
      id,
      talkId: talk.id,
      sessionId: null,
      partyId: envoy.partyId,
      envoyId: envoy.id,
      capacity: "head_of_delegation",
      saidOn: input.saidOn,
      saidAt: null,
      saidPrecision: "day",
      partOfDay: null,
      reportedOn: input.saidOn,
      setting: "press_briefing",
      kind: "position",
      text: input.text,
      quotedWords: input.quotedWords ?? null,
      sequence: 1000,
      version: 1,
      createdAt: stored(at),
      updatedAt: stored(at),
      deletedAt: null,
    };
    // The revision records the statement as the write core snapshots it (lib/entities/statement.ts):
    // named things by slug, sources by id, version 1 (where the schema has versioned revisions).
    const snapshot = {
      talkId: talk.id,
      session: null,
      party: (db.prepare(`SELECT slug FROM "Party" WHERE id = ?`).get(envoy.partyId) as { slug: string }).slug,
      envoy: input.envoy,
      capacity: row.capacity,
      saidOn: row.saidOn,
      saidAt: null,
      saidPrecision: row.saidPrecision,
      partOfDay: null,
      reportedOn: row.reportedOn,
      setting: row.setting,
      kind: row.kind,
      text: row.text,
      quotedWords: row.quotedWords,
      sequence: row.sequence,
      issues: [...(input.issues ?? [])].sort(),
      sources: [...sourceIds].sort(),
    };
    const versioned = db.prepare(`SELECT name FROM pragma_table_info('Revision') WHERE name = 'version'`).all().length > 0;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO "Statement" (id, talkId, sessionId, partyId, envoyId, capacity, saidOn, saidAt, saidPrecision, partOfDay, reportedOn, setting, kind, text, quotedWords, sequence, version, createdAt, updatedAt, deletedAt)
         VALUES (@id, @talkId, @sessionId, @partyId, @envoyId, @capacity, @saidOn, @saidAt, @saidPrecision, @partOfDay, @reportedOn, @setting, @kind, @text, @quotedWords, @sequence, @version, @createdAt, @updatedAt, @deletedAt)`,
      ).run(row);
      for (const issueId of issueIds) db.prepare(`INSERT INTO "StatementIssue" (statementId, issueId) VALUES (?, ?)`).run(id, issueId);
      for (const sourceId of sourceIds) db.prepare(`INSERT INTO "StatementSource" (statementId, sourceId) VALUES (?, ?)`).run(id, sourceId);
      db.prepare(
        `INSERT INTO "Revision" (id, entityType, entityId, talkId, action, userId, actorName, at, before, after${versioned ? ", version" : ""})
         VALUES (?, 'statement', ?, ?, 'create', NULL, ?, ?, NULL, ?${versioned ? ", 1" : ""})`,
      ).run(`c${randomBytes(12).toString("hex")}`, id, talk.id, input.actorName ?? "Test Editor", stored(at), JSON.stringify(snapshot));
    })();
    return { id, at };
  } finally {
    db.close();
  }
}

/** When the revision of the statement with this text was stamped (its save's commit, give or take). */
export function revisionTime(databaseUrl: string, text: string): Date {
  const db = new Database(sqliteFile(databaseUrl), { readonly: true });
  try {
    const row = db
      .prepare(`SELECT r.at FROM "Revision" r JOIN "Statement" s ON s.id = r.entityId WHERE r.entityType = 'statement' AND s.text = ? ORDER BY r.at LIMIT 1`)
      .get(text) as { at: string } | undefined;
    if (!row) throw new Error(`No revision of a statement "${text}".`);
    return new Date(row.at);
  } finally {
    db.close();
  }
}
