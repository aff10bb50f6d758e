"use server";
// Editors add and correct parties (shared by all talks); delete, undo and restore them.
import { party } from "../entities/party";
import { catalogActions } from "./entity-actions";

const actions = catalogActions(party);

export const create = actions.create;
export const update = actions.update;
export const remove = actions.remove;
export const undoDelete = actions.undoDelete;
export const restore = actions.restore;
