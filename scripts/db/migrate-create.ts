// `npm run db:migrate:create -- <name>`: after a change to prisma/schema.base.prisma, writes the
// migration that brings each provider's migration history up to its schema, as
// prisma/<provider>/migrations/<UTC timestamp>_<name>/migration.sql (one timestamp for both).
// Nothing touches DATABASE_URL's database. The PostgreSQL history is replayed on a scratch database
// on PARLEY_SHADOW_DATABASE_URL's server if set (its user needs CREATEDB), or else on a
// throwaway local cluster started for the occasion (PostgreSQL 15 server binaries needed).
// `--empty` also writes an empty migration.sql for a provider whose schema did not change (or for
// both), to be filled by hand, as `prisma migrate dev --create-only` does: e.g. SQLite's search
// index, which no model describes. A SQLite table the migration rebuilds keeps the triggers on it
// or naming it (scripts/db/sqlite-triggers.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startPostgres, type PostgresCluster } from "../../test/support/postgres";
import { CommandError, LOCKFILE, diffMigrationsToSchema, lockfileContent, runCommand } from "./engine";
import { PROVIDERS, ROOT, type Provider, migrationsDir, renderSchema, schemaPath } from "./providers";
import { keepTriggers, triggersAfterMigrations } from "./sqlite-triggers";

const NAME = /^[a-z0-9][a-z0-9_]{0,79}$/;

runCommand(async () => {
  const empty = process.argv.includes("--empty");
  const args = process.argv.slice(2).filter((arg) => arg !== "--empty");
  const name = args.join(" ");
  if (args.length !== 1 || !NAME.test(name)) {
    throw new CommandError(
      `Give the migration a name of lowercase letters, digits and underscores (at most 80), e.g. npm run db:migrate:create -- add_linkage_dates [--empty]${name ? `; "${name}" is not one` : ""}.`,
    );
  }

  // The same as `npm run db:schemas`: never diff against a stale generated schema.
  const base = readFileSync(path.join(ROOT, "prisma/schema.base.prisma"), "utf8");
  for (const provider of PROVIDERS) writeFileSync(schemaPath(provider), renderSchema(base, provider));

  const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${timestamp}_${name}`;

  // Diff both providers before writing anything, so a failure leaves no half-made pair.
  const diffs: [Provider, string][] = [];
  let cluster: PostgresCluster | undefined;
  try {
    for (const provider of PROVIDERS) {
      let serverUrl: string | undefined;
      if (provider === "postgresql") {
        serverUrl = process.env.PARLEY_SHADOW_DATABASE_URL?.trim() || undefined;
        if (!serverUrl) {
          console.log("Starting a throwaway PostgreSQL cluster to replay the postgresql migrations…");
          cluster = await startPostgres();
          serverUrl = cluster.url;
        }
      }
      const { inSync, sql } = await diffMigrationsToSchema(provider, { serverUrl });
      if (!inSync) diffs.push([provider, provider === "sqlite" ? await withTriggers(sql) : sql]);
      else if (empty) diffs.push([provider, EMPTY]);
      else console.log(`${provider}: no changes, the migrations already produce schema.prisma.`);
    }
  } finally {
    await cluster?.stop();
  }

  for (const [provider] of diffs) {
    const taken = path.join(migrationsDir(provider), folder);
    if (existsSync(taken)) throw new CommandError(`${path.relative(ROOT, taken)} already exists.`);
  }
  for (const [provider, sql] of diffs) {
    const dir = migrationsDir(provider);
    const file = path.join(dir, folder, "migration.sql");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, sql);
    if (!existsSync(path.join(dir, LOCKFILE))) writeFileSync(path.join(dir, LOCKFILE), lockfileContent(provider));
    console.log(`${provider}: wrote ${path.relative(ROOT, file)}`);
  }
  if (diffs.length > 0) {
    console.log("Read the SQL (look for dropped tables and columns), then npm run db:generate && npm run db:migrate.");
  }
});

/** What `prisma migrate dev --create-only` writes when the schema did not change. */
const EMPTY = "-- This is an empty migration.\n";

/** SQLite's migration, with the triggers of any table it rebuilds made again (scripts/db/sqlite-triggers.ts). */
async function withTriggers(sql: string): Promise<string> {
  const kept = keepTriggers(sql, await triggersAfterMigrations(migrationsDir("sqlite")));
  for (const table of kept.tables) {
    console.log(`sqlite: the migration rebuilds "${table}": the triggers on it or naming it are dropped first and made again at its end (read them).`);
  }
  return kept.sql;
}

// ^C while the throwaway cluster runs: exit through process.exit so its "exit" handler stops it.
process.once("SIGINT", () => process.exit(130));
