// The data-access part of live updates: the talk a stream follows, where a page's stream starts,
// and the Revision table as the poller (./hub.ts) reads it. Reads lib/data's notion of a talk's
// revisions; lib/data never reads this.
import "server-only";
import { requireReader } from "../auth/permissions";
import { getDb, type Db } from "../db";
import { cachedTalkRead } from "../data/talk-cache";
import { ofTalk, SHARED_TYPES } from "../data/talk-revisions";
import type { TalkRecord } from "../data/talk-index";
import { formatCursor, type Cursor } from "./cursor";
import { describeRevision, referencedNames, type LiveChange, type RevisionRow } from "./describe";
import type { ChangeSource, ReadRange } from "./hub";

export type LiveTalk = { id: string; firstDay: string; venueTimeZone: string };

/** The talk an event stream follows, checked like every read; null when there is none. */
export async function getLiveTalk(slug: string): Promise<LiveTalk | null> {
  await requireReader();
  const db = await getDb();
  return db.talk.findFirst({ where: { slug, deletedAt: null }, select: { id: true, firstDay: true, venueTimeZone: true } });
}

/**
 * Where the talk's revisions stand, as an event-stream cursor: a page reads it before the talk's
 * content, and its live-update stream starts from it, so a change saved while the page was on its
 * way is still sent. Kept with the talk's other reads: it moves only with the stamp.
 */
export async function getTalkCursor(talk: TalkRecord): Promise<string | null> {
  const db = await getDb();
  return cachedTalkRead(talk.id, talk.stamp, "cursor", async () => {
    const latest = await db.revision.findFirst({
      where: ofTalk(talk.id),
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true, at: true },
    });
    return latest ? formatCursor({ at: latest.at.getTime(), id: latest.id }) : null;
  });
}

const revisionSelect = { id: true, at: true, talkId: true, entityType: true, entityId: true, action: true, before: true, after: true } as const;

/** Of the shared records these revisions name, those the talk uses (ids). */
async function usedByTalk(db: Db, talkId: string, rows: RevisionRow[]): Promise<Set<string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.talkId == null && r.entityType === type).map((r) => r.entityId))];
  const [parties, envoys, issues, sources] = SHARED_TYPES.map(ids) as [string[], string[], string[], string[]];
  const none = Promise.resolve([] as { id: string }[]);
  const found = await Promise.all([
    parties.length ? db.talkParty.findMany({ where: { talkId, partyId: { in: parties } }, select: { partyId: true } }).then((l) => l.map((x) => ({ id: x.partyId }))) : none,
    envoys.length
      ? db.envoy.findMany({ where: { id: { in: envoys }, OR: [{ talks: { some: { talkId } } }, { statements: { some: { talkId } } }] }, select: { id: true } })
      : none,
    issues.length ? db.talkIssue.findMany({ where: { talkId, issueId: { in: issues } }, select: { issueId: true } }).then((l) => l.map((x) => ({ id: x.issueId }))) : none,
    sources.length
      ? db.source.findMany({
          where: { id: { in: sources }, OR: [{ statements: { some: { statement: { talkId } } } }, { sessions: { some: { session: { talkId } } } }] },
          select: { id: true },
        })
      : none,
  ]);
  return new Set(found.flat().map((x) => x.id));
}

// Ties within a millisecond are ordered by id (byte order on SQLite, the database's collation on
// PostgreSQL; the hub only needs the order to be the same from one query to the next).
const ORDER = [{ at: "asc" as const }, { id: "asc" as const }];

const after = (c: Cursor) => [{ at: { gt: new Date(c.at) } }, { at: new Date(c.at), id: { gt: c.id } }];

/**
 * A ReadRange as a Prisma filter. Each OR comes with the plain lower bound on `at` it implies, so
 * the (talkId, at) index serves the query as one range scan.
 */
