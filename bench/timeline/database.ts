// A fresh SQLite database for one bench run: migrated with the app's own migrations and loaded
// through the same loader the seed and the JSON import use, so the rows are the app's rows.
import { rmSync } from "node:fs";
import { createDb } from "../../lib/db";
import { parseDatabaseUrl, type DatabaseConfig } from "../../lib/env";
import { loadTalkDocument } from "../../lib/talk-document/load";
import type { TalkDocument } from "../../lib/talk-document/schema";
import { applyMigrations } from "../../scripts/db/engine";

export type PreparedDatabase = { url: string; config: DatabaseConfig; migrateMs: number; loadMs: number[] };

/** The database file and the files SQLite keeps beside it in WAL mode. */
export function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

export async function prepareDatabase(file: string, docs: TalkDocument[]): Promise<PreparedDatabase> {
  removeDatabase(file);
  const url = `file:${file}`;
  const config = parseDatabaseUrl(url);
  let t = performance.now();
  await applyMigrations(config);
  const migrateMs = performance.now() - t;
  const db = await createDb(config);
  const loadMs: number[] = [];
  try {
    for (const doc of docs) {
      t = performance.now();
      const result = await loadTalkDocument(db, doc, "bench");
      if (result.status !== "created") throw new Error(`Talk ${doc.talk.slug} was already in the fresh database ${file}.`);
      loadMs.push(performance.now() - t);
    }
  } finally {
    await db.$disconnect();
  }
  return { url, config, migrateMs, loadMs };
}
