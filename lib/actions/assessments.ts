"use server";
// Editors assess the gap on an issue on a day, change or delete that judgement, and restore it.
import { assessment, AssessmentInput, AssessmentUpdateInput } from "../entities/assessment";
import * as assessments from "../mutations/assessments";
import { talkRowActions } from "./entity-actions";

const actions = talkRowActions(assessment, {
  createInput: AssessmentInput,
  updateInput: AssessmentUpdateInput,
  create: async (db, input, actor) => ({ id: (await assessments.createAssessment(db, input, actor)).id, day: input.localDay }),
  update: assessments.updateAssessment,
  conflictValues: (input) => ({ talk: input.talk, id: input.id, gap: input.gap, note: input.note }),
  writes: { remove: assessments.deleteAssessment, undoDelete: assessments.undoDeleteAssessment, restore: assessments.restoreAssessmentVersion },
});

export const create = actions.create;
export const update = actions.update;
export const remove = actions.remove;
export const undoDelete = actions.undoDelete;
export const restore = actions.restore;
