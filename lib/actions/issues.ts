"use server";
// Editors add and correct issues (agenda topics) (shared by all talks); delete, undo and restore them.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { CatalogRestoreInput, CatalogVersionInput, IssueInput, IssueUpdateInput } from "../inputs/catalog";
import { createIssue as createRow, deleteCatalogRow, restoreCatalogVersion, undoDeleteCatalogRow, updateIssue as updateRow } from "../mutations/catalog";
import { ConflictError } from "../mutations/core";
import { actorOf, attempt, conflictState } from "./edit-support";
import { editorAction } from "./safe-action";

export const createIssue = editorAction(IssueInput, async (input, user) => {
  const db = await getDb();
  await attempt(() => createRow(db, input, actorOf(user)));
  redirect(`/issues/${input.slug}`);
});

export const updateIssue = editorAction(IssueUpdateInput, async (input, user) => {
  const db = await getDb();
  let slug: string;
  try {
    ({ slug } = await attempt(() => updateRow(db, input, actorOf(user))));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const { id, version, ...values } = input;
    return conflictState("issue", error, version, { ...stringValues(values), id }, null);
  }
  redirect(`/issues/${slug}`);
});

export const deleteIssue = editorAction(CatalogVersionInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => deleteCatalogRow(db, "issue", input, actorOf(user)));
    return { ok: true, message: "Issue deleted.", data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("issue", error, input.version, {}, null);
  }
});

export const undoDeleteIssue = editorAction(CatalogVersionInput, async (input, user) => {
  const db = await getDb();
  const { version } = await attempt(() => undoDeleteCatalogRow(db, "issue", input, actorOf(user)));
  refresh();
  return { ok: true, message: "Deletion undone: the issue is back.", data: { version } };
});

export const restoreIssueRevision = editorAction(CatalogRestoreInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => restoreCatalogVersion(db, "issue", input, actorOf(user)));
    refresh();
    return { ok: true, message: `Version ${input.restore} restored as version ${version}.`, data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("issue", error, input.version, {}, null);
  }
});

/** The submitted fields as the form shows them again (null → empty box). */
function stringValues(values: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? ""]));
}
