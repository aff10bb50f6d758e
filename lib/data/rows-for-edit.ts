import "server-only";
// A record as its editing pages show it (edit, delete, history), found the way its address names
// it: a talk's row by id within the talk, a shared record by slug, a talk by slug. Deleted
// records are found too (their pages say so and offer the undo).
import { requireReader } from "../auth/permissions";
import { getDb } from "../db";
import type { CatalogEntity } from "../entities/catalog";
import type { StatementSnapshot } from "../entities/statement";
import { talkFormValues, talkStore, type TalkSnapshot } from "../entities/talk";
import type { TalkRowEntity } from "../entities/talk-row";
import type { FormValues, Snapshot } from "../entities/types";
import type { TalkRef } from "./form-options";

export type RowForEdit<S extends Snapshot = Snapshot> = {
  id: string;
  version: number;
  deleted: boolean;
  snapshot: S;
  /** The edit form's values, with the fields that name the row and its version. */
  values: FormValues;
};

/** A row of the talk; null when the talk has no such row. */
export async function getTalkRowForEdit<S extends Snapshot>(entity: TalkRowEntity<S>, talk: TalkRef, id: string): Promise<(RowForEdit<S> & { day: string | null }) | null> {
  await requireReader();
  const row = await entity.store.read(await getDb(), id);
  if (!row || row.talkId !== talk.id) return null;
  const values = { ...entity.formValues(row.snapshot, talk.venueTimeZone), talk: talk.slug, id, version: String(row.version) };
  return { id, version: row.version, deleted: row.deletedAt !== null, snapshot: row.snapshot, day: entity.dayOf(row.snapshot), values };
}

/** A party, envoy, issue or source by its address. */
export async function getCatalogRowForEdit<S extends Snapshot>(entity: CatalogEntity<S, never, never>, slug: string): Promise<(RowForEdit<S> & { title: string }) | null> {
  await requireReader();
  const db = await getDb();
  const id = await entity.idBySlug(db, slug);
  const row = id ? await entity.store.read(db, id) : null;
  if (!row) return null;
  const values = { ...entity.formValues(row.snapshot), id: row.id, version: String(row.version) };
  return { id: row.id, version: row.version, deleted: row.deletedAt !== null, snapshot: row.snapshot, title: entity.titleOf(row.snapshot), values };
}

/** The talk by its address. */
export async function getTalkForEdit(slug: string): Promise<(RowForEdit<TalkSnapshot> & { title: string }) | null> {
  await requireReader();
  const db = await getDb();
  const found = await db.talk.findUnique({ where: { slug }, select: { id: true } });
  const row = found ? await talkStore.read(db, found.id) : null;
  if (!row) return null;
  const values = { ...talkFormValues(row.snapshot), id: row.id, version: String(row.version) };
  return { id: row.id, version: row.version, deleted: row.deletedAt !== null, snapshot: row.snapshot, title: row.snapshot.title, values };
}

/** Who said a statement, as its pages name them: the envoy, or the party speaking as a whole. */
export async function speakerOf(s: StatementSnapshot): Promise<string> {
  const db = await getDb();
  const [envoy, party] = await Promise.all([
    s.envoy ? db.envoy.findUnique({ where: { slug: s.envoy }, select: { name: true } }) : null,
    db.party.findUnique({ where: { slug: s.party }, select: { shortName: true } }),
  ]);
  return envoy?.name ?? party?.shortName ?? s.party;
}

/** An issue's name by slug (the slug itself if it is gone). */
export async function issueNameOf(slug: string): Promise<string> {
  const issue = await (await getDb()).issue.findUnique({ where: { slug }, select: { name: true } });
  return issue?.name ?? slug;
}

export async function partyNameOf(slug: string): Promise<string> {
  const party = await (await getDb()).party.findUnique({ where: { slug }, select: { shortName: true } });
  return party?.shortName ?? slug;
}

/** The live-or-deleted assessment of an issue on a day, if any (one per issue per day). */
export async function findAssessmentId(talk: TalkRef, issue: string, day: string): Promise<{ id: string; deleted: boolean } | null> {
  await requireReader();
  const a = await (await getDb()).assessment.findFirst({ where: { talkId: talk.id, localDay: day, issue: { slug: issue } }, select: { id: true, deletedAt: true } });
  return a ? { id: a.id, deleted: a.deletedAt !== null } : null;
}
