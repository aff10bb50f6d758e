// Parties, envoys, issues and sources, shared by all talks. A slug (a source's key), once made,
// does not change (revisions and documents refer to them by it). Deleting one that live records
// still use is refused.
import "server-only";
import type { z } from "zod";
import type { Db } from "../db";
import type { EnvoyInput, EnvoyUpdateInput, IssueInput, IssueUpdateInput, PartyInput, PartyUpdateInput, SourceInput, SourceUpdateInput } from "../inputs/catalog";
import { ConflictError, MutationError, commit, createRow, deleteRow, planUpdate, restoreVersion, undoDelete, type Actor, type EntityStore, type RowState } from "./core";
import type { EnvoySnapshot, IssueSnapshot, PartySnapshot, Snapshot, SourceSnapshot } from "./snapshot";
import { envoyStore, issueStore, partyStore, sourceStore } from "./stores";

type Refs = { id: string; version: number };

const taken = (what: string) => new MutationError(`Another ${what} already has this address; choose another.`, "slug");

async function create<S extends Snapshot>(db: Db, store: EntityStore<S>, snapshot: S, actor: Actor, exists: boolean, what: string) {
  if (exists) throw taken(what);
  try {
    return await createRow(db, store, { snapshot, actor });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw taken(what);
    throw error;
  }
}

async function update<S extends Snapshot>(db: Db, store: EntityStore<S>, input: Refs, make: (current: S) => S, actor: Actor) {
  const current = await store.read(db, input.id);
  if (!current) throw new MutationError(`This ${store.type} no longer exists.`);
  const snapshot = make(current.snapshot);
  try {
    const plan = await planUpdate(db, store, input.id, { expectedVersion: input.version, snapshot, actor });
    await commit(db, [plan]);
  } catch (error) {
    if (error instanceof ConflictError) (error as ConflictError<S>).attempted = snapshot;
    throw error;
  }
  return snapshot;
}

export const createParty = (db: Db, input: z.output<typeof PartyInput>, actor: Actor) =>
  db.party
    .findUnique({ where: { slug: input.slug }, select: { id: true } })
    .then((found) => create(db, partyStore, { slug: input.slug, name: input.name, shortName: input.shortName, isoCode: input.isoCode }, actor, !!found, "party"));

export const updateParty = (db: Db, input: z.output<typeof PartyUpdateInput>, actor: Actor) =>
  update<PartySnapshot>(db, partyStore, input, (p) => ({ ...p, name: input.name, shortName: input.shortName, isoCode: input.isoCode }), actor);

export async function createEnvoy(db: Db, input: z.output<typeof EnvoyInput>, actor: Actor) {
  const [found, party] = await Promise.all([
    db.envoy.findUnique({ where: { slug: input.slug }, select: { id: true } }),
    db.party.findFirst({ where: { slug: input.party, deletedAt: null }, select: { id: true } }),
  ]);
  if (!party) throw new MutationError("Choose one of the parties listed.", "party");
  return create(db, envoyStore, { slug: input.slug, name: input.name, nameOriginal: input.nameOriginal, title: input.title, party: input.party }, actor, !!found, "envoy");
}

export async function updateEnvoy(db: Db, input: z.output<typeof EnvoyUpdateInput>, actor: Actor) {
  const party = await db.party.findFirst({ where: { slug: input.party, deletedAt: null }, select: { id: true } });
  if (!party) throw new MutationError("Choose one of the parties listed.", "party");
  return update<EnvoySnapshot>(db, envoyStore, input, (e) => ({ ...e, name: input.name, nameOriginal: input.nameOriginal, title: input.title, party: input.party }), actor);
}

export const createIssue = (db: Db, input: z.output<typeof IssueInput>, actor: Actor) =>
  db.issue
    .findUnique({ where: { slug: input.slug }, select: { id: true } })
    .then((found) => create(db, issueStore, { slug: input.slug, name: input.name, description: input.description }, actor, !!found, "issue"));

