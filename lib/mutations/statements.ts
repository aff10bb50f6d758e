// Statements as editors write them: the form's validated input (lib/entities/statement.ts) turned
// into a snapshot the write core stores, with the talk's own rules (its parties, its days, its
// venue clock). Used by lib/actions/statements.ts; testable without Next.js.
import "server-only";
import type { Db } from "../db";
import { statement, type StatementInputData, type StatementSnapshot, type StatementUpdateData } from "../entities/statement";
import { withSources } from "../entities/talk-row";
import { lowerFirst } from "../labels";
import { statementInSessionProblem, statementTimingProblems, type RowProblem, type StatementField, type StatementTiming } from "../time/row-rules";
import { typedVenueTime } from "../time/venue-clock";
import { ConfirmableError, MutationError, saveUpdate, type Actor } from "./core";
import { checkSources, checkTalkDay, createOnce, newSourcePlan, nextSequence, talkForWrite, talkRowWrites, type TalkForWrite } from "./talk-rows";

export { talkForWrite, type TalkForWrite } from "./talk-rows";

/** Where the statement form shows a problem with a field the rules name as stored. */
const FORM_FIELD: Record<StatementField, string> = { saidOn: "saidOn", saidAt: "saidTime", saidPrecision: "saidPrecision", partOfDay: "partOfDay" };

/**
 * A statement's day, time and precision agree, and, said in a session, it lies within the
 * session's days and times (lib/time/row-rules.ts). The session must be this talk's; a deleted one
 * only if the statement is in it already (`keptSession`), as its edit form still offers it.
 * `where` says whose problem it is when there is no form field to show it beside. A time outside
 * the session's times is a warning (ConfirmableError) unless `confirmed`: the editor pressed "Save
 * anyway", or the row is brought back as it was saved (undo, restore).
 */
export async function checkStatementTiming(
  db: Db,
  talk: TalkForWrite,
  snapshot: StatementSnapshot,
  keptSession: string | null,
  where?: string,
  confirmed = false,
): Promise<void> {
  const refuse = (problem: RowProblem<StatementField>) => {
    if (problem.confirmable && confirmed) return;
    const Refusal = problem.confirmable ? ConfirmableError : MutationError;
    throw where ? new Refusal(`${where} ${lowerFirst(problem.message)}`) : new Refusal(problem.message, FORM_FIELD[problem.field]);
  };
  const timing = statementTimingOf(snapshot);
  const [problem] = statementTimingProblems(timing, talk.venueTimeZone);
  if (problem) refuse(problem);
  if (!snapshot.session) return;
  const session = await db.session.findUnique({
    where: { id: snapshot.session },
    select: { talkId: true, localDay: true, startsAt: true, endsAt: true, title: true, deletedAt: true },
  });
  if (!session || session.talkId !== talk.id) throw new MutationError("That session is not part of this talk.", where ? undefined : "session");
  if (session.deletedAt && snapshot.session !== keptSession) throw new MutationError("That session was deleted; choose another, or none.", where ? undefined : "session");
  const outside = statementInSessionProblem(timing, session, talk.venueTimeZone);
  if (outside) refuse(outside);
}

const statementTimingOf = (s: StatementSnapshot): StatementTiming => ({
  saidOn: s.saidOn,
  saidAt: s.saidAt ? new Date(s.saidAt) : null,
  saidPrecision: s.saidPrecision as StatementTiming["saidPrecision"],
  partOfDay: s.partOfDay as StatementTiming["partOfDay"],
});

/** What a statement says, as the write core stores it: its speaker and sources are given resolved. */
export type StatementFields = Pick<
  StatementSnapshot,
  "session" | "capacity" | "saidOn" | "saidAt" | "saidPrecision" | "partOfDay" | "reportedOn" | "setting" | "kind" | "text" | "quotedWords" | "issues"
>;

/**
 * The snapshot the write core stores, from fields whose speaker (`party`, `envoy`: the party takes
 * part in the talk) and sources (ids, sorted) are already resolved; its timing checked
 * (checkStatementTiming). The statement form's saves and a CSV's rows (lib/imports/append.ts),
 * which resolve speakers and sources each their own way, both build it here.
 */
export async function statementSnapshotOf(
  db: Db,
  talk: TalkForWrite,
  fields: StatementFields,
  speaker: { party: string; envoy: string | null },
  options: { sequence: number; sources: string[]; keptSession: string | null; confirmed: boolean },
): Promise<StatementSnapshot> {
  const snapshot: StatementSnapshot = {
    talkId: talk.id,
    session: fields.session,
    party: speaker.party,
    envoy: speaker.envoy,
    capacity: fields.capacity,
    saidOn: fields.saidOn,
    saidAt: fields.saidAt,
    saidPrecision: fields.saidPrecision,
    partOfDay: fields.partOfDay,
    reportedOn: fields.reportedOn,
    setting: fields.setting,
    kind: fields.kind,
    text: fields.text,
    quotedWords: fields.quotedWords,
    sequence: options.sequence,
    issues: [...fields.issues].sort(),
    sources: options.sources,
  };
  await checkStatementTiming(db, talk, snapshot, options.keptSession, undefined, options.confirmed);
  return snapshot;
}