function whereIn(talkId: string, range: ReadRange) {
  const and: object[] = [];
  const lowest = (bounds: number[]) => ({ at: { gte: new Date(Math.min(...bounds)) } });
  if (range.after && range.orStampedAfter !== null) {
    and.push({ OR: [...after(range.after), { at: { gt: new Date(range.orStampedAfter) } }] }, lowest([range.after.at, range.orStampedAfter + 1]));
  } else if (range.after) and.push({ OR: after(range.after) }, lowest([range.after.at]));
  else if (range.orStampedAfter !== null) and.push({ at: { gt: new Date(range.orStampedAfter) } });
  if (range.pageAfter) and.push({ OR: after(range.pageAfter) }, lowest([range.pageAfter.at]));
  if (range.upTo) {
    const at = new Date(range.upTo.at);
    and.push({ OR: [{ at: { lt: at } }, { at, id: { lte: range.upTo.id } }] });
  }
  return { ...ofTalk(talkId), AND: and };
}

/**
 * The Revision table as the live-update poller (lib/live/hub.ts) reads it. These run on the
 * poller's timer, outside any request, so they do not check the reader: the event-stream route
 * does, with getLiveTalk, before it subscribes anyone to a talk.
 */
export const revisionChanges = revisionChangeSource(getDb);

/** The same, on a database of one's own (tests). */
export function revisionChangeSource(database: () => Promise<Db>): ChangeSource<RevisionRow, LiveChange> {
  return {
    async scan(talkId: string, range: ReadRange, limit: number) {
      const db = await database();
      return db.revision.findMany({ where: whereIn(talkId, range), orderBy: ORDER, take: limit, select: { id: true, at: true } });
    },

    async read(talkId: string, range: ReadRange, limit: number): Promise<RevisionRow[]> {
      const db = await database();
      return db.revision.findMany({ where: whereIn(talkId, range), orderBy: ORDER, take: limit, select: revisionSelect });
    },

    async load(talkId: string, ids: string[]): Promise<RevisionRow[]> {
      if (ids.length === 0) return [];
      const db = await database();
      return db.revision.findMany({ where: { ...ofTalk(talkId), id: { in: ids } }, orderBy: ORDER, select: revisionSelect });
    },

    async latest(talkId: string) {
      const db = await database();
      return db.revision.findFirst({ where: ofTalk(talkId), orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true, at: true } });
    },

    async describe(talkId: string, all: RevisionRow[]): Promise<LiveChange[]> {
      if (all.length === 0) return [];
      const db = await database();
      // Changes to shared records this talk does not use are not news here.
      const used = all.some((r) => r.talkId == null) ? await usedByTalk(db, talkId, all) : new Set<string>();
      const rows = all.filter((r) => r.talkId != null || used.has(r.entityId));
      if (rows.length === 0) return [];
      const keys = referencedNames(rows);
      const byKey = (list: string[]) => ({ OR: [{ id: { in: list } }, { slug: { in: list } }] });
      // Soft-deleted rows keep their names: "Statement by … removed" still says whose it was.
      const [talk, envoys, parties, issues] = await Promise.all([
        db.talk.findUnique({ where: { id: talkId }, select: { firstDay: true, venueTimeZone: true } }),
        keys.envoys.length ? db.envoy.findMany({ where: byKey(keys.envoys), select: { id: true, slug: true, name: true } }) : [],
        keys.parties.length ? db.party.findMany({ where: byKey(keys.parties), select: { id: true, slug: true, shortName: true } }) : [],
        keys.issues.length ? db.issue.findMany({ where: byKey(keys.issues), select: { id: true, slug: true, name: true } }) : [],
      ]);
      if (!talk) return [];
      const names = <T extends { id: string; slug: string }>(list: T[], name: (x: T) => string) =>
        new Map(list.flatMap((x) => [[x.id, name(x)] as const, [x.slug, name(x)] as const]));
      const ctx = {
        talk,
        envoys: names(envoys, (e) => e.name),
        parties: names(parties, (p) => p.shortName),
        issues: names(issues, (i) => i.name),
      };
      return rows.map((row) => describeRevision(row, ctx));
    },
  };
}
