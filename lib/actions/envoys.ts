"use server";
// Editors add and correct envoys (shared by all talks); delete, undo and restore them.
import { EnvoyInput, EnvoyUpdateInput } from "../inputs/catalog";
import { createEnvoy as createRow, updateEnvoy as updateRow } from "../mutations/catalog";
import { catalogActions } from "./catalog-actions";

const actions = catalogActions({
  type: "envoy",
  label: "Envoy",
  path: "/envoys",
  createInput: EnvoyInput,
  updateInput: EnvoyUpdateInput,
  create: createRow,
  update: updateRow,
});

export const createEnvoy = actions.create;
export const updateEnvoy = actions.update;
export const deleteEnvoy = actions.remove;
export const undoDeleteEnvoy = actions.undoDelete;
export const restoreEnvoyRevision = actions.restore;
