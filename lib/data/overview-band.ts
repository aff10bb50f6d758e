import "server-only";
// What the talk page's overview band draws (lib/timeline/overview-band.ts): per-day counts, read
// by one aggregate query per kind — statements grouped by day and party, sessions grouped by day,
// and the assessments (one row per issue and day at most, by the table's unique key) — never the
// rows themselves. Kept in memory under the talk's stamp like the page's other reads.
//
// Days are the stored local days (`saidOn`, `localDay`). The timeline places a timed item by its
// instant in the venue's zone; the record rules (decision 014) keep the two on the same day, so
// they agree for every row `npm run db:check` passes. Items whose day is not known are
// only counted (the band says how many).
import { getDb, type Db } from "../db";
import { getTalkIndexAt } from "./as-of";
import type { TalkIndex } from "./talk-index";
import { buildBand, type Band, type BandCounts } from "../timeline/overview-band";
import { cachedTalkRead } from "./talk-cache";
import { getTalk } from "./talks";

export type BandOrder = { parties: string[]; issues: string[] };

/** The per-day counts, and the statements and sessions whose day is not known (not drawn, but counted). */
export type TalkBandCounts = BandCounts & { undated: { statements: number; sessions: number } };

/**
 * The talk's band drawn within each budget of columns (one per drawing the page sends), or null
 * when there is no such talk (or it may not be read). Counted and bucketed once per talk change.
 * With `asOf`, the band of the record as known then (decision 023): counted from the rebuilt index
 * the as-of page reads anyway, so that it draws nothing added later.
 */
export async function getTalkBands<K extends string>(
  slug: string,
  order: BandOrder,
  budgets: Record<K, number>,
  asOf: Date | null = null,
): Promise<{ bands: Record<K, Band>; undated: TalkBandCounts["undated"] } | null> {
  const talk = await getTalk(slug);
  if (!talk) return null;
  const db = await getDb();
  const moment = asOf ? ` at ${asOf.toISOString()}` : "";
  const counts = await cachedTalkRead(talk.id, talk.stamp, `overview band counts${moment}`, async () =>
    asOf ? bandCountsOfIndex(await getTalkIndexAt(db, talk, asOf)) : readBandCounts(db, talk.id),
  );
  const bands = await cachedTalkRead(talk.id, talk.stamp, `overview band${moment} ${JSON.stringify([order, budgets])}`, () =>
    Promise.resolve(Object.fromEntries(Object.entries<number>(budgets).map(([k, max]) => [k, buildBand(talk, counts, order, max)])) as Record<K, Band>),
  );
  return { bands, undated: counts.undated };
}

/** Pure: the band's counts from a talk's index (the as-of view's rows, rebuilt from revisions). */
export function bandCountsOfIndex(index: Pick<TalkIndex, "statements" | "sessions" | "assessments">): TalkBandCounts {
  const statements = new Map<string, { day: string; party: string; count: number }>();
  const sessions = new Map<string, { day: string; count: number }>();
  const undated = { statements: 0, sessions: 0 };
  for (const s of index.statements) {
    if (s.saidOn === null) {
      undated.statements += 1;
      continue;
    }
    const key = `${s.saidOn} ${s.party.slug}`;
    const entry = statements.get(key) ?? { day: s.saidOn, party: s.party.slug, count: 0 };
    entry.count += 1;
    statements.set(key, entry);
  }
  for (const s of index.sessions) {
    if (s.localDay === null) {
      undated.sessions += 1;
      continue;
    }
    const entry = sessions.get(s.localDay) ?? { day: s.localDay, count: 0 };
    entry.count += 1;
    sessions.set(s.localDay, entry);
  }
  return {
    statements: [...statements.values()],
    sessions: [...sessions.values()],
    undated,
    assessments: index.assessments.map((a) => ({ day: a.localDay, issue: a.issueSlug, gap: a.gap })),
  };
}

export async function readBandCounts(db: Db, talkId: string): Promise<TalkBandCounts> {
  const [statements, sessions, assessments] = await Promise.all([
    db.statement.groupBy({
      by: ["saidOn", "partyId"],
      where: { talkId, deletedAt: null },
      _count: { _all: true },
    }),
    db.session.groupBy({
      by: ["localDay"],
      where: { talkId, deletedAt: null },
      _count: { _all: true },
    }),
    db.assessment.findMany({
      where: { talkId, deletedAt: null },
      select: { localDay: true, gap: true, issueId: true },
    }),
  ]);
  const [parties, issues] = await Promise.all([
    db.party.findMany({ where: { id: { in: [...new Set(statements.map((s) => s.partyId))] } }, select: { id: true, slug: true } }),
    db.issue.findMany({ where: { id: { in: [...new Set(assessments.map((a) => a.issueId))] } }, select: { id: true, slug: true } }),
  ]);
  const partySlug = new Map(parties.map((p) => [p.id, p.slug]));
  const issueSlug = new Map(issues.map((i) => [i.id, i.slug]));
  const sum = (rows: { _count: { _all: number } }[]) => rows.reduce((n, r) => n + r._count._all, 0);
  return {
    statements: statements.flatMap((s) => (s.saidOn === null ? [] : [{ day: s.saidOn, party: partySlug.get(s.partyId)!, count: s._count._all }])),
    sessions: sessions.flatMap((s) => (s.localDay === null ? [] : [{ day: s.localDay, count: s._count._all }])),
    undated: { statements: sum(statements.filter((s) => s.saidOn === null)), sessions: sum(sessions.filter((s) => s.localDay === null)) },
    assessments: assessments.map((a) => ({ day: a.localDay, issue: issueSlug.get(a.issueId)!, gap: a.gap })),
  };
}
