// Reads what rows recorded by the talk-document loader refer to, so a history shows them as it
// shows the write core's snapshots (lib/entities/loaded-row.ts). One query per kind of thing for
// a whole page. The relation lists come from today's join rows: a loaded row whose create is
// shown this way has no later revision (lib/data/history.ts prefers the "before" of its version 2;
// lib/data/as-of.ts the "before" of its next revision), so its join rows are still those it was
// loaded with.
import "server-only";
import type { Db } from "../db";
import { isLoadedRow, loadedRowIds, loadedRowSnapshot, type LoadedRefs } from "../entities/loaded-row";
import type { RecordedType, Snapshot } from "../entities/types";

export type LoadedRow = { type: RecordedType; raw: Snapshot };

/**
 * Where the statements' and sessions' join rows are read from: by the rows' own ids (a page of
 * history), or, given `talkId`, for the whole talk at once (a talk rebuilt from its revisions
 * converts nearly all of its rows, and lists of thousands of ids cost more than the talk's join rows).
 */
export type LoadedRowsScope = { talkId?: string };

/** What the loaded rows among `rows` refer to: slugs of the ids they hold, and their relation lists. */
export async function readLoadedRefs(db: Db, rows: LoadedRow[], scope: LoadedRowsScope = {}): Promise<LoadedRefs> {
  const loaded = rows.filter((r) => isLoadedRow(r.raw));
  const want = { party: new Set<string>(), envoy: new Set<string>(), issue: new Set<string>() };
  const idsOf = (type: RecordedType) => loaded.filter((r) => r.type === type).map((r) => r.raw.id as string);
  for (const r of loaded) {
    const ids = loadedRowIds(r.raw);
    ids.party.forEach((x) => want.party.add(x));
    ids.envoy.forEach((x) => want.envoy.add(x));
    ids.issue.forEach((x) => want.issue.add(x));
  }
  const [statements, sessions, talks] = [idsOf("statement"), idsOf("session"), idsOf("talk")];
  const ofTalk = scope.talkId ? { talkId: scope.talkId } : null;
  const statementRows = ofTalk ? { statement: ofTalk } : { statementId: { in: statements } };
  const sessionRows = ofTalk ? { session: ofTalk } : { sessionId: { in: sessions } };
  const none = Promise.resolve([]);
  const [parties, envoys, issues, statementIssues, statementSources, sessionIssues, sessionSources, talkParties, talkEnvoys, talkIssues] = await Promise.all([
    want.party.size ? db.party.findMany({ where: { id: { in: [...want.party] } }, select: { id: true, slug: true } }) : none,
    want.envoy.size ? db.envoy.findMany({ where: { id: { in: [...want.envoy] } }, select: { id: true, slug: true } }) : none,
    want.issue.size ? db.issue.findMany({ where: { id: { in: [...want.issue] } }, select: { id: true, slug: true } }) : none,
    statements.length ? db.statementIssue.findMany({ where: statementRows, select: { statementId: true, issue: { select: { slug: true } } } }) : none,
    statements.length ? db.statementSource.findMany({ where: statementRows, select: { statementId: true, sourceId: true } }) : none,
    sessions.length ? db.sessionIssue.findMany({ where: sessionRows, select: { sessionId: true, issue: { select: { slug: true } } } }) : none,
    sessions.length ? db.sessionSource.findMany({ where: sessionRows, select: { sessionId: true, sourceId: true } }) : none,
    talks.length ? db.talkParty.findMany({ where: { talkId: { in: talks } }, orderBy: { position: "asc" }, select: { talkId: true, role: true, party: { select: { slug: true } } } }) : none,
    talks.length ? db.talkEnvoy.findMany({ where: { talkId: { in: talks } }, select: { talkId: true, role: true, envoy: { select: { slug: true } } } }) : none,
    talks.length ? db.talkIssue.findMany({ where: { talkId: { in: talks } }, orderBy: { position: "asc" }, select: { talkId: true, issue: { select: { slug: true } } } }) : none,
  ]);
  const listOf = <T>(map: Map<string, T[]>, key: string, value: T) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  const refs: LoadedRefs = {
    partySlug: new Map(parties.map((p) => [p.id, p.slug])),
    envoySlug: new Map(envoys.map((e) => [e.id, e.slug])),
    issueSlug: new Map(issues.map((i) => [i.id, i.slug])),
    issuesOf: new Map(),
    sourcesOf: new Map(),
    partiesOf: new Map(),
    rolesOf: new Map(),
    envoysOf: new Map(),
  };
  for (const x of statementIssues) listOf(refs.issuesOf, x.statementId, x.issue.slug);
  for (const x of sessionIssues) listOf(refs.issuesOf, x.sessionId, x.issue.slug);
  for (const x of talkIssues) listOf(refs.issuesOf, x.talkId, x.issue.slug);
  for (const x of statementSources) listOf(refs.sourcesOf, x.statementId, x.sourceId);
  for (const x of sessionSources) listOf(refs.sourcesOf, x.sessionId, x.sourceId);
  for (const x of talkParties) listOf(refs.partiesOf, x.talkId, x.party.slug);
  for (const x of talkParties) if (x.role !== "principal") listOf(refs.rolesOf!, x.talkId, { party: x.party.slug, role: x.role });
  for (const x of talkEnvoys) listOf(refs.envoysOf, x.talkId, { envoy: x.envoy.slug, role: x.role });
  return refs;
}

/** Loaded rows as snapshots, in the order given; anything not in the loader's shape is returned as it is. */
export async function snapshotsOfLoadedRows(db: Db, rows: LoadedRow[], scope: LoadedRowsScope = {}): Promise<Snapshot[]> {
  if (!rows.some((r) => isLoadedRow(r.raw))) return rows.map((r) => r.raw);
  const refs = await readLoadedRefs(db, rows, scope);
  return rows.map((r) => (isLoadedRow(r.raw) ? loadedRowSnapshot(r.type, r.raw, refs) : r.raw));
}
