"use server";
// Editors add and correct issues (agenda topics) (shared by all talks); delete, undo and restore them.
import { IssueInput, IssueUpdateInput } from "../inputs/catalog";
import { createIssue as createRow, updateIssue as updateRow } from "../mutations/catalog";
import { catalogActions } from "./catalog-actions";

const actions = catalogActions({
  type: "issue",
  label: "Issue",
  path: "/issues",
  createInput: IssueInput,
  updateInput: IssueUpdateInput,
  create: createRow,
  update: updateRow,
});

export const createIssue = actions.create;
export const updateIssue = actions.update;
export const deleteIssue = actions.remove;
export const undoDeleteIssue = actions.undoDelete;
export const restoreIssueRevision = actions.restore;
