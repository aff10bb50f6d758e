import "server-only";
// What changed in a talk since a moment (issue 13, docs/decisions/023-as-known-on.md): its
// statements, sessions and gap assessments added, corrected and deleted after it, read from the
// talk's revisions (the talk page's count line and the brief's both read it). A row added and deleted since counts as nothing; one deleted and restored since, as
// corrected. For editors, the rows deleted since are read back (they are soft-deleted: the row
// keeps its last content) and put where they stood, to be shown struck through.
import type { Db } from "../db";
import type { ChangeCounts, ChangesByKind } from "../timeline/changes-summary";
import { cachedTalkRead } from "./talk-cache";
import { buildView, findInChunks, unique, type LightStatement, type TalkAssessment, type TalkIndex, type TalkRecord, type TalkView } from "./talk-index";
import type { SessionGroup, TimelineSession, TimelineStatement, WindowContent } from "./talk-window";

export type { Change } from "../timeline/changes-summary";
import type { Change } from "../timeline/changes-summary";

export type ChangesSince = {
  since: Date;
  statements: Map<string, Change>;
  /** Counted, and marked in the brief (its day outcomes); the timeline tags statements and gap assessments. */
  sessions: Map<string, Change>;
  assessments: Map<string, Change>;
  /** All kinds together. */
  counts: ChangeCounts;
  /** Split by kind, for the count line (lib/timeline/changes-summary.ts). */
  byKind: ChangesByKind;
};

/** A revision's entity type, and the field of ChangesSince (and of its split by kind) it goes to. */
const KINDS = { statement: "statements", session: "sessions", assessment: "assessments" } as const;
type EntityType = keyof typeof KINDS;

type Rev = { entityType: string; entityId: string; action: string; at: Date; version: number | null };

/** Pure: a row's change since the moment, from whether it stood then and its revisions since (in order). */
export function changeOf(stoodThen: boolean, since: Rev[]): Change | null {
  if (since.length === 0) return null;
  const standsNow = since.at(-1)!.action !== "delete";
  if (stoodThen) return standsNow ? "corrected" : "deleted";
  return standsNow ? "added" : null;
}

export function getChangesSince(db: Db, talk: TalkRecord, since: Date): Promise<ChangesSince> {
  return cachedTalkRead(talk.id, talk.stamp, `since ${since.toISOString()}`, () => readChangesSince(db, talk.id, since));
}

const none = (): ChangeCounts => ({ added: 0, corrected: 0, deleted: 0 });

export async function readChangesSince(db: Db, talkId: string, since: Date): Promise<ChangesSince> {
  const order = (a: Rev, b: Rev) => a.at.getTime() - b.at.getTime() || (a.version ?? 0) - (b.version ?? 0);
  const after = (await db.revision.findMany({ where: { talkId, at: { gt: since }, entityType: { in: Object.keys(KINDS) } }, select: { entityType: true, entityId: true, action: true, at: true, version: true } })).sort(order);
  const ids = unique(after.map((r) => r.entityId));
  const before = await findInChunks(ids, (chunk) =>
    db.revision.findMany({ where: { talkId, at: { lte: since }, entityId: { in: chunk } }, select: { entityType: true, entityId: true, action: true, at: true, version: true } }),
  );
  const latestThen = new Map<string, Rev>();
  for (const r of before.sort(order)) latestThen.set(`${r.entityType} ${r.entityId}`, r);
  const byRow = new Map<string, Rev[]>();
  for (const r of after) {
    const key = `${r.entityType} ${r.entityId}`;
    (byRow.get(key) ?? byRow.set(key, []).get(key)!).push(r);
  }
  const result: ChangesSince = { since, statements: new Map(), sessions: new Map(), assessments: new Map(), counts: none(), byKind: { statements: none(), sessions: none(), assessments: none() } };
  for (const [key, revs] of byRow) {
    const then = latestThen.get(key);
    const change = changeOf(then !== undefined && then.action !== "delete", revs);
    if (!change) continue;
    const [type, id] = key.split(" ") as [EntityType, string];
    const kind = KINDS[type];
    result[kind].set(id, change);
    result.counts[change]++;
    result.byKind[kind][change]++;
  }
  return result;
}

/**
 * The window with each statement, session and gap assessment changed since the moment marked (a copy:
 * windows are shared). A row deleted since is in a window only when it was put back for an
 * editor (withRowsDeletedSince): it is marked `deletedSince`; other windows hold none.
 */
export function markChanges(window: WindowContent, changes: ChangesSince): WindowContent {
  const mark = (s: TimelineStatement): TimelineStatement => {
    const change = changes.statements.get(s.id);
    if (!change) return s;
    return change === "deleted" ? { ...s, deletedSince: true } : { ...s, change };
  };
  // A session deleted since is not put back (its statements are, where they stood): only those added or corrected are marked.
  const markSession = (s: TimelineSession): TimelineSession => {
    const change = changes.sessions.get(s.id);
    return change === "added" || change === "corrected" ? { ...s, change } : s;
  };
  const groups = (gs: SessionGroup[]) => gs.map((g) => ({ ...g, session: markSession(g.session), statements: g.statements.map(mark) }));
  return {
    ...window,
    slots: window.slots.map((slot) =>
      slot.kind === "day"
        ? { ...slot, value: { ...slot.value, sessions: groups(slot.value.sessions), outside: slot.value.outside.map(mark), assessments: markAssessments(slot.value.assessments, changes) } }
        : slot,
    ),
    undated: window.undated ? { sessions: groups(window.undated.sessions), statements: window.undated.statements.map(mark) } : null,
  };
}

