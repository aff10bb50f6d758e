// Gap assessments: one per issue per day of a talk (a unique index). Assessing a pair whose
// assessment was deleted brings that row back with the new judgement instead of adding a second.
import "server-only";
import type { Db } from "../db";
import type { AssessmentInputData, AssessmentUpdateData } from "../inputs/assessment";
import { ConflictError, MutationError, commit, createRow, deleteRow, planRevive, planUpdate, restoreVersion, snapshotAt, undoDelete, type Actor } from "./core";
import type { AssessmentSnapshot } from "./snapshot";
import { assessmentStore } from "./stores";
import { checkKeptDay, checkTalkDay, talkForWrite, type TalkForWrite } from "./statements";

/** The assessment of an issue on a day, live or deleted, if there is one. */
export async function findAssessment(db: Db, talkId: string, issue: string, localDay: string) {
  return db.assessment.findFirst({ where: { talkId, localDay, issue: { slug: issue } }, select: { id: true, version: true, deletedAt: true } });
}

export async function createAssessment(db: Db, input: AssessmentInputData, actor: Actor): Promise<{ id: string; revived: boolean }> {
  const talk = await talkForWrite(db, input.talk);
  checkTalkDay(talk, input.localDay, "localDay");
  const onAgenda = await db.talkIssue.count({ where: { talkId: talk.id, issue: { slug: input.issue } } });
  if (!onAgenda) throw new MutationError("That issue is not on this talk’s agenda.", "issue");
  const snapshot: AssessmentSnapshot = {
    talkId: talk.id,
    issue: input.issue,
    localDay: input.localDay,
    gap: input.gap,
    note: input.note,
    authorId: actor.id,
    authorName: actor.name,
  };
  const existing = await findAssessment(db, talk.id, input.issue, input.localDay);
  if (existing && !existing.deletedAt) {
    throw new MutationError("This issue is already assessed on this day; edit that assessment instead.", "issue");
  }
  if (existing) {
    const plan = await planRevive(db, assessmentStore, existing.id, { expectedVersion: existing.version, snapshot, actor, note: "Assessed again after its deletion." });
    await commit(db, [plan]);
    return { id: existing.id, revived: true };
  }
  try {
    const { id } = await createRow(db, assessmentStore, { snapshot, actor });
    return { id, revived: false };
  } catch (error) {
    // Someone assessed the same pair a moment earlier: the unique index refused the second.
    if ((error as { code?: string }).code === "P2002") {
      throw new MutationError("Someone has just assessed this issue on this day; open their assessment to change it.", "issue");
    }
    throw error;
  }
}

async function assessmentOfTalk(db: Db, talk: TalkForWrite, id: string) {
  const row = await assessmentStore.read(db, id);
  if (!row || row.talkId !== talk.id) throw new MutationError("This assessment is not part of this talk.");
  return row;
}

/** A new judgement of the same issue and day; the author becomes the editor who saves it. */
export async function updateAssessment(db: Db, input: AssessmentUpdateData, actor: Actor): Promise<{ id: string; day: string }> {
  const talk = await talkForWrite(db, input.talk);
  const current = await assessmentOfTalk(db, talk, input.id);
  const snapshot: AssessmentSnapshot = { ...current.snapshot, gap: input.gap, note: input.note, authorId: actor.id, authorName: actor.name };
  try {
    const plan = await planUpdate(db, assessmentStore, input.id, { expectedVersion: input.version, snapshot, actor });
    await commit(db, [plan]);
  } catch (error) {
    if (error instanceof ConflictError) (error as ConflictError<AssessmentSnapshot>).attempted = snapshot;
    throw error;
  }
  return { id: input.id, day: current.snapshot.localDay };
}

export async function deleteAssessment(db: Db, input: { talk: string; id: string; version: number }, actor: Actor) {
  const talk = await talkForWrite(db, input.talk);
  await assessmentOfTalk(db, talk, input.id);
  const { version, row } = await deleteRow(db, assessmentStore, input.id, { expectedVersion: input.version, actor });
  return { version, day: row.snapshot.localDay };
}

export async function undoDeleteAssessment(db: Db, input: { talk: string; id: string; version: number }, actor: Actor) {
  const talk = await talkForWrite(db, input.talk);
  const deleted = await assessmentOfTalk(db, talk, input.id);
  checkKeptDay(talk, deleted.snapshot.localDay, "assessment");
  const { version, row } = await undoDelete(db, assessmentStore, input.id, { expectedVersion: input.version, actor });
  return { version, day: row.snapshot.localDay };
}

export async function restoreAssessmentVersion(db: Db, input: { talk: string; id: string; version: number; restore: number }, actor: Actor) {
  const talk = await talkForWrite(db, input.talk);
  await assessmentOfTalk(db, talk, input.id);
  checkKeptDay(talk, (await snapshotAt(db, assessmentStore, input.id, input.restore))?.localDay ?? null, "assessment");
  return restoreVersion(db, assessmentStore, input.id, { version: input.restore, expectedVersion: input.version, actor });
}
