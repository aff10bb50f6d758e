"use server";
// Editors add and correct envoys (shared by all talks); delete, undo and restore them.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { CatalogRestoreInput, CatalogVersionInput, EnvoyInput, EnvoyUpdateInput } from "../inputs/catalog";
import { createEnvoy as createRow, deleteCatalogRow, restoreCatalogVersion, undoDeleteCatalogRow, updateEnvoy as updateRow } from "../mutations/catalog";
import { ConflictError } from "../mutations/core";
import { actorOf, attempt, conflictState } from "./edit-support";
import { editorAction } from "./safe-action";

export const createEnvoy = editorAction(EnvoyInput, async (input, user) => {
  const db = await getDb();
  await attempt(() => createRow(db, input, actorOf(user)));
  redirect(`/envoys/${input.slug}`);
});

export const updateEnvoy = editorAction(EnvoyUpdateInput, async (input, user) => {
  const db = await getDb();
  let slug: string;
  try {
    ({ slug } = await attempt(() => updateRow(db, input, actorOf(user))));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const { id, version, ...values } = input;
    return conflictState("envoy", error, version, { ...stringValues(values), id }, null);
  }
  redirect(`/envoys/${slug}`);
});

export const deleteEnvoy = editorAction(CatalogVersionInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => deleteCatalogRow(db, "envoy", input, actorOf(user)));
    return { ok: true, message: "Envoy deleted.", data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("envoy", error, input.version, {}, null);
  }
});

export const undoDeleteEnvoy = editorAction(CatalogVersionInput, async (input, user) => {
  const db = await getDb();
  const { version } = await attempt(() => undoDeleteCatalogRow(db, "envoy", input, actorOf(user)));
  refresh();
  return { ok: true, message: "Deletion undone: the envoy is back.", data: { version } };
});

export const restoreEnvoyRevision = editorAction(CatalogRestoreInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => restoreCatalogVersion(db, "envoy", input, actorOf(user)));
    refresh();
    return { ok: true, message: `Version ${input.restore} restored as version ${version}.`, data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("envoy", error, input.version, {}, null);
  }
});

/** The submitted fields as the form shows them again (null → empty box). */
function stringValues(values: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ""]));
}
