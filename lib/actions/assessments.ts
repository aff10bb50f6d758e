"use server";
// Editors assess the gap on an issue on a day, change or delete that judgement, and restore it.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { AssessmentInput, AssessmentUpdateInput } from "../inputs/assessment";
import { StatementRestoreInput as RestoreInput, StatementVersionInput as VersionInput } from "../inputs/statement";
import * as assessments from "../mutations/assessments";
import { ConflictError } from "../mutations/core";
import { actorOf, attempt, conflictState } from "./edit-support";
import { editorAction } from "./safe-action";

const dayPath = (talk: string, day: string) => `/talks/${talk}/days/${day}`;

export const createAssessment = editorAction(AssessmentInput, async (input, user) => {
  const db = await getDb();
  await attempt(() => assessments.createAssessment(db, input, actorOf(user)));
  redirect(dayPath(input.talk, input.localDay));
});

export const updateAssessment = editorAction(AssessmentUpdateInput, async (input, user) => {
  const db = await getDb();
  let day: string;
  try {
    ({ day } = await attempt(() => assessments.updateAssessment(db, input, actorOf(user))));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("assessment", error, input.version, { talk: input.talk, id: input.id, gap: input.gap, note: input.note }, null);
  }
  redirect(dayPath(input.talk, day));
});

export const deleteAssessment = editorAction(VersionInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => assessments.deleteAssessment(db, input, actorOf(user)));
    return { ok: true, message: "Assessment deleted.", data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("assessment", error, input.version, {}, null);
  }
});

export const undoDeleteAssessment = editorAction(VersionInput, async (input, user) => {
  const db = await getDb();
  const { version } = await attempt(() => assessments.undoDeleteAssessment(db, input, actorOf(user)));
  refresh();
  return { ok: true, message: "Deletion undone: the assessment is back.", data: { version } };
});

export const restoreAssessmentRevision = editorAction(RestoreInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => assessments.restoreAssessmentVersion(db, input, actorOf(user)));
    refresh();
    return { ok: true, message: `Version ${input.restore} restored as version ${version}.`, data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("assessment", error, input.version, {}, null);
  }
});
