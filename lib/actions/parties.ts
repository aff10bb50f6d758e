"use server";
// Editors add and correct parties (shared by all talks); delete, undo and restore them.
import { PartyInput, PartyUpdateInput } from "../inputs/catalog";
import { createParty as createRow, updateParty as updateRow } from "../mutations/catalog";
import { catalogActions } from "./catalog-actions";

const actions = catalogActions({
  type: "party",
  label: "Party",
  path: "/parties",
  createInput: PartyInput,
  updateInput: PartyUpdateInput,
  create: createRow,
  update: updateRow,
});

export const createParty = actions.create;
export const updateParty = actions.update;
export const deleteParty = actions.remove;
export const undoDeleteParty = actions.undoDelete;
export const restorePartyRevision = actions.restore;
