// What every write of a talk's own rows (sessions, statements, assessments) does the same way:
// find the live talk, check that the row is the talk's and that its day lies inside the talk,
// create a source typed into the form in the same transaction, and delete, undo and restore
// through the write core. lib/mutations/{sessions,statements,assessments}.ts add each kind's rules.
import "server-only";
import type { Db } from "../db";
import { source, typedSource, type NewSource } from "../entities/source";
import type { TalkRowEntity } from "../entities/talk-row";
import type { Snapshot } from "../entities/types";
import { formatLocalDayDate } from "../time/local-day";
import { dayOutsideTalk } from "../time/talk-span";
import { skippedDayProblem } from "../time/zone-calendar";
import { MutationError, commit, deleteRow, planCreate, restoreVersion, snapshotAt, undoDelete, type Actor, type Plan } from "./core";
import { sourceKey } from "./source-key";

export type TalkForWrite = { id: string; slug: string; venueTimeZone: string; venueCity: string; firstDay: string; lastDay: string | null };

/** The live talk a write is aimed at, or a refusal. */
export async function talkForWrite(db: Db, slug: string): Promise<TalkForWrite> {
  const talk = await db.talk.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, slug: true, venueTimeZone: true, venueCity: true, firstDay: true, lastDay: true },
  });
  if (!talk) throw new MutationError("This talk no longer exists (it may have been deleted).");
  return talk;
}

/**
 * A row's day must lie inside the talk's days (lib/time/talk-span.ts: an open talk's run 50 years
 * from its first). `field` is the form field that holds the day.
 */
export function checkTalkDay(talk: TalkForWrite, day: string | null, field: string): void {
  const problem = day === null ? null : (dayOutsideTalk(talk, day) ?? skippedDayProblem(talk.venueTimeZone, day, talk.venueCity));
  if (problem) throw new MutationError(problem, field);
}

/**
 * The same rule for a row brought back as it was (undoing its deletion, restoring a version): the
 * talk's days may have changed since, and there is no form field to put the message next to.
 */
export function checkKeptDay(talk: TalkForWrite, day: string | null, what: string): void {
  const problem =
    day === null ? null : (dayOutsideTalk(talk, day, `This ${what}’s day, ${formatLocalDayDate(day)},`) ?? skippedDayProblem(talk.venueTimeZone, day, talk.venueCity));
  if (problem) throw new MutationError(`${problem} Change the talk’s days first.`);
}

/**
 * The next place in the talk's order for a new row of this kind. The last row by the
 * (talkId, sequence) index: one index step, where an aggregate read every row of the talk.
 */
export async function nextSequence(db: Db, kind: "session" | "statement", talkId: string): Promise<number> {
  const query = { where: { talkId }, orderBy: { sequence: "desc" }, select: { sequence: true } } as const;
  const last = kind === "session" ? await db.session.findFirst(query) : await db.statement.findFirst(query);
  return (last?.sequence ?? -1) + 1;
}

/**
 * The sources a session or statement form chose must exist and be live. A source deleted since
 * the row cited it stays cited (`kept`: what the row cites now), as a statement keeps its deleted
 * session: the edit form still offers it, and undoing the source's deletion shows it again. Before
 * this check an unknown id reached the foreign key and failed the save with a 500.
 */
export async function checkSources(db: Db, chosen: readonly string[], kept: readonly string[] = []): Promise<void> {
  const wanted = [...new Set(chosen)];
  if (wanted.length === 0) return;
  const rows = await db.source.findMany({ where: { id: { in: wanted } }, select: { id: true, publisher: true, title: true, deletedAt: true } });
  const found = new Set(rows.map((r) => r.id));
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length) throw new MutationError(`No such source: ${missing.join(", ")}. Choose one of the sources listed, or add a new one.`, "sources");
  const deleted = rows.filter((r) => r.deletedAt && !kept.includes(r.id));
  if (deleted.length) {
    const names = deleted.map((r) => `${r.publisher}, “${r.title}”`).join("; ");
    throw new MutationError(`${deleted.length === 1 ? "This source was" : "These sources were"} deleted and can no longer be cited: ${names}.`, "sources");
  }
}

/** A source typed into the form, created in the same transaction as the row citing it. */
export async function newSourcePlan(db: Db, talk: TalkForWrite, newSource: NewSource | null, actor: Actor): Promise<(Plan & { id: string }) | null> {
  if (!newSource) return null;
  return planCreate(db, source.store, { snapshot: typedSource(newSource, sourceKey(newSource.title)), actor, talkId: talk.id });
}

