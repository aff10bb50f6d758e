// Parties, envoys, issues and sources, shared by all talks, written from their descriptors
// (lib/entities/catalog.ts). A slug (a source's key), once made, does not change (revisions and
// documents refer to them by it). Deleting one that live records still use is refused.
import "server-only";
import type { Db } from "../db";
import type { CatalogEntity, CatalogType } from "../entities/catalog";
import { envoy } from "../entities/envoy";
import { issue } from "../entities/issue";
import { party } from "../entities/party";
import { series } from "../entities/series";
import { source } from "../entities/source";
import type { Snapshot } from "../entities/types";
import { MutationError, createAt, deleteRow, restoreVersion, saveUpdate, undoDelete, type Actor } from "./core";

export type { CatalogType } from "../entities/catalog";

export const CATALOG = { party, envoy, issue, source, series } as const;

type Refs = { id: string; version: number };

/** Seen through the common shape, for the calls that take only a type. */
const entityOf = (type: CatalogType) => CATALOG[type] as unknown as CatalogEntity;

/** Adds a record at a free address. */
export async function createCatalogRow<S extends Snapshot, C extends { slug: string }>(db: Db, entity: CatalogEntity<S, C, Refs>, input: C, actor: Actor): Promise<{ id: string; slug: string }> {
  const [existing] = await Promise.all([entity.idBySlug(db, input.slug), entity.check?.(db, input)]);
  const taken = () => new MutationError(`Another ${entity.names.word} already has this address; choose another.`, "slug");
  const { id } = await createAt(db, entity.store, { snapshot: entity.created(input), actor, exists: existing !== null, taken });
  return { id, slug: input.slug };
}

/** Corrects a record from the version its form was opened at; answers its address. */
export async function updateCatalogRow<S extends Snapshot, U extends Refs>(db: Db, entity: CatalogEntity<S, { slug: string }, U>, input: U, actor: Actor): Promise<{ slug: string }> {
  await entity.check?.(db, input);
  const current = await entity.store.read(db, input.id);
  if (!current) throw new MutationError(`This ${entity.names.word} no longer exists.`);
  const snapshot = entity.updated(current.snapshot, input);
  await saveUpdate(db, entity.store, input.id, { expectedVersion: input.version, snapshot, actor });
  return { slug: entity.slugOf(snapshot) };
}

export function deleteCatalogRow(db: Db, type: CatalogType, input: Refs, actor: Actor) {
  const entity = entityOf(type);
  return deleteRow(db, entity.store, input.id, {
    expectedVersion: input.version,
    actor,
    check: async (row) => {
      const uses = await entity.usesOf(db, row.id);
      if (uses.length) throw new MutationError(`Still used by ${uses.join(", ")}: remove it from those first.`);
    },
  });
}

export const undoDeleteCatalogRow = (db: Db, type: CatalogType, input: Refs, actor: Actor) => undoDelete(db, entityOf(type).store, input.id, { expectedVersion: input.version, actor });

export const restoreCatalogVersion = (db: Db, type: CatalogType, input: Refs & { restore: number }, actor: Actor) =>
  restoreVersion(db, entityOf(type).store, input.id, { version: input.restore, expectedVersion: input.version, actor });

type In<E> = E extends CatalogEntity<Snapshot, infer C, infer U> ? { create: C; update: U } : never;

export const createParty = (db: Db, input: In<typeof party>["create"], actor: Actor) => createCatalogRow(db, party, input, actor);
export const updateParty = (db: Db, input: In<typeof party>["update"], actor: Actor) => updateCatalogRow(db, party, input, actor);
export const createEnvoy = (db: Db, input: In<typeof envoy>["create"], actor: Actor) => createCatalogRow(db, envoy, input, actor);
export const updateEnvoy = (db: Db, input: In<typeof envoy>["update"], actor: Actor) => updateCatalogRow(db, envoy, input, actor);
export const createIssue = (db: Db, input: In<typeof issue>["create"], actor: Actor) => createCatalogRow(db, issue, input, actor);
export const updateIssue = (db: Db, input: In<typeof issue>["update"], actor: Actor) => updateCatalogRow(db, issue, input, actor);
export const createSource = (db: Db, input: In<typeof source>["create"], actor: Actor) => createCatalogRow(db, source, input, actor);
export const updateSource = (db: Db, input: In<typeof source>["update"], actor: Actor) => updateCatalogRow(db, source, input, actor);
