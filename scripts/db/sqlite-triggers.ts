// SQLite cannot alter most of a column, so Prisma's migrations rebuild the table instead
// ("RedefineTables": CREATE TABLE "new_X", copy the rows, DROP TABLE "X", RENAME "new_X" TO "X").
// Triggers trip on that twice, and Prisma, which knows nothing of triggers, says neither:
//  - DROP TABLE takes the table's own triggers with it: the search index (kept in step by triggers;
//    docs/decisions/015-search.md) would silently stop following edits of that table;
//  - RENAME checks every trigger of the schema, and one on another table that names "X" (the
//    search triggers of StatementIssue name Statement) fails it, "no such table: main.X", while
//    "X" is gone: the migration cannot be applied at all.
// So `npm run db:migrate:create` drops, before a rebuild, every trigger that is on or names a
// rebuilt table, and makes them again at the end as they were, read from the migrations replayed
// on a scratch in-memory database.
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { listMigrations } from "./engine";

export type Trigger = { name: string; table: string; sql: string };

/** The triggers a database migrated from `dir` holds, in the order they were made. */
export async function triggersAfterMigrations(dir: string): Promise<Trigger[]> {
  const list = await listMigrations("sqlite", dir);
  const db = new Database(":memory:");
  try {
    for (const migration of list.migrationDirectories) {
      db.exec(readFileSync(path.join(dir, migration.path, "migration.sql"), "utf8"));
    }
    return db
      .prepare("SELECT name, tbl_name AS \"table\", sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid")
      .all() as Trigger[];
  } finally {
    db.close();
  }
}

/** The tables a migration rebuilds: each ends with `ALTER TABLE "new_X" RENAME TO "X"`. */
export function rebuiltTables(sql: string): string[] {
  return [...sql.matchAll(/ALTER TABLE "new_([^"]+)" RENAME TO "\1"/g)].map((m) => m[1]!);
}

/** Whether a trigger is on a table or names it in its body (our migrations quote every name). */
const touches = (trigger: Trigger, table: string) => trigger.table === table || trigger.sql.includes(`"${table}"`);

/**
 * The migration with every trigger on or naming a table it rebuilds dropped first and made again
 * at its end, and the names of those tables. A migration that rebuilds no such table is returned
 * as it was.
 */
export function keepTriggers(sql: string, triggers: Trigger[]): { sql: string; tables: string[] } {
  const rebuilt = rebuiltTables(sql);
  const kept = triggers.filter((t) => rebuilt.some((table) => touches(t, table)));
  if (kept.length === 0) return { sql, tables: [] };
  const tables = rebuilt.filter((table) => kept.some((t) => touches(t, table)));
  const names = tables.map((t) => `"${t}"`).join(", ");
  const drop = kept.map((t) => `DROP TRIGGER "${t.name}";`).join("\n");
  const make = kept.map((t) => `${t.sql};`).join("\n\n");
  return {
    sql: `-- Triggers on or naming ${names}, which this migration rebuilds: dropped first (a rebuild drops a table's own triggers, and another table's trigger naming it fails the rename), made again as they were at the end (scripts/db/sqlite-triggers.ts)
${drop}

${sql.trimEnd()}

-- The triggers dropped above, as they were
${make}
`,
    tables,
  };
}
