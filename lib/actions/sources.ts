"use server";
// Editors add and correct sources (shared by all talks: a report may be cited by several);
// delete (only when nothing cites it), undo and restore them.
import { source } from "../entities/source";
import { catalogActions } from "./entity-actions";

const actions = catalogActions(source);

export const create = actions.create;
export const update = actions.update;
export const remove = actions.remove;
export const undoDelete = actions.undoDelete;
export const restore = actions.restore;
