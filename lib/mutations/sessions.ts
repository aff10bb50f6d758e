// Sessions as editors write them (lib/actions/sessions.ts): the form's input, with start and end
// on the venue's clock, turned into the snapshot the write core stores. The times' rules (an end
// before the start is the next day, less than 24 hours, no skipped or unchosen repeated time)
// are lib/time/session-times.ts, which the form also runs to say the same before saving.
import "server-only";
import type { Db } from "../db";
import type { SessionInputData, SessionUpdateData } from "../inputs/session";
import { resolveSessionTimes, type SessionTimeField } from "../time/session-times";
import { ConflictError, MutationError, commit, deleteRow, planCreate, planUpdate, restoreVersion, snapshotAt, undoDelete, type Actor } from "./core";
import type { SessionSnapshot } from "./snapshot";
import { sourceKey } from "./source-key";
import { sessionStore, sourceStore } from "./stores";
import { checkKeptDay, checkTalkDay, talkForWrite, type TalkForWrite } from "./statements";

/** The session's instants; a refusal names the first field whose time cannot be saved. */
function instantsOf(talk: TalkForWrite, input: SessionInputData): { startsAt: string | null; endsAt: string | null } {
  const times = resolveSessionTimes(input, talk.venueTimeZone, talk.venueCity);
  for (const field of ["startTime", "endTime"] as SessionTimeField[]) {
    const problem = times.problems[field];
    if (problem) throw new MutationError(problem, field);
  }
  return { startsAt: times.startsAt?.toISOString() ?? null, endsAt: times.endsAt?.toISOString() ?? null };
}

function sessionSnapshotOf(talk: TalkForWrite, input: SessionInputData, sequence: number, extraSources: string[]): SessionSnapshot {
  checkTalkDay(talk, input.localDay, "localDay");
  return {
    talkId: talk.id,
    localDay: input.localDay,
    ...instantsOf(talk, input),
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    outcome: input.outcome,
    outcomeNote: input.outcomeNote,
    sequence,
    issues: [...input.issues].sort(),
    sources: [...new Set([...input.sources, ...extraSources])].sort(),
  };
}

async function sourcePlan(db: Db, talk: TalkForWrite, input: SessionInputData, actor: Actor) {
  if (!input.newSource) return null;
  return planCreate(db, sourceStore, { snapshot: { key: sourceKey(input.newSource.title), ...input.newSource }, actor, talkId: talk.id });
}

export async function createSession(db: Db, input: SessionInputData, actor: Actor): Promise<{ id: string; day: string | null }> {
  const talk = await talkForWrite(db, input.talk);
  const last = await db.session.aggregate({ where: { talkId: talk.id }, _max: { sequence: true } });
  const source = await sourcePlan(db, talk, input, actor);
  const snapshot = sessionSnapshotOf(talk, input, (last._max.sequence ?? -1) + 1, source ? [source.id] : []);
  const session = await planCreate(db, sessionStore, { snapshot, actor });
  await commit(db, [...(source ? [source] : []), session]);
  return { id: session.id, day: snapshot.localDay };
}

async function sessionOfTalk(db: Db, talk: TalkForWrite, id: string) {
  const row = await sessionStore.read(db, id);
  if (!row || row.talkId !== talk.id) throw new MutationError("This session is not part of this talk.");
  return row;
}

export async function updateSession(db: Db, input: SessionUpdateData, actor: Actor): Promise<{ id: string; day: string | null }> {
  const talk = await talkForWrite(db, input.talk);
  const current = await sessionOfTalk(db, talk, input.id);
  const source = await sourcePlan(db, talk, input, actor);
  const snapshot = sessionSnapshotOf(talk, input, current.snapshot.sequence, source ? [source.id] : []);
  try {
    const plan = await planUpdate(db, sessionStore, input.id, { expectedVersion: input.version, snapshot, actor });
    await commit(db, plan.changed ? [...(source ? [source] : []), plan] : []);
  } catch (error) {
    if (error instanceof ConflictError) (error as ConflictError<SessionSnapshot>).attempted = snapshot;
    throw error;
  }
  return { id: input.id, day: snapshot.localDay };
}

/** Deleting a session hides it; its statements stay on their days (and regroup under it if undone). */
export async function deleteSession(db: Db, input: { talk: string; id: string; version: number }, actor: Actor) {
  const talk = await talkForWrite(db, input.talk);
  await sessionOfTalk(db, talk, input.id);
  const { version, row } = await deleteRow(db, sessionStore, input.id, { expectedVersion: input.version, actor });
  return { version, day: row.snapshot.localDay };
}

export async function undoDeleteSession(db: Db, input: { talk: string; id: string; version: number }, actor: Actor) {
  const talk = await talkForWrite(db, input.talk);
  const deleted = await sessionOfTalk(db, talk, input.id);
  checkKeptDay(talk, deleted.snapshot.localDay, "session");
  const { version, row } = await undoDelete(db, sessionStore, input.id, { expectedVersion: input.version, actor });
  return { version, day: row.snapshot.localDay };
}

export async function restoreSessionVersion(db: Db, input: { talk: string; id: string; version: number; restore: number }, actor: Actor) {
  const talk = await talkForWrite(db, input.talk);
  await sessionOfTalk(db, talk, input.id);
  checkKeptDay(talk, (await snapshotAt(db, sessionStore, input.id, input.restore))?.localDay ?? null, "session");
  return restoreVersion(db, sessionStore, input.id, { version: input.restore, expectedVersion: input.version, actor });
}
