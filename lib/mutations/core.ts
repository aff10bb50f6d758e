// The write core: every change to a domain row (talk, party, envoy, issue, session, statement,
// source, assessment) goes through here, so none is lost, overwritten unseen or unattributable.
//
// - create / update / soft delete / undo delete / restore an earlier version, each writing its
//   Revision (who, when, before, after — snapshots that include the row's relation lists) in the
//   same transaction as the change;
// - an update, delete or restore names the version it was made from; if the row has moved on,
//   it is refused with a ConflictError carrying the row as it is now and who changed it last.
//
// How it stays atomic and safe on both providers (docs/decisions/005-writes-and-revisions.md):
// every write is ONE batch transaction (`$transaction([...])`, ids made in advance), never an
// interactive one. @prisma/adapter-better-sqlite3 holds a single connection behind a mutex that
// a failed BEGIN never releases (docs/notes/prisma-offline.md), and an interactive transaction that
// awaits between statements would also let every other query of the process run inside it. A
// batch has no application code between its statements, and each batch starts with an INSERT,
// so SQLite takes its write lock up front (waiting out the busy timeout) instead of failing a
// read-to-write upgrade with SQLITE_BUSY_SNAPSHOT.
//
// A batch cannot branch on an earlier statement's result, so the version check cannot be an
// `if` inside it. The guard is the Revision row itself: `@@unique([entityType, entityId,
// version])`. Of two saves made from version n, both try to record "version n+1"; the index lets
// only one commit (PostgreSQL makes the second wait for the first and then fails it; SQLite runs
// them one after the other), and the loser's whole batch rolls back. The row update also matches
// `version = n`, a second guard. Before the batch, a read compares versions so the usual case of
// a stale form is refused without writing anything, with the current row to show.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { ConflictError, MutationError, NotFoundError, type ChangeInfo, type EntityStore, type Op, type RowState } from "../entities/store";
import type { EntityType, Snapshot } from "../entities/types";

export { ConfirmableError, ConflictError, MutationError, NotFoundError } from "../entities/store";
export type { ChangeInfo, EntityStore, Op, RowState } from "../entities/store";

/** Who makes a change: a signed-in editor, or a command run on the server (id null). */
export type Actor = { id: string | null; name: string };

/** Several changes committed together (e.g. a new source and the statement that cites it). */
export type Plan = {
  ops: Op[];
  /** Rows whose version this plan moves: re-read to explain a failed commit. */
  guards: { store: EntityStore<Snapshot>; id: string; expected: number }[];
};

type RevisionData = {
  entityType: EntityType;
  entityId: string;
  talkId: string | null;
  action: "create" | "update" | "delete" | "restore";
  version: number;
  note?: string;
  before: Snapshot | null;
  after: Snapshot | null;
  actor: Actor;
};

function revisionOp(db: Db, r: RevisionData): Op {
  return db.revision.create({
    data: {
      id: randomUUID(),
      entityType: r.entityType,
      entityId: r.entityId,
      talkId: r.talkId,
      action: r.action,
      version: r.version,
      note: r.note ?? null,
      userId: r.actor.id,
      actorName: r.actor.name,
      before: r.before === null ? undefined : (r.before as Prisma.InputJsonValue),
      after: r.after === null ? undefined : (r.after as Prisma.InputJsonValue),
    },
    select: { id: true },
  });
}

/** The latest revision of a row (the change that produced its current version, normally). */
export async function lastChangeOf(db: Db, type: EntityType, id: string): Promise<ChangeInfo | null> {
  const r = await db.revision.findFirst({
    where: { entityType: type, entityId: id },
    orderBy: [{ at: "desc" }, { version: { sort: "desc", nulls: "last" } }],
    select: { actorName: true, userId: true, at: true, action: true, version: true },
  });
  return r;
}

async function readLive<S extends Snapshot>(db: Db, store: EntityStore<S>, id: string): Promise<RowState<S>> {
  const row = await store.read(db, id);
  if (!row) throw new NotFoundError(`There is no such ${store.type} (it may have been removed).`);
  return row;
}

async function checkVersion<S extends Snapshot>(db: Db, store: EntityStore<S>, row: RowState<S>, expected: number) {
  if (row.version !== expected) throw new ConflictError(row, await lastChangeOf(db, store.type, row.id));
}

/** Plans the creation of a row (version 1) and its "create" revision. */
export async function planCreate<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  input: { id?: string; snapshot: S; actor: Actor; note?: string; talkId?: string | null },
): Promise<Plan & { id: string }> {
  const id = input.id ?? randomUUID();
  const ops = [
    revisionOp(db, {
      entityType: store.type,
      entityId: id,
      talkId: input.talkId !== undefined ? input.talkId : store.talkIdOf(input.snapshot, id),
      action: "create",
      version: 1,
      note: input.note,
      before: null,
      after: input.snapshot,
      actor: input.actor,
    }),
    ...(await store.create(db, id, input.snapshot)),
  ];
  return { id, ops, guards: [] };
}

