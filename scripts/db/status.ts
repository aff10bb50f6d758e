// `npm run db:status`: which migrations the database has and lacks, and whether its tables still
// match prisma/<provider>/schema.prisma (drift: someone changed it by hand). Exits 1 when
// anything needs attention, so CI or a deploy script can stop on it. Changes nothing.
import { existsSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../../lib/env";
import { describeDatabase, diffDatabaseToSchema, runCommand, status } from "./engine";
import { ROOT, migrationsDir, schemaPath } from "./providers";

runCommand(async () => {
  const { database } = getEnv();
  const folder = path.relative(ROOT, migrationsDir(database.provider));
  const schema = path.relative(ROOT, schemaPath(database.provider));
  console.log(`Database: ${describeDatabase(database)} (${database.provider})`);

  if (database.provider === "sqlite" && !existsSync(database.file)) {
    // Opening the file would create it: report instead.
    console.log(`The database file does not exist yet; npm run db:migrate creates it.`);
    return 1;
  }

  const s = await status(database);
  const failed = new Set(s.failedMigrationNames);
  const edited = new Set(s.editedMigrationNames);
  const finished = new Map(s.applied.filter((row) => row.finishedAt && !row.rolledBackAt).map((row) => [row.name, row.finishedAt!]));

  console.log(`Migrations in ${folder}: ${s.migrations.length}`);
  for (const name of s.migrations) {
    if (failed.has(name)) console.log(`  FAILED   ${name} (fix the database, then mark it rolled back or applied)`);
    else if (!finished.has(name)) console.log(`  pending  ${name}`);
    else console.log(`  applied  ${name}  ${when(finished.get(name)!)}${edited.has(name) ? "  (edited since it was applied)" : ""}`);
  }
  const unknown = [...finished.keys()].filter((name) => !s.migrations.includes(name));
  for (const name of unknown) console.log(`  applied  ${name}  (not in ${folder}: applied from another branch?)`);

  const behind = s.migrations.filter((name) => !finished.has(name));
  if (failed.size > 0 || behind.length > 0) {
    console.log(
      behind.length > 0 && failed.size === 0
        ? `${behind.length} pending: npm run db:migrate applies ${behind.length === 1 ? "it" : "them"}; drift is checked once none are pending.`
        : "A failed migration blocks the rest; drift is checked once none are pending.",
    );
    return 1;
  }

  const drift = await diffDatabaseToSchema(database);
  if (drift.inSync) {
    console.log(`No drift: the database matches ${schema}.`);
    return edited.size > 0 || unknown.length > 0 ? 1 : 0;
  }
  console.log(`Drift: the database differs from ${schema}. This SQL would bring it back in line:\n`);
  console.log(drift.sql.trimEnd());
  return 1;
});

function when(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
