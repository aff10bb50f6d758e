// A migrated database of each provider for a test file that runs the same tests on both
// (describe.each(PROVIDERS)): a copy of the migrated SQLite template, or a database in a
// throwaway PostgreSQL cluster of the file's own, stopped on close.
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import { applyMigrations } from "../../scripts/db/engine";
import { createDatabase, startPostgres } from "./postgres";
import { migratedSqlite } from "./sqlite-template";

export type TestDatabase = { db: Db; config: DatabaseConfig; close(): Promise<void> };

export async function sqliteDatabase(name: string): Promise<TestDatabase> {
  const config = await migratedSqlite(name);
  const db = await createDb(config);
  return { db, config, close: () => db.$disconnect() };
}

export async function postgresDatabase(name: string): Promise<TestDatabase> {
  const cluster = await startPostgres();
  const config: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster, `parley_${name.replace(/\W/g, "_")}`) };
  await applyMigrations(config);
  const db = await createDb(config);
  return {
    db,
    config,
    close: async () => {
      await db.$disconnect();
      await cluster.stop();
    },
  };
}

export const PROVIDERS = [
  ["SQLite", sqliteDatabase],
  ["PostgreSQL", postgresDatabase],
] as const;
