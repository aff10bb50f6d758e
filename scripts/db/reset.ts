// `npm run db:reset`: erases the database DATABASE_URL names, then migrates and seeds it afresh.
// SQLite: deletes the file and its -wal/-shm/-journal companions (stop the app first: it would
// keep writing to the deleted file). PostgreSQL: drops and recreates the schema, which needs
// its owner. Refuses when NODE_ENV=production unless given --force.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { getEnv } from "../../lib/env";
import { CommandError, describeDatabase, postgresConfig, runCommand } from "./engine";
import { ROOT } from "./providers";

runCommand(async () => {
  if (process.env.NODE_ENV === "production" && !process.argv.includes("--force")) {
    throw new CommandError(
      "Refusing to erase the database because NODE_ENV=production; run npm run db:reset -- --force if you mean it.",
    );
  }
  const { database } = getEnv();
  if (database.provider === "sqlite") {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(database.file + suffix, { force: true });
  } else {
    const { schema = "public", ...config } = postgresConfig(database.url);
    const quoted = `"${schema.replaceAll('"', '""')}"`;
    const client = new pg.Client(config);
    try {
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${quoted} CASCADE; CREATE SCHEMA ${quoted};`);
    } catch (error) {
      throw new CommandError(`Could not erase ${describeDatabase(database)}: ${(error as Error).message}.`);
    } finally {
      await client.end();
    }
  }
  console.log(`Erased ${describeDatabase(database)}.`);

  // The same commands as npm run db:migrate and npm run db:seed, with their own output.
  // The seed loads through the write core, which is server-only code (hence the condition).
  for (const script of ["scripts/db/migrate.ts", "scripts/db/seed.ts"]) {
    const { status } = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, script)], {
      stdio: "inherit",
    });
    if (status !== 0) return status ?? 1;
  }
});
