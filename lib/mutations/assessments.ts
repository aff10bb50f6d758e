// Gap assessments: one per issue per day of a talk (a unique index). Assessing a pair whose
// assessment was deleted brings that row back with the new judgement instead of adding a second.
import "server-only";
import type { Db } from "../db";
import { assessment, type AssessmentInputData, type AssessmentSnapshot, type AssessmentUpdateData } from "../entities/assessment";
import { MutationError, commit, createRow, planRevive, saveUpdate, type Actor } from "./core";
import { checkTalkDay, talkForWrite, talkRowWrites } from "./talk-rows";

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
    const plan = await planRevive(db, assessment.store, existing.id, { expectedVersion: existing.version, snapshot, actor, note: "Assessed again after its deletion." });
    await commit(db, [plan]);
    return { id: existing.id, revived: true };
  }
  try {
    const { id } = await createRow(db, assessment.store, { snapshot, actor });
    return { id, revived: false };
  } catch (error) {
    // Someone assessed the same pair a moment earlier: the unique index refused the second.
    if ((error as { code?: string }).code === "P2002") {
      throw new MutationError("Someone has just assessed this issue on this day; open their assessment to change it.", "issue");
    }
    throw error;
  }
}

const writes = talkRowWrites(assessment);

/** A new judgement of the same issue and day; the author becomes the editor who saves it. */
export async function updateAssessment(db: Db, input: AssessmentUpdateData, actor: Actor): Promise<{ id: string; day: string }> {
  const { row } = await writes.ofTalk(db, input);
  const snapshot: AssessmentSnapshot = { ...row.snapshot, gap: input.gap, note: input.note, authorId: actor.id, authorName: actor.name };
  await saveUpdate(db, assessment.store, input.id, { expectedVersion: input.version, snapshot, actor });
  return { id: input.id, day: row.snapshot.localDay };
}

export const deleteAssessment = writes.remove;
export const undoDeleteAssessment = writes.undoDelete;
export const restoreAssessmentVersion = writes.restore;
