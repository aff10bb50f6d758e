"use client";
// Small forms for a row's versions: delete (with an Undo right after), undo a deletion, restore
// an earlier version. Each posts to a Server Action passed in by the page, with the version the
// page showed, so a stale click is refused like a stale save.
import Link from "next/link";
import "./editing.css";
import { useActionState } from "react";
import { useReady } from "./form-kit";
import { conflictOf, type EditState } from "@/lib/actions/edit-state";
import type { ActionInput } from "@/lib/actions/safe-action";

type Versioned = { version: number };
type VersionAction<T extends Versioned> = (previous: EditState<T> | null | undefined, input: ActionInput) => Promise<EditState<T>>;
type Fields = Record<string, string>;

function Hidden({ fields }: { fields: Fields }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function Outcome({ state, id }: { state: EditState<unknown> | null; id: string }) {
  const conflict = conflictOf(state);
  return (
    <p id={id} className={`action-message${state && !state.ok ? " action-message--bad" : ""}`} role={state && !state.ok ? "alert" : "status"}>
      {state?.message ?? ""}
      {conflict ? " Reload the page to see the current version." : ""}
    </p>
  );
}

/** Restores an earlier version of a row as its newest version. */
export function RestoreButton<T extends Versioned>({ action, fields, label, id }: { action: VersionAction<T>; fields: Fields; label: string; id: string }) {
  const [state, run, pending] = useActionState<EditState<T> | null, FormData>(action, null);
  const ready = useReady();
  return (
    <form action={run} className="inline-form" {...ready}>
      <Hidden fields={fields} />
      <button type="submit" className="button button--quiet" disabled={pending || state?.ok} aria-describedby={`${id}-message`}>
        {pending ? "Restoring…" : label}
      </button>
      <Outcome state={state} id={`${id}-message`} />
    </form>
  );
}

/** Undoes the deletion of a row (on its history page, or a talk's). `id` keeps its message's id unique on the page. */
export function UndoDeleteButton<T extends Versioned>({ action, fields, label = "Undo the deletion", id = "undo" }: { action: VersionAction<T>; fields: Fields; label?: string; id?: string }) {
  const [state, run, pending] = useActionState<EditState<T> | null, FormData>(action, null);
  const ready = useReady();
  return (
    <form action={run} className="inline-form" {...ready}>
      <Hidden fields={fields} />
      <button type="submit" className="button" disabled={pending || state?.ok} aria-describedby={`${id}-message`}>
        {pending ? "Undoing…" : label}
      </button>
      <Outcome state={state} id={`${id}-message`} />
    </form>
  );
}

/**
 * Confirms a deletion; once done, says so with an Undo button (the deletion is soft), and once
 * undone, says that. `backHref` leads back to where the row is shown.
 */
export function DeleteFlow<D extends Versioned, U extends Versioned>({
  deleteAction,
  undoAction,
  fields,
  what,
  backHref,
  backLabel,
  historyHref,
  shownOn = "the timeline",
}: {
  deleteAction: VersionAction<D>;
  undoAction: VersionAction<U>;
  fields: Fields;
  what: string;
  backHref: string;
  backLabel: string;
  historyHref: string;
  /** Where the record is shown, which it leaves once deleted ("the timeline"). */
  shownOn?: string;
}) {
  const [deleted, runDelete, deleting] = useActionState<EditState<D> | null, FormData>(deleteAction, null);
  const [undone, runUndo, undoing] = useActionState<EditState<U> | null, FormData>(undoAction, null);
  const deletedVersion = deleted?.ok ? deleted.data?.version : undefined;
  const ready = useReady();

  if (undone?.ok) {
    return (
      <div className="notice notice--ok" role="status">
        <p>{undone.message}</p>
        <p>
          <Link href={backHref}>{backLabel}</Link> · <Link href={historyHref}>History</Link>
        </p>
      </div>
    );
  }
  if (deletedVersion !== undefined) {
    return (
      <div className="notice" role="status">
        <p>
          {deleted!.message} It is hidden from {shownOn}, and kept with its history.
        </p>
        <form action={runUndo} className="inline-form" {...ready}>
          <Hidden fields={{ ...fields, version: String(deletedVersion) }} />
          <button type="submit" className="button" disabled={undoing}>
            {undoing ? "Undoing…" : "Undo"}
          </button>
          <Link href={backHref}>{backLabel}</Link>
        </form>
        {undone && !undone.ok ? (
          <p className="action-message action-message--bad" role="alert">
            {undone.message}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form action={runDelete} className="delete-confirm" {...ready}>
      <Hidden fields={fields} />
      <p>
        Delete {what}? It disappears from {shownOn}; its history is kept, and the deletion can be undone.
      </p>
      <div className="form__actions">
        <button type="submit" className="button button--danger" disabled={deleting}>
          {deleting ? "Deleting…" : `Delete ${what}`}
        </button>
        <Link href={backHref}>Cancel</Link>
      </div>
      {deleted && !deleted.ok ? (
        <p className="action-message action-message--bad" role="alert">
          {deleted.message}
        </p>
      ) : null}
    </form>
  );
}
