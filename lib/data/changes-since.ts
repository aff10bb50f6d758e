import "server-only";
// What changed in a talk since a moment (issue 13, docs/decisions/023-as-known-on.md): its
// statements and gap assessments added, corrected and deleted after it, read from the talk's
// revisions. A row added and deleted since counts as nothing; one deleted and restored since, as
// corrected.
import type { Db } from "../db";
import { cachedTalkRead } from "./talk-cache";
import { findInChunks, unique, type TalkRecord } from "./talk-index";
import type { WindowContent, TimelineStatement } from "./talk-window";

export type Change = "added" | "corrected" | "deleted";

export type ChangesSince = {
  since: Date;
  statements: Map<string, Change>;
  assessments: Map<string, Change>;
  counts: Record<Change, number>;
};

const KINDS = ["statement", "assessment"] as const;

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

export async function readChangesSince(db: Db, talkId: string, since: Date): Promise<ChangesSince> {
  const order = (a: Rev, b: Rev) => a.at.getTime() - b.at.getTime() || (a.version ?? 0) - (b.version ?? 0);
  const after = (await db.revision.findMany({ where: { talkId, at: { gt: since }, entityType: { in: [...KINDS] } }, select: { entityType: true, entityId: true, action: true, at: true, version: true } })).sort(order);
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
  const result: ChangesSince = { since, statements: new Map(), assessments: new Map(), counts: { added: 0, corrected: 0, deleted: 0 } };
  for (const [key, revs] of byRow) {
    const then = latestThen.get(key);
    const change = changeOf(then !== undefined && then.action !== "delete", revs);
    if (!change) continue;
    const [type, id] = key.split(" ") as [string, string];
    (type === "statement" ? result.statements : result.assessments).set(id, change);
    result.counts[change]++;
  }
  return result;
}

/** The window with each statement changed since the moment marked (a copy: windows are shared). */
export function markChanges(window: WindowContent, changes: ChangesSince): WindowContent {
  const mark = (s: TimelineStatement): TimelineStatement => {
    const change = changes.statements.get(s.id);
    return change && change !== "deleted" ? { ...s, change } : s;
  };
  const groups = <G extends { statements: TimelineStatement[] }>(gs: G[]) => gs.map((g) => ({ ...g, statements: g.statements.map(mark) }));
  return {
    ...window,
    slots: window.slots.map((slot) => (slot.kind === "day" ? { ...slot, value: { ...slot.value, sessions: groups(slot.value.sessions), outside: slot.value.outside.map(mark) } } : slot)),
    undated: window.undated ? { sessions: groups(window.undated.sessions), statements: window.undated.statements.map(mark) } : null,
  };
}
