// What a revision records of each kind of row: plain JSON, written by lib/mutations/stores.ts,
// read by the history pages and the conflict message. Pure (no database), safe anywhere.
//
// Conventions: instants are ISO strings; shared, named things (parties, envoys, issues) are
// referred to by slug (slugs do not change once made); a talk's own rows (sessions, sources) by
// id; lists are sorted, or kept in their meaningful order (a talk's parties and agenda).

export type EntityType = "talk" | "party" | "envoy" | "issue" | "session" | "statement" | "source" | "assessment";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Snapshot = { [key: string]: JsonValue };

export type StatementSnapshot = {
  talkId: string;
  session: string | null;
  party: string;
  envoy: string | null;
  capacity: string;
  saidOn: string | null;
  saidAt: string | null;
  saidPrecision: string;
  partOfDay: string | null;
  reportedOn: string | null;
  setting: string;
  kind: string;
  text: string;
  quotedWords: string | null;
  sequence: number;
  issues: string[];
  sources: string[];
};

export type SessionSnapshot = {
  talkId: string;
  localDay: string | null;
  startsAt: string | null;
  endsAt: string | null;
  kind: string | null;
  title: string;
  summary: string;
  outcome: string;
  outcomeNote: string | null;
  sequence: number;
  issues: string[];
  sources: string[];
};

export type AssessmentSnapshot = {
  talkId: string;
  issue: string;
  localDay: string;
  gap: string;
  note: string;
  authorId: string | null;
  authorName: string;
};

export type TalkSnapshot = {
  slug: string;
  title: string;
  venueCity: string;
  venueTimeZone: string;
  firstDay: string;
  lastDay: string | null;
  status: string;
  summary: string;
  parties: string[];
  envoys: { envoy: string; role: string }[];
  issues: string[];
};

export type PartySnapshot = { slug: string; name: string; shortName: string; isoCode: string | null };
export type EnvoySnapshot = { slug: string; name: string; nameOriginal: string | null; title: string | null; party: string };
export type IssueSnapshot = { slug: string; name: string; description: string | null };
export type SourceSnapshot = { key: string; publisher: string; title: string; url: string | null; publishedOn: string | null };

/** Kinds of row that have revisions but no editing form yet (written by the talk document loader). */
export type RecordedType = EntityType | "linkage";

/** The field names people see in diffs, per kind of row; fields not listed are not shown. */
export const FIELD_LABELS: Record<RecordedType, Record<string, string>> = {
  statement: {
    party: "Party",
    envoy: "Speaker",
    capacity: "Capacity",
    kind: "Kind",
    saidPrecision: "Known to",
    saidOn: "Day said",
    saidAt: "Time said",
    partOfDay: "Part of day",
    reportedOn: "Day reported",
    setting: "Setting",
    session: "Session",
    issues: "Issues",
    text: "Text",
    quotedWords: "Exact quoted words",
    sources: "Sources",
  },
  session: {
    title: "Title",
    localDay: "Day",
    startsAt: "Starts",
    endsAt: "Ends",
    kind: "Kind",
    issues: "Issues",
    summary: "Summary",
    outcome: "Outcome",
    outcomeNote: "Outcome note",
    sources: "Sources",
  },
  assessment: { issue: "Issue", localDay: "Day", gap: "Gap", note: "Note", authorName: "Author" },
  talk: {
    title: "Title",
    venueCity: "Venue city",
    venueTimeZone: "Venue time zone",
    firstDay: "First day",
    lastDay: "Last day",
    status: "Status",
    summary: "Summary",
    parties: "Parties",
    envoys: "Envoys",
    issues: "Agenda",
  },
  party: { name: "Name", shortName: "Short name", isoCode: "ISO code" },
  envoy: { name: "Name", nameOriginal: "Name in original script", title: "Title", party: "Party" },
  issue: { name: "Name", description: "Description" },
  source: { publisher: "Publisher", title: "Title", url: "Address (URL)", publishedOn: "Published" },
  linkage: { text: "Condition", statedOn: "Stated on", droppedOn: "Dropped on" },
};

export const ENTITY_LABEL: Record<RecordedType, string> = {
  talk: "talk",
  party: "party",
  envoy: "envoy",
  issue: "issue",
  session: "session",
  statement: "statement",
  source: "source",
  assessment: "gap assessment",
  linkage: "linkage",
};

export type FieldChange = { field: string; label: string; before: JsonValue | undefined; after: JsonValue | undefined };

/**
 * The shown fields that differ between two snapshots, in the order of FIELD_LABELS. A missing
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