/**
 * Plans an update from `expectedVersion` to the given content. Refuses (ConflictError) when the
 * row is at another version or deleted. When nothing would change, the plan is empty and the
 * version stays.
 */
export async function planUpdate<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  id: string,
  input: { expectedVersion: number; snapshot: S; actor: Actor; action?: "update" | "restore"; note?: string },
): Promise<Plan & { version: number; changed: boolean; before: S }> {
  const row = await readLive(db, store, id);
  await checkVersion(db, store, row, input.expectedVersion);
  if (row.deletedAt) throw new ConflictError(row, await lastChangeOf(db, store.type, id));
  if (sameSnapshot(row.snapshot, input.snapshot)) return { ops: [], guards: [], version: row.version, changed: false, before: row.snapshot };
  const versions = { expected: row.version, next: row.version + 1 };
  const ops = [
    revisionOp(db, {
      entityType: store.type,
      entityId: id,
      talkId: store.talkIdOf(input.snapshot, id) ?? row.talkId,
      action: input.action ?? "update",
      version: versions.next,
      note: input.note,
      before: row.snapshot,
      after: input.snapshot,
      actor: input.actor,
    }),
    ...(await store.write(db, id, input.snapshot, versions)),
  ];
  return { ops, guards: [{ store, id, expected: row.version }], version: versions.next, changed: true, before: row.snapshot };
}

/**
 * Runs plans as one batch transaction. If another save got in first (the revision's unique
 * version, or the row's version match, refuses it), nothing is written and the ConflictError of
 * the row that moved is thrown.
 */
export async function commit(db: Db, plans: Plan[]): Promise<void> {
  const ops = plans.flatMap((p) => p.ops);
  if (ops.length === 0) return;
  try {
    await db.$transaction(ops);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "P2002" || code === "P2025") {
      for (const guard of plans.flatMap((p) => p.guards)) {
        const row = await guard.store.read(db, guard.id);
        if (!row) throw new NotFoundError(`There is no such ${guard.store.type} (it may have been removed).`);
        if (row.version !== guard.expected) throw new ConflictError(row, await lastChangeOf(db, guard.store.type, guard.id));
      }
    }
    throw error;
  }
}

export async function createRow<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  input: { id?: string; snapshot: S; actor: Actor; note?: string },
): Promise<{ id: string; version: 1 }> {
  const plan = await planCreate(db, store, input);
  await commit(db, [plan]);
  return { id: plan.id, version: 1 };
}

export async function updateRow<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  id: string,
  input: { expectedVersion: number; snapshot: S; actor: Actor },
): Promise<{ version: number; changed: boolean }> {
  const plan = await planUpdate(db, store, id, input);
  await commit(db, [plan]);
  return { version: plan.version, changed: plan.changed };
}

/**
 * Soft delete: the row stays, hidden (deletedAt), and can be brought back with undoDelete.
 * `check` may refuse (throw MutationError) after the version check, e.g. a session that still
 * holds statements.
 */
export async function deleteRow<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  id: string,
  input: { expectedVersion: number; actor: Actor; check?: (row: RowState<S>) => Promise<void> },
): Promise<{ version: number; row: RowState<S> }> {
  const row = await readLive(db, store, id);
  await checkVersion(db, store, row, input.expectedVersion);
  if (row.deletedAt) throw new ConflictError(row, await lastChangeOf(db, store.type, id));
  await input.check?.(row);
  const versions = { expected: row.version, next: row.version + 1 };
  await commit(db, [
    {
      ops: [
        revisionOp(db, {
          entityType: store.type,
          entityId: id,
          talkId: row.talkId,
          action: "delete",
          version: versions.next,
          before: row.snapshot,
          after: null,
          actor: input.actor,
        }),
        store.setDeleted(db, id, new Date(), versions),
      ],
      guards: [{ store, id, expected: row.version }],
    },
  ]);
  return { version: versions.next, row };
}

/** Brings back a soft-deleted row as it was; refused if it is not deleted or has moved on. */
export async function undoDelete<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  id: string,
  input: { expectedVersion: number; actor: Actor },
): Promise<{ version: number; row: RowState<S> }> {
  const row = await readLive(db, store, id);
  await checkVersion(db, store, row, input.expectedVersion);
  if (!row.deletedAt) throw new MutationError(`This ${store.type} is not deleted.`);
  const versions = { expected: row.version, next: row.version + 1 };
  await commit(db, [
    {
      ops: [
        revisionOp(db, {
          entityType: store.type,
          entityId: id,
          talkId: row.talkId,
          action: "restore",
          version: versions.next,
          note: "Undid the deletion.",
          before: null,
          after: row.snapshot,
          actor: input.actor,
        }),
        store.setDeleted(db, id, null, versions),
      ],
      guards: [{ store, id, expected: row.version }],
    },
  ]);
  return { version: versions.next, row };
}

