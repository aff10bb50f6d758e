"use server";
// Editors add and correct envoys (shared by all talks); delete, undo and restore them.
import { envoy } from "../entities/envoy";
import { catalogActions } from "./entity-actions";

const actions = catalogActions(envoy);

export const create = actions.create;
export const update = actions.update;
export const remove = actions.remove;
export const undoDelete = actions.undoDelete;
export const restore = actions.restore;
