// The search index through later migrations. A Prisma migration that rebuilds a SQLite table
// (CREATE "new_X", copy, DROP "X", RENAME) drops the table's triggers, and the rename fails on any
// other table's trigger that names it; neither the engine's SQL nor its drift check knows of
// triggers. `npm run db:migrate:create` drops those triggers first and makes them again at the end
// (scripts/db/sqlite-triggers.ts). Here a schema change that rebuilds Statement is diffed by the
// real engine: its SQL cannot be applied as written; with the triggers kept it can, every trigger
// is there afterwards, and the index still follows an edited statement.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, diffMigrationsToSchema } from "../../scripts/db/engine";
import { migrationsDir, schemaPath } from "../../scripts/db/providers";
import { keepTriggers, rebuiltTables, triggersAfterMigrations } from "../../scripts/db/sqlite-triggers";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "parley-search-migrations-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The SQLite schema with a change SQLite can only make by rebuilding Statement: a new default. */
const rebuildingSchema = () => {
  const schema = readFileSync(schemaPath("sqlite"), "utf8");
  const changed = schema.replace(/(\n  text\s+String)(\n)/, `$1 @default("")$2`);
  expect(changed).not.toBe(schema);
  return changed;
};

/** A database migrated from the migrations plus one more, and the triggers it holds. */
async function migrateWith(name: string, extra: string) {
  const dir = path.join(tmp, name, "migrations");
  cpSync(migrationsDir("sqlite"), dir, { recursive: true });
  mkdirSync(path.join(dir, "99999999999999_rebuild"));
  writeFileSync(path.join(dir, "99999999999999_rebuild", "migration.sql"), extra);
  const file = path.join(tmp, name, "parley.db");
  await applyMigrations({ provider: "sqlite", url: `file:${file}`, file }, { dir, schema: rebuildingSchema() });
  const db = new Database(file);
  const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return { db, triggers };
}

describe("a later migration that rebuilds a searched table", { timeout: 60_000 }, () => {
  let sql: string;
  let before: string[];

  beforeAll(async () => {
    ({ sql } = await diffMigrationsToSchema("sqlite", { schema: rebuildingSchema() }));
    before = (await triggersAfterMigrations(migrationsDir("sqlite"))).map((t) => t.name).sort();
  });

  it("is a rebuild of Statement, which holds search triggers", () => {
    expect(rebuiltTables(sql)).toEqual(["Statement"]);
    expect(before).toEqual(expect.arrayContaining(["Statement_search_insert", "Statement_search_update", "Statement_search_delete"]));
  });

  it("as the engine writes it, cannot be applied: the rename trips on another table's trigger that names Statement", async () => {
    await expect(migrateWith("raw", sql)).rejects.toThrow(/error in trigger \w+_search_\w+: no such table: main\.Statement/);
  });

  it("as db:migrate:create writes it, keeps every trigger, and the index still follows an edited statement", async () => {
    const kept = keepTriggers(sql, await triggersAfterMigrations(migrationsDir("sqlite")));
    expect(kept.tables).toEqual(["Statement"]);
    const { db, triggers } = await migrateWith("kept", kept.sql);
    try {
      expect(triggers).toEqual(before);
      db.exec(`INSERT INTO "Talk" ("id", "slug", "title", "venueCity", "venueTimeZone", "firstDay", "updatedAt") VALUES ('t1', 'talk-one', 'Talk one', 'Geneva', 'Europe/Zurich', '2026-03-02', 0);
        INSERT INTO "Party" ("id", "slug", "name", "shortName", "updatedAt") VALUES ('p1', 'aurelia', 'Aurelia', 'Aurelia', 0);
        INSERT INTO "Statement" ("id", "talkId", "partyId", "kind", "text", "updatedAt") VALUES ('s1', 't1', 'p1', 'position', 'The old words.', 0);
        UPDATE "Statement" SET "text" = 'The new wording.' WHERE "id" = 's1';`);
      const find = (word: string) => db.prepare(`SELECT count(*) AS n FROM "SearchIndex" WHERE "SearchIndex" MATCH ?`).get(`{title quote body note} : "${word}"`) as { n: number };
      expect([find("wording").n, find("old").n]).toEqual([1, 0]);
    } finally {
      db.close();
    }
  });

  it("leaves a migration that rebuilds nothing as it was", () => {
    const plain = `-- CreateIndex\nCREATE INDEX "Statement_kind_idx" ON "Statement"("kind");\n`;
    expect(keepTriggers(plain, [{ name: "Statement_search_insert", table: "Statement", sql: 'CREATE TRIGGER … ON "Statement" …' }])).toEqual({ sql: plain, tables: [] });
  });
});
