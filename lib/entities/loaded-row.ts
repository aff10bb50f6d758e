// A row as the talk-document loader recorded it (lib/talk-document/load.ts writes each create
// revision's `after` as the inserted row: ids such as partyId and issueId, no relation lists) in
// the shape the write core records (a kind's snapshot: slugs, and its issue, source, party and
// envoy lists), so that a history reads both alike. Pure: the ids' slugs and the join rows are
// looked up beforehand (lib/data/loaded-rows.ts), one query per kind for a whole page.
import type { JsonValue, RecordedType, Snapshot } from "./types";

/** What a loaded row refers to by id, resolved. Lists are keyed by the row's id. */
export type LoadedRefs = {
  partySlug: Map<string, string>;
  envoySlug: Map<string, string>;
  issueSlug: Map<string, string>;
  issuesOf: Map<string, string[]>;
  sourcesOf: Map<string, string[]>;
  partiesOf: Map<string, string[]>;
  /** A talk's parties that are not principals (optional: histories read before roles existed). */
  rolesOf?: Map<string, { party: string; role: string }[]>;
  envoysOf: Map<string, { envoy: string; role: string }[]>;
};

/** The loader's rows carry their own id (a snapshot never does) and foreign keys ending in "Id". */
export function isLoadedRow(raw: Snapshot): boolean {
  return typeof raw.id === "string";
}

/** The ids a loaded row refers to, by kind: what to look up before calling loadedRowSnapshot. */
export function loadedRowIds(raw: Snapshot): { party: string[]; envoy: string[]; issue: string[] } {
  const one = (v: JsonValue | undefined) => (typeof v === "string" ? [v] : []);
  return { party: one(raw.partyId), envoy: one(raw.envoyId), issue: [...one(raw.issueId), ...one(raw.conditionIssueId)] };
}

const sorted = (xs: string[]) => [...xs].sort();

/** A loaded row as its kind's snapshot. Unknown ids are kept as they are rather than dropped. */
export function loadedRowSnapshot(type: RecordedType, raw: Snapshot, refs: LoadedRefs): Snapshot {
  const { id: rawId, ...rest } = raw;
  const id = typeof rawId === "string" ? rawId : "";
  const slugOf = (map: Map<string, string>, v: JsonValue | undefined) => (typeof v === "string" ? (map.get(v) ?? v) : null);
  switch (type) {
    case "statement": {
      const { sessionId, partyId, envoyId, ...fields } = rest;
      return {
        talkId: fields.talkId ?? null,
        session: sessionId ?? null,
        party: slugOf(refs.partySlug, partyId),
        envoy: slugOf(refs.envoySlug, envoyId),
        ...withoutTalkId(fields),
        issues: sorted(refs.issuesOf.get(id) ?? []),
        sources: sorted(refs.sourcesOf.get(id) ?? []),
      };
    }
    case "session":
      return { ...rest, issues: sorted(refs.issuesOf.get(id) ?? []), sources: sorted(refs.sourcesOf.get(id) ?? []) };
    case "assessment": {
      const { issueId, ...fields } = rest;
      return { talkId: fields.talkId ?? null, issue: slugOf(refs.issueSlug, issueId), ...withoutTalkId(fields), authorId: fields.authorId ?? null };
    }
    case "envoy": {
      const { partyId, ...fields } = rest;
      return { ...fields, party: slugOf(refs.partySlug, partyId) };
    }
    case "linkage": {
      const { partyId, issueId, conditionIssueId, statementId, ...fields } = rest;
      return {
        ...fields,
        party: slugOf(refs.partySlug, partyId),
        issue: slugOf(refs.issueSlug, issueId),
        conditionIssue: slugOf(refs.issueSlug, conditionIssueId),
        statement: statementId ?? null,
      };
    }
    case "talk":
      return {
        ...rest,
        parties: refs.partiesOf.get(id) ?? [],
        ...(refs.rolesOf?.get(id)?.length ? { roles: [...refs.rolesOf.get(id)!].sort((a, b) => a.party.localeCompare(b.party)) } : {}),
        envoys: [...(refs.envoysOf.get(id) ?? [])].sort((a, b) => a.envoy.localeCompare(b.envoy)),
        issues: refs.issuesOf.get(id) ?? [],
      };
    default:
      return rest;
  }
}

function withoutTalkId(fields: Snapshot): Snapshot {
  const { talkId: _talkId, ...rest } = fields;
  return rest;
}
