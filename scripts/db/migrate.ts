// `npm run db:migrate`: applies the pending migrations of prisma/<provider>/migrations to the
// database DATABASE_URL names, recording them in `_prisma_migrations` exactly as
// `prisma migrate deploy` would. Run on every start, so it must be quick when there is nothing to do.
import Database from "better-sqlite3";
import { getEnv } from "../../lib/env";
import { applyMigrations, describeDatabase, runCommand } from "./engine";

runCommand(async () => {
  const { database } = getEnv();
  const applied = await applyMigrations(database);
  if (database.provider === "sqlite") useWal(database.file);
  const where = describeDatabase(database);
  if (applied.length === 0) {
    console.log(`Database is up to date (${where}).`);
  } else {
    console.log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"} to ${where}:`);
    for (const name of applied) console.log(`  ${name}`);
  }
});

/**
 * The app opens SQLite in WAL mode so readers never wait for a writer. journal_mode=WAL is
 * stored in the file, and switching needs a moment when no one else holds it: now is that moment.
 */
function useWal(file: string): void {
  const db = new Database(file, { timeout: 5_000 });
  try {
    const mode = db.pragma("journal_mode = WAL", { simple: true });
    if (mode !== "wal") console.warn(`Warning: ${file} stays in journal mode "${String(mode)}", not WAL.`);
  } finally {
    db.close();
  }
}
