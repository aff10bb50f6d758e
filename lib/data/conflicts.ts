// The explanation of a refused stale save: the row as saved now beside what the editor tried to
// save, field by field, marking what someone else changed since the editor opened the form.
import "server-only";
import { getDb } from "../db";
import type { ChangeInfo, ConflictError } from "../entities/store";
import { diffSnapshots, ENTITY_LABEL, FIELD_LABELS } from "../entities";
import type { EntityType } from "../entities/types";
import { asSnapshot, loadNames, NONE, showValue } from "./snapshot-words";

export type ConflictChange = { field: string; label: string; saved: string; yours: string; changedSinceOpened: boolean | null };

/** What the editor is shown when their save was refused because the row moved on. */
export type ConflictView = {
  entity: string;
  savedBy: string | null;
  savedAt: string | null;
  action: string | null;
  version: number;
  deleted: boolean;
  changes: ConflictChange[];
  /** The text as saved now (statements), shown in full. */
  savedText: string | null;
};

/**
 * Compares the editor's attempted content with the row as saved now, field by field, and marks
 * which fields someone else changed since the version the editor started from.
 */
export async function describeConflict(
  type: EntityType,
  error: ConflictError,
  expectedVersion: number,
  timeZone: string | null,
): Promise<ConflictView> {
  const db = await getDb();
  const base = await db.revision
    .findUnique({ where: { entityType_entityId_version: { entityType: type, entityId: error.current.id, version: expectedVersion } }, select: { after: true } })
    .then((r) => asSnapshot(r?.after));
  const baseFromNext =
    base ??
    (await db.revision
      .findUnique({ where: { entityType_entityId_version: { entityType: type, entityId: error.current.id, version: expectedVersion + 1 } }, select: { before: true } })
      .then((r) => asSnapshot(r?.before)));
  const current = error.current.snapshot;
  const yours = error.attempted ?? null;
  const names = await loadNames(db, [current, yours, baseFromNext]);
  const changedByOthers = new Set(baseFromNext ? diffSnapshots(type, baseFromNext, current).map((c) => c.field) : []);
  const differsFromYours = new Set(yours ? diffSnapshots(type, yours, current).map((c) => c.field) : []);
  const changes = Object.entries(FIELD_LABELS[type])
    .filter(([field]) => changedByOthers.has(field) || differsFromYours.has(field))
    .map(([field, label]) => ({
      field,
      label,
      saved: showValue(type, field, current[field], names, timeZone),
      yours: yours ? showValue(type, field, yours[field], names, timeZone) : NONE,
      changedSinceOpened: baseFromNext ? changedByOthers.has(field) : null,
    }));
  const last: ChangeInfo | null = error.lastChange;
  return {
    entity: ENTITY_LABEL[type],
    savedBy: last?.actorName ?? null,
    savedAt: last?.at.toISOString() ?? null,
    action: last?.action ?? null,
    version: error.current.version,
    deleted: error.current.deletedAt !== null,
    changes,
    savedText: typeof current.text === "string" ? current.text : null,
  };
}
