import type { EditState } from "@/lib/actions/edit-state";
import type { ActionInput } from "@/lib/actions/safe-action";
import type { EntityHistory } from "@/lib/data/history";
import { ENTITY_LABEL } from "@/lib/entities";
import { RevisionList } from "./revision-list";
import { RestoreButton, UndoDeleteButton } from "./version-actions";

type VersionAction = (previous: EditState<{ version: number }> | null | undefined, input: ActionInput) => Promise<EditState<{ version: number }>>;

/**
 * A row's history: its changes, newest first; for editors, a Restore button on each earlier
 * version and, if the row is deleted, Undo. `fields` name the row for the actions (talk, id).
 */
export function EntityHistoryView({
  history,
  editable,
  restoreAction,
  undoAction,
  fields,
}: {
  history: EntityHistory;
  editable: boolean;
  restoreAction: VersionAction;
  undoAction: VersionAction;
  fields: Record<string, string>;
}) {
  const what = ENTITY_LABEL[history.entityType];
  const current = { ...fields, version: String(history.version) };
  return (
    <>
      {history.deleted ? (
        <div className="notice">
          <p>This {what} is deleted: it is hidden, and its content is kept.</p>
          {editable ? <UndoDeleteButton action={undoAction} fields={current} /> : null}
        </div>
      ) : null}
      <h2 className="section-heading">Changes, newest first</h2>
      <RevisionList
        label={`Changes to this ${what}`}
        entries={history.entries}
        restore={
          editable && !history.deleted
            ? (e) => <RestoreButton id={`restore-${e.id}`} action={restoreAction} fields={{ ...current, restore: String(e.restorable) }} label={`Restore version ${e.restorable}`} />
            : undefined
        }
      />
    </>
  );
}