/**
 * Brings back a soft-deleted row with new content (e.g. an assessment of the same issue and day
 * made again after its deletion, where a unique index allows one row): one "restore" revision.
 */
export async function planRevive<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  id: string,
  input: { expectedVersion: number; snapshot: S; actor: Actor; note: string },
): Promise<Plan & { version: number }> {
  const row = await readLive(db, store, id);
  await checkVersion(db, store, row, input.expectedVersion);
  if (!row.deletedAt) throw new MutationError(`This ${store.type} is not deleted.`);
  const versions = { expected: row.version, next: row.version + 1 };
  return {
    ops: [
      revisionOp(db, {
        entityType: store.type,
        entityId: id,
        talkId: store.talkIdOf(input.snapshot, id) ?? row.talkId,
        action: "restore",
        version: versions.next,
        note: input.note,
        before: row.snapshot,
        after: input.snapshot,
        actor: input.actor,
      }),
      ...(await store.write(db, id, input.snapshot, versions)),
      store.setDeleted(db, id, null, { expected: versions.next, next: versions.next }),
    ],
    guards: [{ store, id, expected: row.version }],
    version: versions.next,
  };
}

/**
 * The content a row had at a version, as its revisions recorded it: the "after" of the change
 * that produced it, or the "before" of the change that followed it (which is how the content
 * loaded by the seed, recorded before versions were, can be restored). Null when not recorded.
 */
export async function snapshotAt<S extends Snapshot>(db: Db, store: EntityStore<S>, id: string, version: number): Promise<S | null> {
  const [made, next] = await Promise.all([
    db.revision.findUnique({
      where: { entityType_entityId_version: { entityType: store.type, entityId: id, version } },
      select: { after: true, action: true },
    }),
    db.revision.findUnique({
      where: { entityType_entityId_version: { entityType: store.type, entityId: id, version: version + 1 } },
      select: { before: true },
    }),
  ]);
  const candidate = (made && made.action !== "delete" ? made.after : null) ?? next?.before ?? null;
  return candidate && typeof candidate === "object" && !Array.isArray(candidate) ? (candidate as S) : null;
}

/** Gives a live row the content it had at `version`, as a new version with a "restore" revision. */
export async function restoreVersion<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  id: string,
  input: { version: number; expectedVersion: number; actor: Actor },
): Promise<{ version: number; changed: boolean }> {
  const snapshot = await snapshotAt(db, store, id, input.version);
  if (!snapshot) throw new MutationError(`Version ${input.version} of this ${store.type} was not recorded in full, so it cannot be restored.`);
  const plan = await planUpdate(db, store, id, {
    expectedVersion: input.expectedVersion,
    snapshot,
    actor: input.actor,
    action: "restore",
    note: `Restored version ${input.version}.`,
  });
  await commit(db, [plan]);
  return { version: plan.version, changed: plan.changed };
}

/** Equal content, compared as JSON (snapshots are plain JSON with lists in a fixed order). */
export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}


/**
 * Saves new content over `expectedVersion`, with other plans (e.g. a source the row now cites)
 * committed in the same transaction when anything changed. A refusal as stale carries what this
 * save would have written (`attempted`), for the form to show beside the current row.
 */
export async function saveUpdate<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  id: string,
  input: { expectedVersion: number; snapshot: S; actor: Actor; alongside?: Plan[] },
): Promise<{ version: number; changed: boolean }> {
  try {
    const plan = await planUpdate(db, store, id, input);
    await commit(db, plan.changed ? [...(input.alongside ?? []), plan] : []);
    return { version: plan.version, changed: plan.changed };
  } catch (error) {
    if (error instanceof ConflictError) {
      const conflict = error as ConflictError<S>;
      // The same save arriving again (a retry after its answer was lost): it is already there.
      if (isOwnRepeat(conflict, input.snapshot, input.actor)) return { version: conflict.current.version, changed: false };
      conflict.attempted = input.snapshot;
    }
    throw error;
  }
}

/** A refused save whose content is what the row now holds, put there last by the same editor. */
function isOwnRepeat<S extends Snapshot>(conflict: ConflictError<S>, snapshot: S, actor: Actor): boolean {
  const last = conflict.lastChange;
  if (!last || conflict.current.deletedAt || !sameSnapshot(conflict.current.snapshot, snapshot)) return false;
  return last.userId === actor.id && (actor.id !== null || last.actorName === actor.name);
}

/**
 * Creates a row whose address (slug) must be free: refused with `taken` when a row has it, also
 * when another save takes it in the same moment (the unique index refuses the second).
 */
export async function createAt<S extends Snapshot>(
  db: Db,
  store: EntityStore<S>,
  input: { snapshot: S; actor: Actor; exists: boolean; taken: () => MutationError },
): Promise<{ id: string; version: 1 }> {
  if (input.exists) throw input.taken();
  try {
    return await createRow(db, store, input);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw input.taken();
    throw error;
  }
}
