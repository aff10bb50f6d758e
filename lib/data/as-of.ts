import "server-only";
// The record as known at a moment (issue 13, docs/decisions/023-as-known-on.md): a talk's sessions,
// statements and gap assessments rebuilt from its revisions, in the shapes its pages render.
// Each row's state at T is the `after` of its latest revision at or before T — absent when that
// is a deletion or there is none. One query over the talk's revisions (indexed on talkId, at);
// rows written by the talk-document loader are converted as the history converts them
// (lib/entities/loaded-row.ts). Shared
// records (parties, envoys, issues, sources) and the talk's own fields are shown as they are now.
import type { Db } from "../db";
import type { Capacity, Gap, Outcome, PartOfDay, SessionKind, StatementKind, StatementSetting, TimePrecision } from "../enums";
import { isLoadedRow, loadedRowIds, loadedRowSnapshot, type LoadedRefs } from "../entities/loaded-row";
import type { JsonValue, Snapshot } from "../entities/types";
import { cachedTalkRead } from "./talk-cache";
import {
  assembleTalkIndex,
  buildView,
  findInChunks,
  queryTalkMembers,
  unique,
  type LightSession,
  type LightStatement,
  type RowDetails,
  type TalkAssessment,
  type TalkHead,
  type TalkIndex,
  type TalkRecord,
  type TalkView,
} from "./talk-index";
import type { TimelineFilters } from "../timeline/filters";

const KINDS = ["session", "statement", "assessment"] as const;
type Kind = (typeof KINDS)[number];

/** A row of the talk as it stood at a moment: its kind, id and snapshot (the write core's shape). */
export type RowAt = { type: Kind; id: string; snapshot: Snapshot };

type RevisionRow = { entityType: string; entityId: string; action: string; version: number | null; at: Date; after: unknown; before?: unknown };

/**
 * The latest revision of each row at or before the moment, in order of time (a row's revisions
 * by version where two share an instant). Pure: the revisions are read beforehand.
 */
export function latestRevisions<R extends RevisionRow>(revisions: R[], at: Date): Map<string, R> {
  const sorted = revisions.filter((r) => r.at.getTime() <= at.getTime()).sort((a, b) => a.at.getTime() - b.at.getTime() || (a.version ?? 0) - (b.version ?? 0));
  const latest = new Map<string, R>();
  for (const r of sorted) latest.set(`${r.entityType} ${r.entityId}`, r);
  return latest;
}

/** The talk's sessions, statements and assessments as they stood at `at`, as snapshots. */
export async function readRowsAt(db: Db, talkId: string, at: Date): Promise<RowAt[]> {
  const revisions = await db.revision.findMany({
    where: { talkId, at: { lte: at }, entityType: { in: [...KINDS] } },
    select: { entityType: true, entityId: true, action: true, version: true, at: true, after: true },
  });
  const standing = [...latestRevisions(revisions, at).values()].filter((r) => r.action !== "delete" && r.after !== null && typeof r.after === "object");
  // A loaded row's relation lists come from today's join rows; when the row was changed after
  // the moment, the `before` of its next revision is its full snapshot as it stood, so prefer it.
  const loaded = standing.filter((r) => isLoadedRow(r.after as Snapshot));
  const nextBefore = new Map<string, Snapshot>();
  if (loaded.length > 0) {
    // One query for every later change of the talk's rows (few, next to the rows themselves),
    // rather than one per chunk of loaded ids.
    const later = await db.revision.findMany({
      where: { talkId, at: { gt: at }, entityType: { in: [...KINDS] } },
      select: { entityType: true, entityId: true, before: true, at: true, version: true },
    });
    later.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.version ?? 0) - (b.version ?? 0));
    for (const r of later) {
      const key = `${r.entityType} ${r.entityId}`;
      if (!nextBefore.has(key) && r.before && typeof r.before === "object" && !isLoadedRow(r.before as Snapshot)) nextBefore.set(key, r.before as Snapshot);
    }
  }
  const toConvert = standing.filter((r) => isLoadedRow(r.after as Snapshot) && !nextBefore.has(`${r.entityType} ${r.entityId}`));
  const converted = await convertLoadedRows(db, talkId, toConvert.map((r) => ({ type: r.entityType as Kind, raw: r.after as Snapshot })));
  const convertedById = new Map(toConvert.map((r, i) => [`${r.entityType} ${r.entityId}`, converted[i]!]));
  return standing.map((r) => {
    const key = `${r.entityType} ${r.entityId}`;
    return { type: r.entityType as Kind, id: r.entityId, snapshot: nextBefore.get(key) ?? convertedById.get(key) ?? (r.after as Snapshot) };
  });
}

