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
import { isLoadedRow } from "../entities/loaded-row";
import type { JsonValue, Snapshot } from "../entities/types";
import { snapshotsOfLoadedRows } from "./loaded-rows";
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
export type Kind = (typeof KINDS)[number];

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

/**
 * Which rows to rebuild, when not the whole talk (the issue page's, docs/decisions/026): only
 * these kinds, only the rows with these ids. Their revisions are read by lists of ids.
 */
export type RowsWanted = { kinds?: readonly Kind[]; ids?: readonly string[] };

/** The talk's sessions, statements and assessments (or the rows `only` names) as they stood at `at`, as snapshots. */
export async function readRowsAt(db: Db, talkId: string, at: Date, only?: RowsWanted): Promise<RowAt[]> {
  const kinds = [...(only?.kinds ?? KINDS)];
  // Every revision the query asks for, through lists of ids when the rows are named.
  const revisionsOf = <T>(find: (ids: string[] | null) => Promise<T[]>): Promise<T[]> => (only?.ids ? findInChunks([...only.ids], find) : find(null));
  const revisions = await revisionsOf((ids) =>
    db.revision.findMany({
      where: { talkId, at: { lte: at }, entityType: { in: kinds }, ...(ids ? { entityId: { in: ids } } : {}) },
      select: { entityType: true, entityId: true, action: true, version: true, at: true, after: true },
    }),
  );
  const standing = [...latestRevisions(revisions, at).values()].filter((r) => r.action !== "delete" && r.after !== null && typeof r.after === "object");
  // A loaded row's relation lists come from today's join rows; when the row was changed after
  // the moment, the `before` of its next revision is its full snapshot as it stood, so prefer it.
  const loaded = standing.filter((r) => isLoadedRow(r.after as Snapshot));
  const nextBefore = new Map<string, Snapshot>();
  if (loaded.length > 0) {
    // One query for every later change of the talk's rows (few, next to the rows themselves),
    // rather than one per chunk of loaded ids.
    // (Rows not asked for among them are never looked up.)
    const later = await db.revision.findMany({
      where: { talkId, at: { gt: at }, entityType: { in: kinds } },
      select: { entityType: true, entityId: true, before: true, at: true, version: true },
    });
    later.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.version ?? 0) - (b.version ?? 0));
    for (const r of later) {
      const key = `${r.entityType} ${r.entityId}`;
      if (!nextBefore.has(key) && r.before && typeof r.before === "object" && !isLoadedRow(r.before as Snapshot)) nextBefore.set(key, r.before as Snapshot);
    }
  }
  const toConvert = standing.filter((r) => isLoadedRow(r.after as Snapshot) && !nextBefore.has(`${r.entityType} ${r.entityId}`));
  // Their join rows read for the whole talk at once (lib/data/loaded-rows.ts).
  const converted = await snapshotsOfLoadedRows(db, toConvert.map((r) => ({ type: r.entityType as Kind, raw: r.after as Snapshot })), { talkId });
  const convertedById = new Map(toConvert.map((r, i) => [`${r.entityType} ${r.entityId}`, converted[i]!]));
  return standing.map((r) => {
    const key = `${r.entityType} ${r.entityId}`;
    return { type: r.entityType as Kind, id: r.entityId, snapshot: nextBefore.get(key) ?? convertedById.get(key) ?? (r.after as Snapshot) };
  });
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
  const assessments: TalkAssessment[] = assessmentRows.map(({ id, snapshot: a }) => ({
    id,
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