/** Gap assessments with those changed since the moment marked, as markChanges marks statements. */
export function markAssessments(assessments: TalkAssessment[], changes: ChangesSince): TalkAssessment[] {
  return assessments.map((a) => {
    const change = a.id === undefined ? undefined : changes.assessments.get(a.id);
    if (!change) return a;
    return change === "deleted" ? { ...a, deletedSince: true } : { ...a, change };
  });
}

/** The statements and gap assessments deleted since the moment, as the index holds rows. */
export type RowsDeletedSince = { statements: LightStatement[]; assessments: TalkAssessment[] };

/**
 * For editors: the rows deleted since the moment, as they stood when deleted. A few rows by id,
 * read only on a "what changed since" view, and kept under the talk's stamp like the rest.
 */
export function getRowsDeletedSince(db: Db, talk: TalkRecord, index: TalkIndex, changes: ChangesSince): Promise<RowsDeletedSince> {
  return cachedTalkRead(talk.id, talk.stamp, `deleted since ${changes.since.toISOString()}`, () => readRowsDeletedSince(db, index, changes));
}

export async function readRowsDeletedSince(db: Db, index: TalkIndex, changes: ChangesSince): Promise<RowsDeletedSince> {
  const deleted = (m: Map<string, Change>) => [...m].flatMap(([id, c]) => (c === "deleted" ? [id] : []));
  const talkId = index.talk.id;
  const gone = { talkId, deletedAt: { not: null } };
  const [statementRows, assessmentRows] = await Promise.all([
    findInChunks(deleted(changes.statements), (ids) =>
      db.statement.findMany({
        where: { ...gone, id: { in: ids } },
        select: {
          id: true,
          sessionId: true,
          saidOn: true,
          saidAt: true,
          sequence: true,
          kind: true,
          party: { select: { slug: true, shortName: true } },
          envoy: { select: { slug: true, name: true } },
          issues: { select: { issue: { select: { slug: true, name: true } } } },
          sources: { select: { sourceId: true } },
        },
      }),
    ),
    findInChunks(deleted(changes.assessments), (ids) =>
      db.assessment.findMany({ where: { ...gone, id: { in: ids } }, select: { id: true, localDay: true, gap: true, note: true, authorName: true, issue: { select: { slug: true } } } }),
    ),
  ]);
  const roleOf = new Map(index.parties.map((p) => [p.slug, p.role]));
  return {
    statements: statementRows.map(({ party, issues, sources, ...s }) => ({
      ...s,
      party: { ...party, role: roleOf.get(party.slug) ?? null },
      issues: issues.map((x) => x.issue),
      sourceIds: sources.map((x) => x.sourceId),
    })),
    assessments: assessmentRows.map(({ issue, ...a }) => ({ ...a, issueSlug: issue.slug })),
  };
}

/**
 * Pure: the index with the rows deleted since put back among the live ones, so that views and
 * windows place them where they stood (the timeline orders each day's rows itself). Their
 * sources keep the talk's numbers; a source no live row cites any more has none, and is left out
 * of the row's references.
 */
export function withRowsDeletedSince(index: TalkIndex, deleted: RowsDeletedSince): TalkIndex {
  if (deleted.statements.length === 0 && deleted.assessments.length === 0) return index;
  return {
    ...index,
    statements: [...index.statements, ...deleted.statements],
    assessments: [...index.assessments, ...deleted.assessments].sort((a, b) => a.localDay.localeCompare(b.localDay)),
  };
}

/**
 * The index and view a "what changed since" window is read from, and the suffix of the key it is
 * kept under: for editors (`withDeleted`), with the rows deleted since put back; else, or when
 * none was deleted, the talk's own (nothing more is read).
 */
export async function viewSince(db: Db, talk: TalkRecord, read: { index: TalkIndex; view: TalkView }, changes: ChangesSince, withDeleted: boolean): Promise<{ index: TalkIndex; view: TalkView; key: string }> {
  if (!withDeleted || changes.byKind.statements.deleted + changes.byKind.assessments.deleted === 0) return { ...read, key: "" };
  const moment = changes.since.toISOString();
  const index = withRowsDeletedSince(read.index, await getRowsDeletedSince(db, talk, read.index, changes));
  const { filters } = read.view;
  const view = await cachedTalkRead(talk.id, talk.stamp, `view ${JSON.stringify(filters)} with deleted since ${moment}`, () => Promise.resolve(buildView(index, filters)));
  return { index, view, key: ` with deleted since ${moment}` };
}
