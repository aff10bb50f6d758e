"use server";
// Editors add and correct series (the talks a run of rounds belongs to); delete, undo and restore them.
import { series } from "../entities/series";
import { catalogActions } from "./entity-actions";

const actions = catalogActions(series);

export const create = actions.create;
export const update = actions.update;
export const remove = actions.remove;
export const undoDelete = actions.undoDelete;
export const restore = actions.restore;
