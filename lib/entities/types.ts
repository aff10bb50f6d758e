// The words every layer shares about records, below reads (lib/data), writes (lib/mutations),
// actions and pages: what kinds of record there are, what a revision's snapshot is, what a form
// holds. Pure: safe in client components.
//
// Snapshot conventions: instants are ISO strings; shared, named things (parties, envoys, issues)
// are referred to by slug (slugs do not change once made); a talk's own rows (sessions, sources)
// by id; lists are sorted, or kept in their meaningful order (a talk's parties and agenda).

export type EntityType = "talk" | "party" | "envoy" | "issue" | "session" | "statement" | "source" | "assessment" | "linkage" | "series";

/** Kinds of row that have revisions (every kind now has its editing form; decision 024 added linkages'). */
export type RecordedType = EntityType;

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Snapshot = { [key: string]: JsonValue };

/** What a form holds, or shows again after a refusal (never passwords, tokens or files). */
export type FormValues = Record<string, string | string[]>;

/** Messages per form field, as zod's flattened errors give them. */
export type FieldErrors = Record<string, string[] | undefined>;

/** How people call a kind of record: in titles ("Edit a gap assessment") and messages ("Assessment deleted."). */
export type EntityNames = {
  /** "party", "gap assessment" */
  one: string;
  /** "a party", "an issue", "a gap assessment" */
  a: string;
  /** The short word in messages: "party", "assessment". */
  word: string;
};

/** Where a record's pages live. `key` is its slug (a source's key) or, for a talk's own rows, its id. */
export type RecordRef = { talk?: string; key: string };
export type RecordPage = "edit" | "delete" | "history";

/** One plain form field, as the simple form (components/editing/simple-form.tsx) draws it. */
export type FieldSpec = {
  name: string;
  label: string;
  kind: "text" | "textarea" | "select" | "date";
  hint?: string;
  max?: number;
  /** For a day: the first and last days the browser's date picker offers (the action checks again). */
  days?: { min: string; max: string };
  /**
   * A choice's choices. `group`: the heading it is listed under (consecutive choices sharing one
   * are grouped); `tag`: the value of the `filterBy` field it belongs with.
   */
  options?: { value: string; label: string; group?: string; tag?: string }[];
  /**
   * A choice narrowed by another field of the form: once that field has a value, only the choices
   * tagged with it are offered (and the one already chosen). All of them without JavaScript.
   */
  filterBy?: string;
  /** Shown as text, not editable (e.g. a slug once made). */
  readOnly?: boolean;
  placeholder?: string;
};

/** A choice in a form. */
export type Option = { value: string; label: string };

/** Every live party, envoy, issue and series: what the talk form and the envoy form choose from. */
export type CatalogOptions = {
  parties: Option[];
  envoys: { value: string; label: string; party: string }[];
  issues: Option[];
  series: Option[];
};
