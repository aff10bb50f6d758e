"use server";
// Editors add and correct issues (agenda topics) (shared by all talks); delete, undo and restore them.
import { issue } from "../entities/issue";
import { catalogActions } from "./entity-actions";

const actions = catalogActions(issue);

export const create = actions.create;
export const update = actions.update;
export const remove = actions.remove;
export const undoDelete = actions.undoDelete;
export const restore = actions.restore;
