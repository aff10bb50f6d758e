// Sessions as editors write them (lib/actions/sessions.ts): the form's input, with start and end
// on the venue's clock, turned into the snapshot the write core stores. The times' rules (an end
// before the start is the next day, less than 24 hours, no skipped or unchosen repeated time)
// are lib/time/session-times.ts, which the form also runs to say the same before saving.
import "server-only";
import type { Db } from "../db";
import { session, type SessionInputData, type SessionSnapshot, type SessionUpdateData } from "../entities/session";
import { withSources } from "../entities/talk-row";
import { listInWords, lowerFirst, plural } from "../labels";
import { formatLocalDayInYear } from "../time/local-day";
import { talk as talkEntity } from "../entities/talk";
import { sessionOutsideTalkProblem, sessionTimingProblems, statementInSessionProblem, type SessionField } from "../time/row-rules";
import { skippedDayProblem } from "../time/zone-calendar";
import { venueClock } from "../time/venue-clock";
import { resolveSessionTimes, type SessionTimeField } from "../time/session-times";
import { ConfirmableError, MutationError, planUpdate, saveUpdate, type Actor, type Plan } from "./core";
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

/** Where the session form shows a problem with a field the rules name as stored. */
const FORM_FIELD: Record<SessionField, string> = { localDay: "localDay", startsAt: "startTime", endsAt: "endTime" };

/**
 * The session's day must be one of the talk's; a day just outside it is a warning, and confirmed
 * ("Save anyway") the talk's first or last day moves to take it in, in the same transaction, with
 * the talk's own revision (lib/time/row-rules.ts `sessionOutsideTalkProblem`).
 */
async function checkSessionDay(db: Db, talk: TalkForWrite, input: SessionInputData, actor: Actor): Promise<Plan[]> {
  const outside = input.localDay ? sessionOutsideTalkProblem(talk, input.localDay) : null;
  if (!outside) {
    checkTalkDay(talk, input.localDay, "localDay");
    return [];
  }
  const skipped = skippedDayProblem(talk.venueTimeZone, input.localDay!, talk.venueCity);
  if (skipped) throw new MutationError(skipped, "localDay");
  if (!input.confirmOutside) throw new ConfirmableError(outside.message, "localDay");
  const current = await talkEntity.store.read(db, talk.id);
  if (!current) throw new MutationError("This talk no longer exists (it may have been deleted).");
  const plan = await planUpdate(db, talkEntity.store, talk.id, {
    expectedVersion: current.version,
    snapshot: { ...current.snapshot, ...outside.extended },
    actor,
    note: `Days moved to take in a session on ${input.localDay}.`,
  });
  // The rules below read the talk's days: they are the new ones now.
  Object.assign(talk, outside.extended);
  return [plan];
}

