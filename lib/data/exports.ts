import "server-only";
// The reads behind a talk's exports (CSV, JSON, iCalendar, Atom, TimelineJS;
// docs/decisions/016-exports.md): the talk's live rows, read once per change of the talk and kept
// in memory as its other reads are (talk-cache.ts), and the newest statements for the feeds.
// Every read checks that the reader may read (requireReader, through getTalk or here).
import { requireReader } from "../auth/permissions";
import { getDb, type Db } from "../db";
import { getEnv } from "../env";
import { speakerName } from "../exports/common";
import { FEED_ENTRIES, type FeedStatement } from "../exports/statements-atom";
import { readTalkExport, type TalkExport } from "../talk-document/export";
import { talkDayNumber } from "../time/zone-calendar";
import { cachedTalkRead } from "./talk-cache";
import type { TalkRecord } from "./talk-index";
import { getTalk } from "./talks";

/** The talk (null: none such), checked for read access; its stamp names the version of every export. */
export async function getExportedTalk(slug: string): Promise<TalkRecord | null> {
  return getTalk(slug);
}

/** The talk's live rows for its exports, at its stamp; null if it went in the meantime. */
export async function getTalkExportRows(talk: TalkRecord): Promise<TalkExport | null> {
  const db = await getDb();
  return cachedTalkRead(talk.id, talk.stamp, "export rows", () => readTalkExport(db, talk.slug));
}

/** The address readers use, without a trailing slash (BETTER_AUTH_URL): exports link back to it. */
export function siteUrl(): string {
  return getEnv().auth.baseUrl;
}

/** The newest statements recorded in one talk, newest first, and when the talk itself last changed. */
export async function getTalkFeed(talk: TalkRecord): Promise<{ statements: FeedStatement[]; talkUpdatedAt: Date }> {
  const db = await getDb();
  return cachedTalkRead(talk.id, talk.stamp, "feed", async () => {
    const [statements, row] = await Promise.all([readRecentStatements(db, { talkId: talk.id }), db.talk.findUnique({ where: { id: talk.id }, select: { updatedAt: true } })]);
    return { statements, talkUpdatedAt: row?.updatedAt ?? new Date(0) };
  });
}

/** What the feed of all talks holds, and the stamp of its version: the number of revisions anywhere. */
export async function getAllTalksFeed(): Promise<{ stamp: string; statements: () => Promise<FeedStatement[]> }> {
  await requireReader();
  const db = await getDb();
  const stamp = String(await db.revision.count());
  return { stamp, statements: () => cachedTalkRead("(all talks)", stamp, "feed", () => readRecentStatements(db, {})) };
}

/**
 * The newest live statements of live talks (of one talk, with `talkId`), newest first: by when
 * they were recorded, then by their place in the talk (a loaded talk's rows share one instant).
 */
export async function readRecentStatements(db: Db, { talkId, limit = FEED_ENTRIES }: { talkId?: string; limit?: number }): Promise<FeedStatement[]> {
  const rows = await db.statement.findMany({
    where: { deletedAt: null, talk: { deletedAt: null }, ...(talkId ? { talkId } : {}) },
    orderBy: [{ createdAt: "desc" }, { sequence: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      kind: true,
      saidOn: true,
      reportedOn: true,
      text: true,
      quotedWords: true,
      createdAt: true,
      talk: { select: { slug: true, title: true, firstDay: true, venueTimeZone: true } },
      party: { select: { slug: true, name: true, shortName: true } },
      envoy: { select: { slug: true, name: true } },
      session: { select: { title: true, deletedAt: true } },
      issues: { select: { issue: { select: { name: true } } } },
      sources: { select: { source: { select: { key: true, publisher: true, title: true } } } },
    },
  });
  return rows.map((s) => {
    const names = { party: new Map([[s.party.slug, s.party]]), envoy: new Map(s.envoy ? [[s.envoy.slug, s.envoy]] : []) };
    return {
      id: s.id,
      talk: { slug: s.talk.slug, title: s.talk.title },
      speaker: speakerName({ party: s.party.slug, envoy: s.envoy?.slug ?? null }, names),
      kind: s.kind,
      saidOn: s.saidOn,
      dayLabel: s.saidOn ? `Day ${talkDayNumber(s.talk, s.saidOn).toLocaleString("en-GB")}` : null,
      reportedOn: s.reportedOn,
      text: s.text,
      quotedWords: s.quotedWords,
      sessionTitle: s.session && !s.session.deletedAt ? s.session.title : null,
      issues: s.issues.map((i) => i.issue.name).sort(),
      sources: s.sources.map((x) => `${x.source.publisher}, “${x.source.title}”`).sort(),
      createdAt: s.createdAt,
    };
  });
}
