"use server";
// Editors add and correct parties (shared by all talks); delete, undo and restore them.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { CatalogRestoreInput, CatalogVersionInput, PartyInput, PartyUpdateInput } from "../inputs/catalog";
import { createParty as createRow, deleteCatalogRow, restoreCatalogVersion, undoDeleteCatalogRow, updateParty as updateRow } from "../mutations/catalog";
import { ConflictError } from "../mutations/core";
import { actorOf, attempt, conflictState } from "./edit-support";
import { editorAction } from "./safe-action";

export const createParty = editorAction(PartyInput, async (input, user) => {
  const db = await getDb();
  await attempt(() => createRow(db, input, actorOf(user)));
  redirect(`/parties/${input.slug}`);
});

export const updateParty = editorAction(PartyUpdateInput, async (input, user) => {
  const db = await getDb();
  let slug: string;
  try {
    ({ slug } = await attempt(() => updateRow(db, input, actorOf(user))));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const { id, version, ...values } = input;
    return conflictState("party", error, version, { ...stringValues(values), id }, null);
  }
  redirect(`/parties/${slug}`);
});

export const deleteParty = editorAction(CatalogVersionInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => deleteCatalogRow(db, "party", input, actorOf(user)));
    return { ok: true, message: "Party deleted.", data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("party", error, input.version, {}, null);
  }
});

export const undoDeleteParty = editorAction(CatalogVersionInput, async (input, user) => {
  const db = await getDb();
  const { version } = await attempt(() => undoDeleteCatalogRow(db, "party", input, actorOf(user)));
  refresh();
  return { ok: true, message: "Deletion undone: the party is back.", data: { version } };
});

export const restorePartyRevision = editorAction(CatalogRestoreInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => restoreCatalogVersion(db, "party", input, actorOf(user)));
    refresh();
    return { ok: true, message: `Version ${input.restore} restored as version ${version}.`, data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("party", error, input.version, {}, null);
  }
});

/** The submitted fields as the form shows them again (null → empty box). */
function stringValues(values: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ""]));
}
