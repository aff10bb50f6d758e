// Shared by the editing Server Actions (lib/actions/{statements,sessions,…}.ts): who the actor
// is, and how the write core's refusals become what a form shows. Not a "use server" module, so
// nothing here is callable from a browser.
import "server-only";
import type { CurrentUser } from "../auth/roles";
import { describeConflict } from "../data/conflicts";
import { CONFIRM_FIELD } from "../entities/store";
import { ConfirmableError, ConflictError, MutationError, type Actor } from "../mutations/core";
import type { EntityType } from "../entities/types";
import type { ConflictState } from "./edit-state";
import { ActionError, type FormValues } from "./safe-action";

export const actorOf = (user: CurrentUser): Actor => ({ id: user.id, name: user.name });

/**
 * Runs a write; a rule's refusal becomes the form's message (next to its field when it names one).
 * A warning the editor may confirm also names CONFIRM_FIELD, which is how the form knows to offer
 * "Save anyway" (sending `confirmOutside: true`).
 */
export async function attempt<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof MutationError && !(error instanceof ConflictError)) {
      const fieldErrors = { ...(error.field ? { [error.field]: [error.message] } : {}), ...(error instanceof ConfirmableError ? { [CONFIRM_FIELD]: [error.message] } : {}) };
      throw new ActionError(error.message, Object.keys(fieldErrors).length ? { fieldErrors } : {});
    }
    throw error;
  }
}

const AT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * The refusal of a stale save: who saved what since, and the editor's values back in the form
 * with the version now current, so that pressing Save again applies them on top (checked again).
 */
export async function conflictState(
  type: EntityType,
  error: ConflictError,
  expectedVersion: number,
  values: FormValues,
  timeZone: string | null,
): Promise<ConflictState> {
  const conflict = await describeConflict(type, error, expectedVersion, timeZone);
  const who = conflict.savedBy ?? "someone";
  const when = conflict.savedAt ? ` on ${AT.format(new Date(conflict.savedAt))} UTC` : "";
  const message = conflict.deleted
    ? `Not saved: ${who} deleted this ${conflict.entity}${when}, after you opened it. Your changes are still in the form; undo the deletion from its history to apply them.`
    : `Not saved: ${who} saved a newer version of this ${conflict.entity}${when}, after you opened it. Compare below; your changes are still in the form — save again to apply them on top of theirs.`;
  return { ok: false, message, values: { ...values, version: String(conflict.version) }, conflict };
}