/** The statement form's input as a snapshot: its day, sources, typed time and speaker checked, in that order. */
async function snapshotOfInput(
  db: Db,
  talk: TalkForWrite,
  input: StatementInputData,
  sequence: number,
  madeSources: string[],
  kept: { sources: string[]; session: string | null } = { sources: [], session: null },
): Promise<StatementSnapshot> {
  checkTalkDay(talk, input.saidOn, "saidOn");
  await checkSources(db, input.sources, kept.sources);
  let saidAt: string | null = null;
  if (input.saidPrecision === "minute" && input.saidOn && input.saidTime) {
    // Refused when the clocks skip the time, or repeat it and the form did not say which one.
    const said = typedVenueTime({ day: input.saidOn, time: input.saidTime, timeZone: talk.venueTimeZone, place: talk.venueCity }, input.saidOccurrence);
    if (said.problem !== null) throw new MutationError(said.problem, "saidTime");
    saidAt = said.instant.toISOString();
  }
  const speaker = await speakerInTalk(db, talk.id, input.speaker);
  return statementSnapshotOf(db, talk, { ...input, saidAt }, speaker, {
    sequence,
    sources: withSources(input.sources, madeSources),
    keptSession: kept.session,
    confirmed: input.confirmOutside,
  });
}

type SpeakerRow = { party: string; inTalk: boolean | number | bigint };

/**
 * The speaker's party, which must take part in the talk; an envoy must not be deleted. One query
 * (docs/decisions/013-write-throughput.md).
 */
async function speakerInTalk(db: Db, talkId: string, speaker: StatementInputData["speaker"]): Promise<{ party: string; envoy: string | null }> {
  const rows =
    speaker.kind === "envoy"
      ? await db.$queryRaw<SpeakerRow[]>`
          SELECT p.slug AS party, EXISTS (SELECT 1 FROM "TalkParty" tp WHERE tp."talkId" = ${talkId} AND tp."partyId" = p.id) AS "inTalk"
          FROM "Envoy" e JOIN "Party" p ON p.id = e."partyId"
          WHERE e.slug = ${speaker.slug} AND e."deletedAt" IS NULL`
      : await db.$queryRaw<SpeakerRow[]>`
          SELECT p.slug AS party, EXISTS (SELECT 1 FROM "TalkParty" tp WHERE tp."talkId" = ${talkId} AND tp."partyId" = p.id) AS "inTalk"
          FROM "Party" p WHERE p.slug = ${speaker.slug}`;
  const row = rows[0];
  if (!row && speaker.kind === "envoy") throw new MutationError("That envoy no longer exists.", "speaker");
  // EXISTS is a boolean in PostgreSQL, 0 or 1 in SQLite.
  if (!row || !Number(row.inTalk)) throw new MutationError("That speaker’s party does not take part in this talk.", "speaker");
  return { party: row.party, envoy: speaker.kind === "envoy" ? speaker.slug : null };
}

/** `sources`: what it cites, a source typed into the form included (the next statement of the in-place form starts with them). */
export async function createStatement(db: Db, input: StatementInputData, actor: Actor): Promise<{ id: string; day: string | null; sources: string[] }> {
  const talk = await talkForWrite(db, input.talk);
  const [sequence, source] = await Promise.all([nextSequence(db, "statement", talk.id), newSourcePlan(db, talk, input.newSource, actor)]);
  const snapshot = await snapshotOfInput(db, talk, input, sequence, source ? [source.id] : []);
  // A retry answers what the first save stored (its typed-in source, not this attempt's).
  const { id, day, snapshot: stored } = await createOnce(db, statement, { talk, key: input.saveKey, snapshot, actor, alongside: source ? [source] : [] });
  return { id, day, sources: stored.sources };
}

const writes = talkRowWrites(statement, {
  // Brought back as it was: its session may have moved or gone since.
  // A time outside its session was confirmed when it was saved; it is not asked again.
  checkKept: (db, talk, snapshot, what) => checkStatementTiming(db, talk, snapshot, snapshot.session, what, true),
});

/**
 * Saves the editor's version over `input.version`. On a conflict the error carries, besides the
 * statement as it is now, what this save would have written (`attempted`), for the form to show.
 */
export async function updateStatement(db: Db, input: StatementUpdateData, actor: Actor): Promise<{ id: string; version: number; day: string | null }> {
  const { talk, row } = await writes.ofTalk(db, input);
  const source = await newSourcePlan(db, talk, input.newSource, actor);
  const snapshot = await snapshotOfInput(db, talk, input, row.snapshot.sequence, source ? [source.id] : [], row.snapshot);
  const { version } = await saveUpdate(db, statement.store, input.id, { expectedVersion: input.version, snapshot, actor, alongside: source ? [source] : [] });
  return { id: input.id, version, day: snapshot.saidOn };
}

export const deleteStatement = writes.remove;
export const undoDeleteStatement = writes.undoDelete;
export const restoreStatementVersion = writes.restore;
