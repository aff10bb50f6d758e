// The one database client. DATABASE_URL picks the provider: `file:` → SQLite through
// better-sqlite3, `postgresql://` → PostgreSQL through pg. Both clients are generated from the
// same models (prisma/schema.base.prisma), so they answer the same calls; `Db` is those calls,
// typed once, and the compiler checks below that each client answers them
// (docs/decisions/010-one-db-type.md).
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type * as runtime from "@prisma/client/runtime/client";
import { PrismaClient as SqliteClient, type Prisma as SqlitePrisma } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient, type Prisma as PostgresPrisma } from "./generated/postgresql/client";
import { getEnv, type DatabaseConfig } from "./env";
import { groupCommits } from "./write-gate";

/** The model delegates, by property name (`talk`, `session`, …); the same list in both clients. */
type ModelProp = SqlitePrisma.TypeMap["meta"]["modelProps"];

/**
 * What the app asks of a database: the model delegates, raw SQL and batch transactions. Written
 * in the SQLite client's types, the stricter of the two (no `mode: "insensitive"`, which SQLite
 * refuses). Only the batch form of `$transaction`: every write is one batch, never an interactive
 * transaction (docs/decisions/005-writes-and-revisions.md).
 */
export type Db = Pick<SqliteClient, ModelProp | "$queryRaw" | "$queryRawUnsafe" | "$executeRaw" | "$executeRawUnsafe" | "$disconnect"> & {
  $transaction<P extends SqlitePrisma.PrismaPromise<unknown>[]>(
    ops: [...P],
    options?: { maxWait?: number; timeout?: number },
  ): Promise<runtime.Types.Utils.UnwrapTuple<P>>;
};

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
    // Write transactions queued together commit together, in this worker's turn at the lock
    // (lib/write-gate.ts). A call with options (a time limit) commits alone, as asked.
    const transaction = client.$transaction.bind(client);
    const grouped = groupCommits((ops) => transaction(ops as SqlitePrisma.PrismaPromise<unknown>[]));
    const $transaction = ((ops, options) => (options ? transaction(ops, options) : grouped(ops))) as Db["$transaction"];
    return Object.assign(client, { $transaction }) satisfies Db;
  }
  const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: config.url }) });
  postgresClients.add(client);
  return postgresAsDb(client);
}

// Two delegate methods, `aggregate` and `groupBy`, return conditional types over each client's
// own declarations (GetScalarType, Get…AggregateType), which TypeScript cannot relate across two
// generated files even when they are the same text. Everything else the PostgreSQL client is
// checked to answer as `Db` says; for those two, `SameArgsAndResults` below checks, model by
// model, that SQLite's arguments are valid PostgreSQL arguments and that PostgreSQL's results are
// SQLite's results. Only then is the client taken as a `Db`: a narrowing from `Checked`, not a
// cast from `unknown`.
type Unrelatable = "aggregate" | "groupBy";
// Each delegate's methods by name; its symbol-keyed member is type metadata for Prisma's
// extensions, absent at run time and unused here.
type Checked = Omit<Db, ModelProp> & { [K in ModelProp]: Pick<Db[K], Exclude<keyof Db[K] & string, Unrelatable>> };

function postgresAsDb(client: PostgresClient): Db {
  const checked: Checked = client;
  return checked as Db;
}

type SqliteModels = SqlitePrisma.TypeMap["model"];
type PostgresModels = PostgresPrisma.TypeMap["model"];
type SameArgsAndResults = {
  [M in keyof SqliteModels]: {
    [Op in Unrelatable]: [SqliteModels[M]["operations"][Op]["args"]] extends [PostgresModels[M]["operations"][Op]["args"]]
      ? [PostgresModels[M]["operations"][Op]["result"]] extends [SqliteModels[M]["operations"][Op]["result"]]
        ? true
        : `${M}.${Op}: PostgreSQL's result differs`
      : `${M}.${Op}: PostgreSQL refuses SQLite's arguments`;
  }[Unrelatable];
}[keyof SqliteModels];
true satisfies SameArgsAndResults;
// The same model list on both sides, so the check above covers every PostgreSQL model too.
({}) as Record<keyof PostgresModels, true> satisfies Record<keyof SqliteModels, true>;
({}) as Record<keyof SqliteModels, true> satisfies Record<keyof PostgresModels, true>;

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
