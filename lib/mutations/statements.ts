// Statements as editors write them: the form's validated input (lib/inputs/statement.ts) turned
// into a snapshot the write core stores, with the talk's own rules (its parties, its days, its
// venue clock). Used by lib/actions/statements.ts; testable without Next.js.
import "server-only";
import type { Db } from "../db";
import type { StatementInputData, StatementUpdateData } from "../inputs/statement";
import { formatLocalDayDate } from "../time/local-day";
import { dayOutsideTalk } from "../time/talk-span";
import { typedVenueTime } from "../time/venue-clock";
import { ConflictError, MutationError, commit, deleteRow, planCreate, planUpdate, restoreVersion, snapshotAt, undoDelete, type Actor, type Plan } from "./core";
import type { StatementSnapshot } from "./snapshot";
import { sourceKey } from "./source-key";
import { sourceStore, statementStore } from "./stores";

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
  const problem = day === null ? null : dayOutsideTalk(talk, day);
  if (problem) throw new MutationError(problem, field);
}

/**
 * The same rule for a row brought back as it was (undoing its deletion, restoring a version): the
 * talk's days may have changed since, and there is no form field to put the message next to.
 */
export function checkKeptDay(talk: TalkForWrite, day: string | null, what: string): void {
  const problem = day === null ? null : dayOutsideTalk(talk, day, `This ${what}’s day, ${formatLocalDayDate(day)},`);
  if (problem) throw new MutationError(`${problem} Change the talk’s days first.`);
}

async function statementSnapshotOf(
  db: Db,
  talk: TalkForWrite,
  input: StatementInputData,
  sequence: number,
  extraSources: string[],
): Promise<StatementSnapshot> {
  checkTalkDay(talk, input.saidOn, "saidOn");
  let saidAt: string | null = null;
  if (input.saidPrecision === "minute" && input.saidOn && input.saidTime) {
    // Refused when the clocks skip the time, or repeat it and the form did not say which one.
    const said = typedVenueTime({ day: input.saidOn, time: input.saidTime, timeZone: talk.venueTimeZone, place: talk.venueCity }, input.saidOccurrence);
    if (said.problem !== null) throw new MutationError(said.problem, "saidTime");
    saidAt = said.instant.toISOString();
  }
  let party: string;
  let envoy: string | null = null;
  if (input.speaker.kind === "envoy") {
    const row = await db.envoy.findFirst({ where: { slug: input.speaker.slug, deletedAt: null }, select: { party: { select: { slug: true } } } });
    if (!row) throw new MutationError("That envoy no longer exists.", "speaker");
    envoy = input.speaker.slug;
    party = row.party.slug;
  } else {
    party = input.speaker.slug;
  }
  const inTalk = await db.talkParty.count({ where: { talkId: talk.id, party: { slug: party } } });
  if (!inTalk) throw new MutationError("That speaker’s party does not take part in this talk.", "speaker");
  return {
    talkId: talk.id,
    session: input.session,
    party,
    envoy,
    capacity: input.capacity,
    saidOn: input.saidOn,
    saidAt,
    saidPrecision: input.saidPrecision,
    partOfDay: input.partOfDay,
    reportedOn: input.reportedOn,
    setting: input.setting,
    kind: input.kind,
    text: input.text,
    quotedWords: input.quotedWords,
    sequence,
    issues: [...input.issues].sort(),
    sources: [...new Set([...input.sources, ...extraSources])].sort(),
  };
}

/** A source typed into the form, created in the same transaction as the statement citing it. */
async function newSourcePlan(db: Db, talk: TalkForWrite, input: StatementInputData, actor: Actor): Promise<(Plan & { id: string }) | null> {
  if (!input.newSource) return null;
  return planCreate(db, sourceStore, {
    snapshot: { key: sourceKey(input.newSource.title), ...input.newSource },
    actor,
    talkId: talk.id,
  });
}

export async function createStatement(db: Db, input: StatementInputData, actor: Actor): Promise<{ id: string; day: string | null }> {
  const talk = await talkForWrite(db, input.talk);
  const last = await db.statement.aggregate({ where: { talkId: talk.id }, _max: { sequence: true } });
  const source = await newSourcePlan(db, talk, input, actor);
  const snapshot = await statementSnapshotOf(db, talk, input, (last._max.sequence ?? -1) + 1, source ? [source.id] : []);
  const statement = await planCreate(db, statementStore, { snapshot, actor });
  await commit(db, [...(source ? [source] : []), statement]);
  return { id: statement.id, day: snapshot.saidOn };
}

async function statementOfTalk(db: Db, talk: TalkForWrite, id: string) {
  const row = await statementStore.read(db, id);
  if (!row || row.talkId !== talk.id) throw new MutationError("This statement is not part of this talk.");
  return row;
}

/**
 * Saves the editor's version over `input.version`. On a conflict the error carries, besides the
 * statement as it is now, what this save would have written (`attempted`), for the form to show.
 */
export async function updateStatement(db: Db, input: StatementUpdateData, actor: Actor): Promise<{ id: string; version: number; day: string | null }> {
  const talk = await talkForWrite(db, input.talk);
  const current = await statementOfTalk(db, talk, input.id);
  const source = await newSourcePlan(db, talk, input, actor);
  const snapshot = await statementSnapshotOf(db, talk, input, current.snapshot.sequence, source ? [source.id] : []);
  try {
    const plan = await planUpdate(db, statementStore, input.id, { expectedVersion: input.version, snapshot, actor });
    await commit(db, plan.changed ? [...(source ? [source] : []), plan] : []);
    return { id: input.id, version: plan.version, day: snapshot.saidOn };
  } catch (error) {
    if (error instanceof ConflictError) (error as ConflictError<StatementSnapshot>).attempted = snapshot;
    throw error;
  }
}

export async function deleteStatement(db: Db, input: { talk: string; id: string; version: number }, actor: Actor) {
  const talk = await talkForWrite(db, input.talk);
  await statementOfTalk(db, talk, input.id);
  const { version, row } = await deleteRow(db, statementStore, input.id, { expectedVersion: input.version, actor });
  return { version, day: row.snapshot.saidOn };
}

export async function undoDeleteStatement(db: Db, input: { talk: string; id: string; version: number }, actor: Actor) {
  const talk = await talkForWrite(db, input.talk);
  const deleted = await statementOfTalk(db, talk, input.id);
  checkKeptDay(talk, deleted.snapshot.saidOn, "statement");
  const { version, row } = await undoDelete(db, statementStore, input.id, { expectedVersion: input.version, actor });
  return { version, day: row.snapshot.saidOn };
}

export async function restoreStatementVersion(db: Db, input: { talk: string; id: string; version: number; restore: number }, actor: Actor) {
  const talk = await talkForWrite(db, input.talk);
  await statementOfTalk(db, talk, input.id);
  checkKeptDay(talk, (await snapshotAt(db, statementStore, input.id, input.restore))?.saidOn ?? null, "statement");
  return restoreVersion(db, statementStore, input.id, { version: input.restore, expectedVersion: input.version, actor });
}
