"use server";
// Editors assess the gap on an issue on a day, change or delete that judgement, and restore it.
import { assessment, AssessmentInput, AssessmentUpdateInput } from "../entities/assessment";
import { dayPagePath, TalkRowRestoreInput, TalkRowVersionInput } from "../entities/talk-row";
import * as assessments from "../mutations/assessments";
import { saveActions, versionActions } from "./entity-actions";

const save = saveActions({
  type: "assessment",
  createInput: AssessmentInput,
  updateInput: AssessmentUpdateInput,
  create: async (db, input, actor) => {
    await assessments.createAssessment(db, input, actor);
    return dayPagePath(input.talk, input.localDay);
  },
  update: async (db, input, actor) => dayPagePath(input.talk, (await assessments.updateAssessment(db, input, actor)).day),
  conflictValues: (input) => ({ talk: input.talk, id: input.id, gap: input.gap, note: input.note }),
});

const versions = versionActions({
  type: "assessment",
  word: assessment.names.word,
  versionInput: TalkRowVersionInput,
  restoreInput: TalkRowRestoreInput,
  remove: assessments.deleteAssessment,
  undoDelete: assessments.undoDeleteAssessment,
  restore: assessments.restoreAssessmentVersion,
});

export const create = save.create;
export const update = save.update;
export const remove = versions.remove;
export const undoDelete = versions.undoDelete;
export const restore = versions.restore;