function sessionSnapshotOf(talk: TalkForWrite, input: SessionInputData, sequence: number, madeSources: string[]): SessionSnapshot {
  checkTalkDay(talk, input.localDay, "localDay");
  const instants = instantsOf(talk, input);
  // The times were read on the day's clock, so they agree with it; the write core says so for any caller.
  const [problem] = sessionTimingProblems({ localDay: input.localDay, startsAt: instantOf(instants.startsAt), endsAt: instantOf(instants.endsAt) }, talk.venueTimeZone);
  if (problem) throw new MutationError(problem.message, FORM_FIELD[problem.field]);
  return {
    talkId: talk.id,
    localDay: input.localDay,
    ...instants,
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

/**
 * A session's new days and times must still hold the statements said in it (lib/time/row-rules.ts):
 * those they would leave outside are named, and the editor moves or corrects them first. `where`
 * begins the refusal when there is no form field to show it beside (undo, restore).
 */
async function checkStatementsInSession(db: Db, talk: TalkForWrite, id: string, snapshot: SessionSnapshot, where?: string, confirmed = false): Promise<void> {
  const statements = await db.statement.findMany({
    where: { sessionId: id, deletedAt: null },
    select: { saidOn: true, saidAt: true, saidPrecision: true, party: { select: { shortName: true } }, envoy: { select: { name: true } } },
    orderBy: [{ saidOn: "asc" }, { saidAt: "asc" }, { sequence: "asc" }],
  });
  const timing = { localDay: snapshot.localDay, startsAt: instantOf(snapshot.startsAt), endsAt: instantOf(snapshot.endsAt) };
  const found = statements.flatMap((st) => {
    const saidAt = st.saidPrecision === "minute" ? st.saidAt : null;
    const problem = statementInSessionProblem({ saidOn: st.saidOn, saidAt }, timing, talk.venueTimeZone);
    return problem ? [{ st, saidAt, problem }] : [];
  });
  // Times outside the session's are a warning the editor may confirm; days outside are refused.
  const warnOnly = found.every((f) => f.problem.confirmable);
  const outside = warnOnly && confirmed ? [] : found;
  if (outside.length === 0) return;
  const named = outside.slice(0, 3).map(({ st, saidAt }) => {
    const when = saidAt ? `at ${venueClock(saidAt, talk.venueTimeZone).time} on ${formatLocalDayInYear(st.saidOn!)}` : `on ${formatLocalDayInYear(st.saidOn!)}`;
    return `${st.envoy?.name ?? st.party.shortName}’s ${when}`;
  });
  if (outside.length > 3) named.push(`${plural(outside.length - 3, "other")}`);
  const one = outside.length === 1;
  const message = warnOnly
    ? `${one ? "A statement" : `${plural(outside.length, "statement")}`} said in this session would fall outside its times: ${listInWords(named)}. ` +
      `Save anyway if the report says so, or correct ${one ? "its" : "their"} time or the session’s.`
    : `${one ? "A statement" : `${plural(outside.length, "statement")}`} said in this session would fall outside its day and times: ${listInWords(named)}. ` +
      `Move ${one ? "it" : "them"} to another session, or correct ${one ? "its" : "their"} day or time, first.`;
  const Refusal = warnOnly ? ConfirmableError : MutationError;
  if (where) throw new Refusal(`${where} ${lowerFirst(message)}`);
  const first = outside[0]!;
  const field = first.problem.field === "saidOn" ? "localDay" : timing.startsAt && first.saidAt! < timing.startsAt ? "startTime" : "endTime";
  throw new Refusal(message, field);
}

const instantOf = (value: string | null) => (value ? new Date(value) : null);

export async function createSession(db: Db, input: SessionInputData, actor: Actor): Promise<{ id: string; day: string | null }> {
  const talk = await talkForWrite(db, input.talk);
  await checkSources(db, input.sources);
  const days = await checkSessionDay(db, talk, input, actor);
  const [sequence, source] = await Promise.all([nextSequence(db, "session", talk.id), newSourcePlan(db, talk, input.newSource, actor)]);
  const snapshot = sessionSnapshotOf(talk, input, sequence, source ? [source.id] : []);
  const { id, day } = await createOnce(db, session, { talk, key: input.saveKey, snapshot, actor, alongside: [...days, ...(source ? [source] : [])] });
  return { id, day };
}

// Brought back as it was: times outside it were confirmed when they were saved.
const writes = talkRowWrites(session, { checkKept: (db, talk, snapshot, where, id) => checkStatementsInSession(db, talk, id, snapshot, where, true) });

export async function updateSession(db: Db, input: SessionUpdateData, actor: Actor): Promise<{ id: string; day: string | null }> {
  const { talk, row } = await writes.ofTalk(db, input);
  await checkSources(db, input.sources, row.snapshot.sources);
  const days = await checkSessionDay(db, talk, input, actor);
  const source = await newSourcePlan(db, talk, input.newSource, actor);
  const snapshot = sessionSnapshotOf(talk, input, row.snapshot.sequence, source ? [source.id] : []);
  await checkStatementsInSession(db, talk, input.id, snapshot, undefined, input.confirmOutside);
  await saveUpdate(db, session.store, input.id, { expectedVersion: input.version, snapshot, actor, alongside: [...days, ...(source ? [source] : [])] });
  return { id: input.id, day: snapshot.localDay };
}

/** Deleting a session hides it; its statements stay on their days (and regroup under it if undone). */
export const deleteSession = writes.remove;
export const undoDeleteSession = writes.undoDelete;
export const restoreSessionVersion = writes.restore;
