// What a talk's own kinds (session, statement, assessment) have in common: they belong to one
// talk, lie on one of its days (or an unknown day), and their pages live under the talk:
// /talks/<talk>/<collection>/<id>/{edit,delete,history}, with the day page as their place.
import { z } from "zod";
import { id, restoreVersion, slug, version } from "./fields";
import type { EntityStore } from "./store";
import type { EntityNames, FormValues, RecordPage, Snapshot } from "./types";

export type TalkRowType = "session" | "statement" | "assessment" | "linkage";

export type TalkRowEntity<S extends Snapshot = Snapshot> = {
  type: TalkRowType;
  names: EntityNames;
  collection: "sessions" | "statements" | "assessments" | "linkages";
  /** The field names people see in diffs; fields not listed are not shown. */
  labels: Record<string, string>;
  store: EntityStore<S>;
  /** The day it lies on; null when not known. */
  dayOf: (snapshot: S) => string | null;
  /** Its edit form's values, times on the venue's clock. */
  formValues: (snapshot: S, timeZone: string) => FormValues;
  /** The anchor of its item on the day page ("statement-<id>"), when it has one. */
  anchor: "statement" | "session" | null;
  /** Where it is shown: on its day (the default), or in a section of the talk page (linkages). */
  place?: "day" | "talk";
};

/** Delete and undo name the row, its talk and the version the editor saw; restore adds the version to bring back. */
export const TalkRowVersionInput = z.object({ talk: slug(), id: id(), version });
export const TalkRowRestoreInput = z.object({ talk: slug(), id: id(), version, restore: restoreVersion });

/** The page of a talk's row ("/talks/t/sessions/<id>/edit"). */
export const talkRowPath = (entity: Pick<TalkRowEntity, "collection">, talk: string, id: string, page: RecordPage) => `/talks/${talk}/${entity.collection}/${id}/${page}`;

/** Where a row is shown: its day page, or the talk page's section for its kind ("#linkages"). */
export function rowPlacePath(entity: Pick<TalkRowEntity, "place" | "collection" | "anchor">, talk: string, day: string | null, id: string): string {
  return entity.place === "talk" ? `/talks/${talk}#${entity.collection}` : dayPagePath(talk, day, { anchor: entity.anchor, id });
}

/** The day page that holds a row, at the row's item when it has one. */
export function dayPagePath(talk: string, day: string | null, at?: { anchor: TalkRowEntity["anchor"]; id: string }): string {
  const path = `/talks/${talk}/days/${day ?? "unknown"}`;
  return at?.anchor ? `${path}#${at.anchor}-${at.id}` : path;
}

/** Source lists of the session and statement forms: the ones chosen plus a new one made in the same save. */
export const withSources = (chosen: string[], made: string[]) => [...new Set([...chosen, ...made])].sort();
