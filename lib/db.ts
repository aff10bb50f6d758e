// The one database client. DATABASE_URL picks the provider: `file:` → SQLite through
// better-sqlite3, `postgresql://` → PostgreSQL through pg. Both clients are generated from the
// same models (prisma/schema.base.prisma), so they answer the same calls; TypeScript only sees
// them as different types, hence the single cast below.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { getEnv, type DatabaseConfig } from "./env";

export type Db = SqliteClient;

/** How long a writer waits for SQLite's lock before giving up (measured: 0 failures at 5 s). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export async function createDb(config: DatabaseConfig = getEnv().database): Promise<Db> {
  if (config.provider === "sqlite") {
    const client = new SqliteClient({
      adapter: new PrismaBetterSqlite3({ url: config.file, timeout: SQLITE_BUSY_TIMEOUT_MS }),
    });
    // WAL lets readers run beside a writer; synchronous=FULL makes an acknowledged save survive
    // power loss; foreign keys are off by default in SQLite. The adapter holds one connection,
    // so these per-connection settings hold for every later query.
    await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await client.$queryRawUnsafe("PRAGMA synchronous = FULL");
    await client.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    return client;
  }
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: config.url }) });
  postgresClients.add(client);
  return client as unknown as Db;
}

const postgresClients = new WeakSet<object>();

/** Whether a client talks to PostgreSQL (for the few statements the two providers write differently). */
export function isPostgres(db: Db): boolean {
  return postgresClients.has(db);
}

const globalForDb = globalThis as unknown as { parleyDb?: Promise<Db> };

/** The process-wide client, cached on globalThis so dev reloads do not open new connections. */
export function getDb(): Promise<Db> {
  globalForDb.parleyDb ??= createDb().catch((error: unknown) => {
    globalForDb.parleyDb = undefined;
    throw error;
  });
  return globalForDb.parleyDb;
}
