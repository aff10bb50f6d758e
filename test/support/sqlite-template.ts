// Database tests start from a copy of one migrated SQLite file instead of migrating their own:
// the schema engine is WebAssembly and replaying the migrations costs each test file a second or
// more. The template is made once, by vitest's globalSetup (test/support/global-setup.ts), and
// kept under the temp directory, named by a hash of the migrations: a new or changed migration
// makes a new template, so a stale one is never copied. The tests about migrating itself
// (test/db/drift.test.ts, test/db/migrate-busy.test.ts) still migrate for real.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MIGRATIONS = path.join(ROOT, "prisma/sqlite/migrations");
const TEMPLATES = path.join(tmpdir(), "parley-test-templates");

export type SqliteConfig = { provider: "sqlite"; url: string; file: string };

/** A hash of every file under prisma/sqlite/migrations, names and contents. */
function migrationsHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${path.relative(MIGRATIONS, full)}\0`).update(readFileSync(full)).update("\0");
    }
  };
  walk(MIGRATIONS);
  return hash.digest("hex").slice(0, 16);
}

/** The migrated template's path, made now if this set of migrations has none yet. */
export async function sqliteTemplate(): Promise<string> {
  const template = path.join(TEMPLATES, `sqlite-${migrationsHash()}.db`);
  if (existsSync(template)) return template;
  mkdirSync(TEMPLATES, { recursive: true });
  // Migrated under a name of its own and renamed into place whole, so that a process racing this
  // one (a test file run outside vitest's globalSetup) never copies a half-made template.
  const dir = mkdtempSync(path.join(TEMPLATES, "making-"));
  const file = path.join(dir, "template.db");
  try {
    // Loaded only here: most runs find the template and never start the schema engine.
    const { applyMigrations } = await import("../../scripts/db/engine");
    await applyMigrations({ provider: "sqlite", url: `file:${file}`, file });
    renameSync(file, template);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return template;
}

/** A fresh, migrated, empty SQLite database of the caller's own, in a new temp directory. */
export async function migratedSqlite(name: string): Promise<SqliteConfig> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), `parley-${name}-`)), `${name}.db`);
  copyFileSync(await sqliteTemplate(), file);
  return { provider: "sqlite", url: `file:${file}`, file };
}
