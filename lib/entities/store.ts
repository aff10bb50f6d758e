// How the write core (lib/mutations/core.ts) reads a kind of row into a snapshot and writes one
// back: each kind's descriptor (lib/entities/<kind>.ts) builds its store with defineStore from
// what differs (its columns, its relation lists, how slugs become ids); reading by id, versions
// and the soft delete are written once, here. Also the refusals a store or the core raises.
// No database import at run time: a store is handed the client.
import type { Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type { EntityType, Snapshot } from "./types";

/** One operation of a batch transaction. */
export type Op = Prisma.PrismaPromise<unknown>;

/** A domain row as the core sees it. */
export type RowState<S extends Snapshot> = {
  id: string;
  version: number;
  deletedAt: Date | null;
  talkId: string | null;
  snapshot: S;
};

/** The last recorded change of a row: shown when a save is refused as stale. */
export type ChangeInfo = { actorName: string; userId: string | null; at: Date; action: string; version: number | null };

/** How to read and write one kind of row. */
export interface EntityStore<S extends Snapshot> {
  readonly type: EntityType;
  /** The row with its relation lists, deleted or not; null when there is no such row. */
  read(db: Db, id: string): Promise<RowState<S> | null>;
  /** The talk a revision of this row belongs to (for the talk's history page). */
  talkIdOf(snapshot: S, id: string): string | null;
  /** Operations that insert the row (version 1) with this content. */
  create(db: Db, id: string, snapshot: S): Promise<Op[]>;
  /**
   * Operations that give the row this content and version `next`. The row update must match
   * `version: expected`. Throws MutationError when the content refers to something gone.
   */
  write(db: Db, id: string, snapshot: S, versions: Versions): Promise<Op[]>;
  /** The operation that sets or clears deletedAt and moves the version from expected to next. */
  setDeleted(db: Db, id: string, deletedAt: Date | null, versions: Versions): Op;
}

export type Versions = { expected: number; next: number };

/** A refusal by a rule, with a sentence for people and, where it concerns one, the form field. */
export class MutationError extends Error {
  override name = "MutationError";
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/**
 * Not a refusal but a warning the editor may confirm ("Save anyway"): the same save, sent again
 * with `confirmOutside: true`, is made. Nothing was written.
 */
export class ConfirmableError extends MutationError {
  override name = "ConfirmableError";
}

export { CONFIRM_FIELD } from "./fields";

export class NotFoundError extends MutationError {
  override name = "NotFoundError";
}

/** The row changed since the version the caller started from. Carries the row as it is now. */
export class ConflictError<S extends Snapshot = Snapshot> extends MutationError {
  override name = "ConflictError";
  /** What the refused save would have written, when the caller attaches it (to show side by side). */
  attempted?: S;
  constructor(
    readonly current: RowState<S>,
    readonly lastChange: ChangeInfo | null,
  ) {
    const who = lastChange ? ` by ${lastChange.actorName}` : "";
    super(current.deletedAt ? `This was deleted${who} since you opened it.` : `This was changed${who} since you opened it.`);
  }
}

type Columns = Record<string, unknown>;

/**
 * The three calls a store makes on a model. Prisma's delegates are generic per model, so they
 * are reached through this one loose shape (defineStore builds every argument from its own
 * kind's select and columns); `never` parameters accept any delegate without a cast per kind.
 */
type ModelCalls = {
  findUnique(args: never): PromiseLike<unknown>;
  create(args: never): Op;
  update(args: never): Op;
};
type Called = {
  findUnique(args: { where: { id: string }; select: Columns }): PromiseLike<Columns | null>;
  create(args: { data: Columns; select: { id: true } }): Op;
  update(args: { where: { id: string; version: number }; data: Columns; select: { id: true } }): Op;
};

/** The relation lists written beside a row (a statement's issues and sources…), replaced on every write. */
export type Links<S> = {
  clear(db: Db, id: string): Op[];
  add(db: Db, id: string, snapshot: S): Promise<Op[]>;
};

export function defineStore<S extends Snapshot, R>(spec: {
  type: EntityType;
  model(db: Db): ModelCalls;
  /** What to read of the row (id, version and deletedAt are added). */
  select: Columns;
  snapshotOf(row: R): S;
  talkIdOf: (snapshot: S, id: string) => string | null;
  /** The columns a save writes, foreign slugs resolved to ids (a refusal names the field). */
  columns(db: Db, snapshot: S): Columns | Promise<Columns>;
  /** Columns set once, at creation: a slug, the talk. */
  fixed?(snapshot: S): Columns;
  links?: Links<S>;
}): EntityStore<S> {
  const model = (db: Db) => spec.model(db) as unknown as Called;
  return {
    type: spec.type,
    async read(db, id) {
      const row = await model(db).findUnique({ where: { id }, select: { ...spec.select, id: true, version: true, deletedAt: true } });
      if (!row) return null;
      const snapshot = spec.snapshotOf(row as R);
      return { id, version: row.version as number, deletedAt: row.deletedAt as Date | null, talkId: spec.talkIdOf(snapshot, id), snapshot };
    },
    talkIdOf: spec.talkIdOf,
    async create(db, id, snapshot) {
      const [columns, links] = await Promise.all([spec.columns(db, snapshot), spec.links?.add(db, id, snapshot) ?? []]);
      return [model(db).create({ data: { id, ...spec.fixed?.(snapshot), ...columns }, select: { id: true } }), ...links];
    },
    async write(db, id, snapshot, { expected, next }) {
      const [columns, links] = await Promise.all([spec.columns(db, snapshot), spec.links?.add(db, id, snapshot) ?? []]);
      return [
        model(db).update({ where: { id, version: expected }, data: { ...columns, version: next }, select: { id: true } }),
        ...(spec.links?.clear(db, id) ?? []),
        ...links,
      ];
    },
    setDeleted: (db, id, deletedAt, { expected, next }) => model(db).update({ where: { id, version: expected }, data: { deletedAt, version: next }, select: { id: true } }),
  };
}

/** The two calls made on a join table, reached loosely as the models are (see ModelCalls). */
type JoinTable = { deleteMany(args: never): Op; createMany(args: never): Op };
type JoinCalled = { deleteMany: (args: { where: Columns }) => Op; createMany: (args: { data: Columns[] }) => Op };

/**
 * A row's issue and source lists, kept in its two join tables (a session's or a statement's):
 * replaced on every write, issue slugs resolved to ids. Source ids are checked before the save
 * (checkSources, lib/mutations/talk-rows.ts), not here: a source typed into the form is created
 * in the same batch, and a restored version keeps its own.
 */
export function issueAndSourceLinks<S extends { issues: string[]; sources: string[] }>(tables: {
  key: string;
  issues(db: Db): JoinTable;
  sources(db: Db): JoinTable;
}): Links<S> {
  const issues = (db: Db) => tables.issues(db) as unknown as JoinCalled;
  const sources = (db: Db) => tables.sources(db) as unknown as JoinCalled;
  return {
    clear: (db, id) => [issues(db).deleteMany({ where: { [tables.key]: id } }), sources(db).deleteMany({ where: { [tables.key]: id } })],
    add: async (db, id, s) => {
      const ids = await issueIds(db, s.issues);
      return [
        issues(db).createMany({ data: ids.map((issueId) => ({ [tables.key]: id, issueId })) }),
        sources(db).createMany({ data: s.sources.map((sourceId) => ({ [tables.key]: id, sourceId })) }),
      ];
    },
  };
}

/** Ids of named things by slug, in the order given; a slug that no longer exists is refused. */
async function idsOf(find: (slugs: string[]) => Promise<{ id: string; slug: string }[]>, slugs: string[], what: string, field: string): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await find([...new Set(slugs)]);
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const missing = slugs.filter((s) => !bySlug.has(s));
  if (missing.length) throw new MutationError(`No such ${what}: ${missing.join(", ")}.`, field);
  return slugs.map((s) => bySlug.get(s)!);
}

const bySlug = { select: { id: true, slug: true } } as const;

export const issueIds = (db: Db, slugs: string[]) => idsOf((s) => db.issue.findMany({ where: { slug: { in: s } }, ...bySlug }), slugs, "issue", "issues");
export const partyIds = (db: Db, slugs: string[], field = "party") => idsOf((s) => db.party.findMany({ where: { slug: { in: s } }, ...bySlug }), slugs, "party", field);
export const envoyIds = (db: Db, slugs: string[], field = "envoy") => idsOf((s) => db.envoy.findMany({ where: { slug: { in: s } }, ...bySlug }), slugs, "envoy", field);

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
export const dateOf = (s: string | null) => (s ? new Date(s) : null);
export const sorted = (xs: string[]) => [...xs].sort();
