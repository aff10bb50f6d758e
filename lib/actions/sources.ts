"use server";
// Editors add and correct sources (shared by all talks: a report may be cited by several);
// delete (only when nothing cites it), undo and restore them.
import { SourceInput, SourceUpdateInput } from "../inputs/catalog";
import { createSource as createRow, updateSource as updateRow } from "../mutations/catalog";
import { catalogActions } from "./catalog-actions";

const actions = catalogActions({
  type: "source",
  label: "Source",
  path: "/sources",
  createInput: SourceInput,
  updateInput: SourceUpdateInput,
  create: createRow,
  update: updateRow,
});

export const createSource = actions.create;
export const updateSource = actions.update;
export const deleteSource = actions.remove;
export const undoDeleteSource = actions.undoDelete;
export const restoreSourceRevision = actions.restore;
