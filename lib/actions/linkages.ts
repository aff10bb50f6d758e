"use server";
// Editors add a linkage between two of a talk's issues, correct or delete it, and restore it.
import { linkage, LinkageInput, LinkageUpdateInput } from "../entities/linkage";
import * as linkages from "../mutations/linkages";
import { talkRowActions } from "./entity-actions";

const actions = talkRowActions(linkage, {
  createInput: LinkageInput,
  updateInput: LinkageUpdateInput,
  create: linkages.createLinkage,
  update: linkages.updateLinkage,
  conflictValues: (input) => ({
    talk: input.talk,
    id: input.id,
    party: input.party,
    issue: input.issue,
    conditionIssue: input.conditionIssue,
    text: input.text,
    statedOn: input.statedOn ?? "",
    droppedOn: input.droppedOn ?? "",
    statement: input.statement ?? "",
  }),
  writes: { remove: linkages.deleteLinkage, undoDelete: linkages.undoDeleteLinkage, restore: linkages.restoreLinkageVersion },
});

export const create = actions.create;
export const update = actions.update;
export const remove = actions.remove;
export const undoDelete = actions.undoDelete;
export const restore = actions.restore;