/**
 * Loaded rows as snapshots (lib/entities/loaded-row.ts), their join rows read for the whole talk
 * at once: a loaded talk's rows are nearly all loaded rows, and lists of thousands of ids cost
 * more than reading the talk's join rows (which lib/data/loaded-rows.ts does for a page of history).
 */
async function convertLoadedRows(db: Db, talkId: string, rows: { type: Kind; raw: Snapshot }[]): Promise<Snapshot[]> {
  if (rows.length === 0) return [];
  const ids = { party: new Set<string>(), envoy: new Set<string>(), issue: new Set<string>() };
  for (const r of rows) {
    const found = loadedRowIds(r.raw);
    found.party.forEach((x) => ids.party.add(x));
    found.envoy.forEach((x) => ids.envoy.add(x));
    found.issue.forEach((x) => ids.issue.add(x));
  }
  const [parties, envoys, issues, statementIssues, statementSources, sessionIssues, sessionSources] = await Promise.all([
    db.party.findMany({ where: { id: { in: [...ids.party] } }, select: { id: true, slug: true } }),
    db.envoy.findMany({ where: { id: { in: [...ids.envoy] } }, select: { id: true, slug: true } }),
    db.issue.findMany({ where: { id: { in: [...ids.issue] } }, select: { id: true, slug: true } }),
    db.statementIssue.findMany({ where: { statement: { talkId } }, select: { statementId: true, issue: { select: { slug: true } } } }),
    db.statementSource.findMany({ where: { statement: { talkId } }, select: { statementId: true, sourceId: true } }),
    db.sessionIssue.findMany({ where: { session: { talkId } }, select: { sessionId: true, issue: { select: { slug: true } } } }),
    db.sessionSource.findMany({ where: { session: { talkId } }, select: { sessionId: true, sourceId: true } }),
  ]);
  const listOf = <T>(map: Map<string, T[]>, key: string, value: T) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  const refs: LoadedRefs = {
    partySlug: new Map(parties.map((p) => [p.id, p.slug])),
    envoySlug: new Map(envoys.map((e) => [e.id, e.slug])),
    issueSlug: new Map(issues.map((i) => [i.id, i.slug])),
    issuesOf: new Map(),
    sourcesOf: new Map(),
    partiesOf: new Map(),
    envoysOf: new Map(),
  };
  for (const x of statementIssues) listOf(refs.issuesOf, x.statementId, x.issue.slug);
  for (const x of sessionIssues) listOf(refs.issuesOf, x.sessionId, x.issue.slug);
  for (const x of statementSources) listOf(refs.sourcesOf, x.statementId, x.sourceId);
  for (const x of sessionSources) listOf(refs.sourcesOf, x.sessionId, x.sourceId);
  return rows.map((r) => loadedRowSnapshot(r.type, r.raw, refs));
}

