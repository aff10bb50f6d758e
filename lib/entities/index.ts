// Every kind of record, by type: the one place that lists them. Revisions' diffs, the conflict
// view, the history pages and live updates look a kind up here.
import { assessment } from "./assessment";
import { envoy } from "./envoy";
import { issue } from "./issue";
import { linkage } from "./linkage";
import { party } from "./party";
import { series } from "./series";
import { session } from "./session";
import { source } from "./source";
import { statement } from "./statement";
import { talk } from "./talk";
import type { EntityNames, EntityType, JsonValue, RecordedType, Snapshot } from "./types";
import type { EntityStore } from "./store";

export type EntityDescriptor = { type: EntityType; names: EntityNames; labels: Record<string, string>; store: EntityStore<Snapshot> };

/** The descriptors by type. (Each kind's store is typed by its own snapshot; here they are seen as any snapshot.) */
export const ENTITIES = { talk, party, envoy, issue, session, statement, source, assessment, linkage, series } as unknown as Record<EntityType, EntityDescriptor>;

const described = (type: RecordedType) => ENTITIES[type];

/** The field names people see in diffs, per kind of row; fields not listed are not shown. */
export const FIELD_LABELS = Object.fromEntries((["statement", "session", "assessment", "talk", "party", "envoy", "issue", "source", "linkage", "series"] as const).map((t) => [t, described(t).labels])) as Record<RecordedType, Record<string, string>>;

export const ENTITY_LABEL = Object.fromEntries((Object.keys(FIELD_LABELS) as RecordedType[]).map((t) => [t, described(t).names.one])) as Record<RecordedType, string>;

export type FieldChange = { field: string; label: string; before: JsonValue | undefined; after: JsonValue | undefined };

/**
 * The shown fields that differ between two snapshots, in the order of the kind's labels. A missing
 * snapshot (before a create, after a delete) counts as all fields absent.
 */
export function diffSnapshots(type: RecordedType, before: Snapshot | null, after: Snapshot | null): FieldChange[] {
  const changes: FieldChange[] = [];
  // A kind recorded by a newer version of Parley than this one shows no fields rather than failing.
  for (const [field, label] of Object.entries(FIELD_LABELS[type] ?? {})) {
    const a = before?.[field];
    const b = after?.[field];
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) changes.push({ field, label, before: a, after: b });
  }
  return changes;
}