/**
 * Creates a talk's row under its form's idempotency key (`key`, or a fresh id without one), with
 * the plans that go with it (a typed-in source). If that form was saved already — a retry after
 * the answer was lost — the row it made is the answer and nothing is written again; a key used
 * for something else is refused. `snapshot` is the row as stored: on a retry, the first save's.
 */
export async function createOnce<S extends Snapshot>(
  db: Db,
  entity: TalkRowEntity<S>,
  input: { talk: TalkForWrite; key: string | null; snapshot: S; actor: Actor; alongside: Plan[] },
): Promise<{ id: string; day: string | null; snapshot: S }> {
  const plan = await planCreate(db, entity.store, { id: input.key ?? undefined, snapshot: input.snapshot, actor: input.actor });
  try {
    await commit(db, [...input.alongside, plan]);
    return { id: plan.id, day: entity.dayOf(input.snapshot), snapshot: input.snapshot };
  } catch (error) {
    if (!input.key || (error as { code?: string }).code !== "P2002") throw error;
    const [existing, made] = await Promise.all([
      entity.store.read(db, input.key),
      db.revision.findUnique({
        where: { entityType_entityId_version: { entityType: entity.type, entityId: input.key, version: 1 } },
        select: { userId: true, actorName: true },
      }),
    ]);
    if (!existing) throw error;
    const sameEditor = made !== null && made.userId === input.actor.id && (input.actor.id !== null || made.actorName === input.actor.name);
    if (existing.talkId === input.talk.id && sameEditor) return { id: existing.id, day: entity.dayOf(existing.snapshot), snapshot: existing.snapshot };
    throw new MutationError(`This form was already used to save ${entity.names.a}; reload the page to add another.`);
  }
}

type RowInput = { talk: string; id: string; version: number };

/**
 * What a kind checks, besides its day, before a row comes back as it was (undoing its deletion,
 * restoring a version): `where` begins the refusal ("Version 3 cannot be restored:").
 */
export type KeptCheck<S extends Snapshot> = (db: Db, talk: TalkForWrite, snapshot: S, where: string, id: string) => Promise<void>;

/** Delete, undo and restore of a talk's row, the talk and the row's day checked; each answers the row's day. */
export function talkRowWrites<S extends Snapshot>(entity: TalkRowEntity<S>, hooks: { checkKept?: KeptCheck<S> } = {}) {
  const { store, dayOf } = entity;
  const what = entity.names.word;

  /** The talk and its row (deleted or not), or a refusal. */
  async function ofTalk(db: Db, input: { talk: string; id: string }) {
    const talk = await talkForWrite(db, input.talk);
    const row = await store.read(db, input.id);
    if (!row || row.talkId !== talk.id) throw new MutationError(`This ${what} is not part of this talk.`);
    return { talk, row };
  }

  const remove = async (db: Db, input: RowInput, actor: Actor) => {
    await ofTalk(db, input);
    const { version, row } = await deleteRow(db, store, input.id, { expectedVersion: input.version, actor });
    return { version, day: dayOf(row.snapshot) };
  };
  const undoDeleteOf = async (db: Db, input: RowInput, actor: Actor) => {
    const { talk, row: deleted } = await ofTalk(db, input);
    checkKeptDay(talk, dayOf(deleted.snapshot), what);
    await hooks.checkKept?.(db, talk, deleted.snapshot, `This ${what} cannot be brought back:`, input.id);
    const { version, row } = await undoDelete(db, store, input.id, { expectedVersion: input.version, actor });
    return { version, day: dayOf(row.snapshot) };
  };
  const restore = async (db: Db, input: RowInput & { restore: number }, actor: Actor) => {
    const { talk } = await ofTalk(db, input);
    const earlier = await snapshotAt(db, store, input.id, input.restore);
    checkKeptDay(talk, earlier ? dayOf(earlier) : null, what);
    if (earlier) await hooks.checkKept?.(db, talk, earlier, `Version ${input.restore} cannot be restored:`, input.id);
    return restoreVersion(db, store, input.id, { version: input.restore, expectedVersion: input.version, actor });
  };
  return { ofTalk, remove, undoDelete: undoDeleteOf, restore };
}