const str = (v: JsonValue | undefined): string | null => (typeof v === "string" ? v : null);
const date = (v: JsonValue | undefined): Date | null => (typeof v === "string" ? new Date(v) : null);
const list = (v: JsonValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** The talk's index as it stood at `at`, with the rows' details, kept under the talk's stamp. */
export function getTalkIndexAt(db: Db, talk: TalkRecord, at: Date): Promise<TalkIndex> {
  return cachedTalkRead(talk.id, talk.stamp, `index at ${at.toISOString()}`, () => readTalkIndexAt(db, talk, at));
}

/** A filtered view of the talk as it stood at `at`. */
export function getTalkViewAt(db: Db, talk: TalkRecord, at: Date, filters: TimelineFilters): Promise<TalkView> {
  return cachedTalkRead(talk.id, talk.stamp, `view at ${at.toISOString()} ${JSON.stringify(filters)}`, async () => buildView(await getTalkIndexAt(db, talk, at), filters));
}

async function readTalkIndexAt(db: Db, talk: TalkRecord, at: Date): Promise<TalkIndex> {
  const [rows, members] = await Promise.all([readRowsAt(db, talk.id, at), queryTalkMembers(db, talk.id)]);
  const of = (type: Kind) => rows.filter((r) => r.type === type);
  const statementRows = of("statement");
  const sessionRows = of("session");
  const assessmentRows = of("assessment");
  // Shared records as they are now, deleted ones included: the rows of then may name them.
  const partySlugs = unique(statementRows.flatMap((r) => list([r.snapshot.party ?? null])));
  const envoySlugs = unique(statementRows.flatMap((r) => list([r.snapshot.envoy ?? null])));
  const issueSlugs = unique([...statementRows, ...sessionRows].flatMap((r) => list(r.snapshot.issues)));
  const sourceIds = unique([...statementRows, ...sessionRows].flatMap((r) => list(r.snapshot.sources)));
  const [parties, envoys, issues, sources] = await Promise.all([
    db.party.findMany({ where: { slug: { in: partySlugs } }, select: { slug: true, shortName: true } }),
    db.envoy.findMany({ where: { slug: { in: envoySlugs } }, select: { slug: true, name: true } }),
    db.issue.findMany({ where: { slug: { in: issueSlugs } }, select: { slug: true, name: true } }),
    findInChunks(sourceIds, (ids) => db.source.findMany({ where: { id: { in: ids } }, select: { id: true, key: true, publisher: true, title: true, url: true, publishedOn: true } })),
  ]);
  // A party's role in the talk as it is now, as the other shared details (decision 023).
  const roleOf = new Map((members?.parties ?? []).map((p) => [p.party.slug, p.role]));
  const partyBySlug = new Map(parties.map((p) => [p.slug, { ...p, role: roleOf.get(p.slug) ?? null }]));
  const envoyBySlug = new Map(envoys.map((e) => [e.slug, e]));
  const issueBySlug = new Map(issues.map((i) => [i.slug, i]));
  const issueRefs = (v: JsonValue | undefined) => list(v).map((slug) => issueBySlug.get(slug) ?? { slug, name: slug });

  const details: RowDetails = { sessions: new Map(), statements: new Map() };
  const sessions: LightSession[] = sessionRows.map(({ id, snapshot: s }) => {
    details.sessions.set(id, { id, endsAt: date(s.endsAt), kind: str(s.kind) as SessionKind | null, title: str(s.title) ?? "", summary: str(s.summary) ?? "", outcomeNote: str(s.outcomeNote) });
    return { id, localDay: str(s.localDay), startsAt: date(s.startsAt), sequence: Number(s.sequence ?? 0), outcome: (str(s.outcome) ?? "unknown") as Outcome, issues: issueRefs(s.issues), sourceIds: list(s.sources) };
  });
  const statements: LightStatement[] = statementRows.map(({ id, snapshot: s }) => {
    details.statements.set(id, {
      id,
      saidPrecision: (str(s.saidPrecision) ?? "unknown") as TimePrecision,
      partOfDay: str(s.partOfDay) as PartOfDay | null,
      reportedOn: str(s.reportedOn),
      setting: str(s.setting) as StatementSetting,
      capacity: str(s.capacity) as Capacity,
      text: str(s.text) ?? "",
      quotedWords: str(s.quotedWords),
    });
    const partySlug = str(s.party) ?? "";
    const party = partyBySlug.get(partySlug) ?? { slug: partySlug, shortName: partySlug, role: null };
    const envoySlug = str(s.envoy);
    const envoy = envoySlug ? (envoyBySlug.get(envoySlug) ?? { slug: envoySlug, name: envoySlug }) : null;
    return {
      id,
      sessionId: str(s.session),
      saidOn: str(s.saidOn),
      saidAt: date(s.saidAt),
      sequence: Number(s.sequence ?? 0),
      kind: str(s.kind) as StatementKind,
      party,
      envoy,
      issues: issueRefs(s.issues),
      sourceIds: list(s.sources),
    };
  });
  const assessments: TalkAssessment[] = assessmentRows.map(({ snapshot: a }) => ({
    issueSlug: str(a.issue) ?? "",
    localDay: str(a.localDay) ?? "",
    gap: str(a.gap) as Gap,
    note: str(a.note) ?? "",
    authorName: str(a.authorName) ?? "",
  }));
  // In the order today's index reads them (by day, then sequence; an unknown day first).
  const byDay = <T extends { sequence: number }>(day: (x: T) => string | null) => (a: T, b: T) => (day(a) ?? "").localeCompare(day(b) ?? "") || a.sequence - b.sequence;
  sessions.sort(byDay((s) => s.localDay));
  statements.sort(byDay((s) => s.saidOn));
  assessments.sort((a, b) => a.localDay.localeCompare(b.localDay));
  const index = assembleTalkIndex(talk, members, { sessions, statements, assessments }, sources);
  return { ...index, details };
}

/**
 * The talk's index as it stood at `at`, read afresh and not kept: for a read of its own outside
 * the talk's pages and their stamp (the brief, lib/data/brief.ts), the same rebuild as theirs.
 */
export function readTalkIndexAtOnce(db: Db, talk: TalkHead, at: Date): Promise<TalkIndex> {
  return readTalkIndexAt(db, { ...talk, stamp: "" }, at);
}
