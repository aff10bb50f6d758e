// Sessions as editors write them (lib/actions/sessions.ts): the form's input, with start and end
// on the venue's clock, turned into the snapshot the write core stores. The times' rules (an end
// before the start is the next day, less than 24 hours, no skipped or unchosen repeated time)
// are lib/time/session-times.ts, which the form also runs to say the same before saving.
import "server-only";
import type { Db } from "../db";
import { session, type SessionInputData, type SessionSnapshot, type SessionUpdateData } from "../entities/session";
import { withSources } from "../entities/talk-row";
import { resolveSessionTimes, type SessionTimeField } from "../time/session-times";
import { MutationError, saveUpdate, type Actor } from "./core";
import { checkSources, checkTalkDay, createOnce, newSourcePlan, nextSequence, talkForWrite, talkRowWrites, type TalkForWrite } from "./talk-rows";

/** The session's instants; a refusal names the first field whose time cannot be saved. */
function instantsOf(talk: TalkForWrite, input: SessionInputData): { startsAt: string | null; endsAt: string | null } {
  const times = resolveSessionTimes(input, talk.venueTimeZone, talk.venueCity);
  for (const field of ["startTime", "endTime"] as SessionTimeField[]) {
    const problem = times.problems[field];
    if (problem) throw new MutationError(problem, field);
  }
  return { startsAt: times.startsAt?.toISOString() ?? null, endsAt: times.endsAt?.toISOString() ?? null };
}

function sessionSnapshotOf(talk: TalkForWrite, input: SessionInputData, sequence: number, madeSources: string[]): SessionSnapshot {
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
    sources: withSources(input.sources, madeSources),
  };
}

export async function createSession(db: Db, input: SessionInputData, actor: Actor): Promise<{ id: string; day: string | null }> {
  const talk = await talkForWrite(db, input.talk);
  await checkSources(db, input.sources);
  const [sequence, source] = await Promise.all([nextSequence(db, "session", talk.id), newSourcePlan(db, talk, input.newSource, actor)]);
  const snapshot = sessionSnapshotOf(talk, input, sequence, source ? [source.id] : []);
  return createOnce(db, session, { talk, key: input.saveKey, snapshot, actor, alongside: source ? [source] : [] });
}

const writes = talkRowWrites(session);

export async function updateSession(db: Db, input: SessionUpdateData, actor: Actor): Promise<{ id: string; day: string | null }> {
  const { talk, row } = await writes.ofTalk(db, input);
  await checkSources(db, input.sources, row.snapshot.sources);
  const source = await newSourcePlan(db, talk, input.newSource, actor);
  const snapshot = sessionSnapshotOf(talk, input, row.snapshot.sequence, source ? [source.id] : []);
  await saveUpdate(db, session.store, input.id, { expectedVersion: input.version, snapshot, actor, alongside: source ? [source] : [] });
  return { id: input.id, day: snapshot.localDay };
}

/** Deleting a session hides it; its statements stay on their days (and regroup under it if undone). */
export const deleteSession = writes.remove;
export const undoDeleteSession = writes.undoDelete;
export const restoreSessionVersion = writes.restore;
