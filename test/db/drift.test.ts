// The migrations produce exactly the schema, on both databases, and are recorded the way Prisma
// records them, so the real Prisma CLI would agree with us. Also proves the checks can fail.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyMigrations,
  diffDatabaseToSchema,
  diffMigrationsToSchema,
  type DatabaseConfig,
} from "../../scripts/db/engine";
import { PROVIDERS, ROOT, type Provider, migrationsDir, renderSchema, schemaPath } from "../../scripts/db/providers";
import { createDatabase, startPostgres, type PostgresCluster } from "../support/postgres";

const IN_SYNC = { inSync: true, sql: "" };

/** What `_prisma_migrations` must hold after a deploy: one finished row per folder. */
function expectedRows(provider: Provider) {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      migration_name: name,
      checksum: createHash("sha256").update(readFileSync(path.join(dir, name, "migration.sql"))).digest("hex"),
      finished: true,
      rolled_back: false,
      applied_steps_count: 1,
    }));
}

const ROWS_SQL = `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished,
  rolled_back_at IS NOT NULL AS rolled_back, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`;

/** The provider's schema plus one model no migration creates. */
const schemaWithExtraModel = (provider: Provider) =>
  `${readFileSync(schemaPath(provider), "utf8")}\nmodel DriftProbe {\n  id String @id\n}\n`;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "parley-drift-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("generated schemas", () => {
  it.each(PROVIDERS)("prisma/%s/schema.prisma is what npm run db:schemas writes", (provider) => {
    const base = readFileSync(path.join(ROOT, "prisma/schema.base.prisma"), "utf8");
    expect(readFileSync(schemaPath(provider), "utf8")).toBe(renderSchema(base, provider));
  });

  it.each(PROVIDERS)("prisma/%s/migrations has at least one migration and its lock file", (provider) => {
    expect(readFileSync(path.join(migrationsDir(provider), "migration_lock.toml"), "utf8")).toContain(
      `provider = "${provider}"`,
    );
    expect(expectedRows(provider).length).toBeGreaterThan(0);
  });
});

describe("SQLite", { timeout: 60_000 }, () => {
  const file = () => path.join(tmp, "sqlite", "parley.db");
  const config = (): DatabaseConfig => ({ provider: "sqlite", url: `file:${file()}`, file: file() });

  it("replaying the migrations produces schema.prisma exactly", async () => {
    expect(await diffMigrationsToSchema("sqlite")).toEqual(IN_SYNC);
  });

  it("a fresh database gets every migration, recorded like prisma migrate deploy, once", async () => {
    mkdirSync(path.dirname(file()), { recursive: true });
    const rows = expectedRows("sqlite");
    expect(await applyMigrations(config())).toEqual(rows.map((r) => r.migration_name));
    expect(await diffDatabaseToSchema(config())).toEqual(IN_SYNC);

    // Open with a zero busy timeout: a connection the engine kept would lock us out here.
    const db = new Database(file(), { timeout: 0 });
    try {
      const recorded = db.prepare(ROWS_SQL).all() as Record<string, unknown>[];
      expect(recorded.map((r) => ({ ...r, finished: r.finished === 1, rolled_back: r.rolled_back === 1 }))).toEqual(rows);
      db.exec(`CREATE TABLE "Scratch" (id INTEGER)`);
      db.exec(`DROP TABLE "Scratch"`);
    } finally {
      db.close();
    }

    expect(await applyMigrations(config())).toEqual([]);
    expect(await diffDatabaseToSchema(config())).toEqual(IN_SYNC);
  });

  it("the drift checks fail when migrations or database differ from the schema", async () => {
    const missing = await diffMigrationsToSchema("sqlite", { schema: schemaWithExtraModel("sqlite") });
    expect(missing.inSync).toBe(false);
    expect(missing.sql).toContain(`CREATE TABLE "DriftProbe"`);

    expect(existsSync(file())).toBe(true);
    const db = new Database(file());
    db.exec(`ALTER TABLE "Talk" ADD COLUMN "handMade" TEXT`);
    db.close();
    const drift = await diffDatabaseToSchema(config());
    expect(drift.inSync).toBe(false);
    expect(drift.sql).toContain(`"Talk"`);
  });
});

describe("PostgreSQL", { timeout: 60_000 }, () => {
  let cluster: PostgresCluster;
  let config: DatabaseConfig;
  const query = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Record<string, unknown>[];
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    cluster = await startPostgres();
    config = { provider: "postgresql", url: await createDatabase(cluster, "parley") };
  }, 120_000);
  afterAll(() => cluster?.stop());

  it("replaying the migrations produces schema.prisma exactly, on a scratch database only", async () => {
    expect(await diffMigrationsToSchema("postgresql", { serverUrl: cluster.url })).toEqual(IN_SYNC);
    // The replay must neither leave its scratch database behind nor touch the server's own one.
    expect(await query(cluster.url, `SELECT datname FROM pg_database WHERE datname LIKE 'parley_shadow_%'`)).toEqual([]);
    expect(await query(cluster.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
  });

  it("a fresh database gets every migration, recorded like prisma migrate deploy, once", async () => {
    const rows = expectedRows("postgresql");
    expect(await applyMigrations(config)).toEqual(rows.map((r) => r.migration_name));
    expect(await diffDatabaseToSchema(config)).toEqual(IN_SYNC);
    expect(await query(config.url, ROWS_SQL)).toEqual(rows);

    expect(await applyMigrations(config)).toEqual([]);
    expect(await diffDatabaseToSchema(config)).toEqual(IN_SYNC);
  });

  it("a migration runs whole: $$ bodies work, and a failing one leaves nothing half-done", async () => {
    const dir = path.join(tmp, "pg-migrations");
    cpSync(migrationsDir("postgresql"), dir, { recursive: true });
    const add = (name: string, sql: string) => {
      mkdirSync(path.join(dir, name));
      writeFileSync(path.join(dir, name, "migration.sql"), sql);
    };
    add("99990101000000_function", `CREATE FUNCTION parley_one() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;`);
    add("99990102000000_broken", `CREATE TABLE "HalfDone" (id int);\nSELECT no_such_function();`);
    const scratch: DatabaseConfig = { provider: "postgresql", url: await createDatabase(cluster) };

    await expect(applyMigrations(scratch, { dir })).rejects.toThrow(/no_such_function/);
    expect(await query(scratch.url, `SELECT parley_one() AS one`)).toEqual([{ one: 1 }]);
    expect(await query(scratch.url, `SELECT to_regclass('"HalfDone"') AS t`)).toEqual([{ t: null }]);
    // Recorded as failed, which blocks every later deploy until someone resolves it.
    await expect(applyMigrations(scratch, { dir })).rejects.toThrow(/failed/);
  });

  it("the drift checks fail when migrations or database differ from the schema", async () => {
    const missing = await diffMigrationsToSchema("postgresql", {
      serverUrl: cluster.url,
      schema: schemaWithExtraModel("postgresql"),
    });
    expect(missing.inSync).toBe(false);
    expect(missing.sql).toContain(`CREATE TABLE "DriftProbe"`);

    await query(config.url, `ALTER TABLE "Talk" ADD COLUMN "handMade" text`);
    const drift = await diffDatabaseToSchema(config);
    expect(drift.inSync).toBe(false);
    expect(drift.sql).toContain(`DROP COLUMN "handMade"`);
  });
});
