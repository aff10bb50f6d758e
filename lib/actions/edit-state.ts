// What the editing forms get back from their Server Actions: the usual ActionState, or a refusal
// because the row changed since the form was loaded, which carries what changed (ConflictView)
// and the editor's own values with the new version, so saving again re-applies them on top.
import type { ConflictView } from "../data/conflicts";
import type { ActionState, FieldErrors, FormValues } from "./safe-action";

export type ConflictState = { ok: false; message: string; fieldErrors?: FieldErrors; values: FormValues; conflict: ConflictView };

export type EditState<TData = undefined> = ActionState<TData> | ConflictState;

export function conflictOf(state: EditState<unknown> | null | undefined): ConflictView | null {
  return state && !state.ok && "conflict" in state ? state.conflict : null;
}

export type { ConflictView };
