// What the four shared kinds (party, envoy, issue, source) have in common: one address made at
// creation, one page each at /<collection>/<slug>, one simple form, and a refusal to delete while
// live records still use them. Each kind's module fills this in; lib/mutations/catalog.ts and
// the editing pages consume it.
import { z } from "zod";
import type { Db } from "../db";
import type { EntityStore } from "./store";
import { id, restoreVersion, version } from "./fields";
import type { CatalogOptions, EntityNames, EntityType, FieldSpec, FormValues, RecordPage, Snapshot } from "./types";

export type CatalogType = "party" | "envoy" | "issue" | "source" | "series";

export type CatalogEntity<S extends Snapshot = Snapshot, C extends { slug: string } = { slug: string }, U extends { id: string; version: number } = { id: string; version: number }> = {
  type: CatalogType & EntityType;
  names: EntityNames;
  /** Where its pages live: /parties, /envoys, /issues, /sources, /series. */
  collection: string;
  /** The field names people see in diffs; fields not listed are not shown. */
  labels: Record<string, string>;
  input: { create: z.ZodType<C>; update: z.ZodType<U> };
  store: EntityStore<S>;
  /** The row of an address (a source's key), deleted or not. */
  idBySlug(db: Db, slug: string): Promise<string | null>;
  slugOf(snapshot: S): string;
  /** What its pages call it. */
  titleOf(snapshot: S): string;
  formValues(snapshot: S): FormValues;
  /** The content a create form makes. */
  created(input: C): S;
  /** The content an edit form makes of the row as it is. */
  updated(current: S, input: U): S;
  /** Checks against other rows before a save (e.g. the envoy's party exists). */
  check?(db: Db, input: C | U): Promise<void>;
  /** The form's fields, in order; the slug field is added by the page. */
  fields(options: CatalogOptions): FieldSpec[];
  /** What live records still use it, in words ("3 talks"); empty when nothing does. */
  usesOf(db: Db, id: string): Promise<string[]>;
};

/** The address of a catalog record's page, or of one of its editing pages. */
export const catalogPath = (entity: Pick<CatalogEntity, "collection">, slug: string, page?: RecordPage | "new") =>
  page === "new" ? `/${entity.collection}/new` : `/${entity.collection}/${slug}${page ? `/${page}` : ""}`;

/** Delete, undo and restore of any of them (and of a talk), named by id. */
export const RowVersionInput = z.object({ id: id(), version });
export const RowRestoreInput = z.object({ id: id(), version, restore: restoreVersion });

/** "3 talks", "1 envoy": counts of what uses a record, the empty ones left out. */
export const countOf = (n: number, one: string) => (n ? [`${n} ${one}${n === 1 ? "" : "s"}`] : []);

/** Live rows only. */
export const live = { deletedAt: null };
