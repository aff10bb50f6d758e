"use server";
// Editors add, correct, delete and restore sessions (lib/mutations/sessions.ts does the work).
import { session, SessionInput, sessionInputValues, SessionUpdateInput } from "../entities/session";
import * as sessions from "../mutations/sessions";
import { talkRowActions } from "./entity-actions";

const actions = talkRowActions(session, {
  createInput: SessionInput,
  updateInput: SessionUpdateInput,
  create: sessions.createSession,
  update: sessions.updateSession,
  conflictValues: (input) => ({ ...sessionInputValues(input), id: input.id }),
  writes: { remove: sessions.deleteSession, undoDelete: sessions.undoDeleteSession, restore: sessions.restoreSessionVersion },
});

export const create = actions.create;
export const update = actions.update;
export const remove = actions.remove;
export const undoDelete = actions.undoDelete;
export const restore = actions.restore;