export const updateIssue = (db: Db, input: z.output<typeof IssueUpdateInput>, actor: Actor) =>
  update<IssueSnapshot>(db, issueStore, input, (i) => ({ ...i, name: input.name, description: input.description }), actor);

export const createSource = (db: Db, input: z.output<typeof SourceInput>, actor: Actor) =>
  db.source
    .findUnique({ where: { key: input.slug }, select: { id: true } })
    .then((found) =>
      create(db, sourceStore, { key: input.slug, publisher: input.publisher, title: input.title, url: input.url, publishedOn: input.publishedOn }, actor, !!found, "source"),
    );

/** Corrects a source; `slug` in the answer is its key, its address. */
export const updateSource = (db: Db, input: z.output<typeof SourceUpdateInput>, actor: Actor) =>
  update<SourceSnapshot>(db, sourceStore, input, (s) => ({ ...s, publisher: input.publisher, title: input.title, url: input.url, publishedOn: input.publishedOn }), actor).then(
    (s) => ({ ...s, slug: s.key }),
  );

/** What still uses a party, envoy, issue or source, in words; empty when nothing live does. */
async function usesOf(db: Db, type: CatalogType, id: string): Promise<string[]> {
  const live = { deletedAt: null };
  const count = (n: number, one: string) => (n ? [`${n} ${one}${n === 1 ? "" : "s"}`] : []);
  if (type === "source") {
    const [statements, sessions] = await Promise.all([
      db.statementSource.count({ where: { sourceId: id, statement: live } }),
      db.sessionSource.count({ where: { sourceId: id, session: live } }),
    ]);
    return [...count(sessions, "session"), ...count(statements, "statement")];
  }
  if (type === "party") {
    const [statements, envoys, talks] = await Promise.all([
      db.statement.count({ where: { partyId: id, ...live } }),
      db.envoy.count({ where: { partyId: id, ...live } }),
      db.talkParty.count({ where: { partyId: id, talk: live } }),
    ]);
    return [...count(talks, "talk"), ...count(envoys, "envoy"), ...count(statements, "statement")];
  }
  if (type === "envoy") {
    const [statements, talks] = await Promise.all([db.statement.count({ where: { envoyId: id, ...live } }), db.talkEnvoy.count({ where: { envoyId: id, talk: live } })]);
    return [...count(talks, "talk"), ...count(statements, "statement")];
  }
  const [statements, sessions, assessments, talks] = await Promise.all([
    db.statementIssue.count({ where: { issueId: id, statement: live } }),
    db.sessionIssue.count({ where: { issueId: id, session: live } }),
    db.assessment.count({ where: { issueId: id, ...live } }),
    db.talkIssue.count({ where: { issueId: id, talk: live } }),
  ]);
  return [...count(talks, "talk"), ...count(sessions, "session"), ...count(statements, "statement"), ...count(assessments, "assessment")];
}

const STORES = { party: partyStore, envoy: envoyStore, issue: issueStore, source: sourceStore } as const;
export type CatalogType = keyof typeof STORES;

export function deleteCatalogRow(db: Db, type: CatalogType, input: Refs, actor: Actor) {
  const store = STORES[type] as unknown as EntityStore<Snapshot>;
  return deleteRow(db, store, input.id, {
    expectedVersion: input.version,
    actor,
    check: async (row: RowState<Snapshot>) => {
      const uses = await usesOf(db, type, row.id);
      if (uses.length) throw new MutationError(`Still used by ${uses.join(", ")}: remove it from those first.`);
    },
  });
}

export const undoDeleteCatalogRow = (db: Db, type: CatalogType, input: Refs, actor: Actor) =>
  undoDelete(db, STORES[type] as unknown as EntityStore<Snapshot>, input.id, { expectedVersion: input.version, actor });

export const restoreCatalogVersion = (db: Db, type: CatalogType, input: Refs & { restore: number }, actor: Actor) =>
  restoreVersion(db, STORES[type] as unknown as EntityStore<Snapshot>, input.id, { version: input.restore, expectedVersion: input.version, actor });
