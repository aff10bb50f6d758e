import "server-only";
// Series (docs/decisions/025-series.md): the index of series, one series' page (its rounds side
// by side, built by lib/series/build.ts), and the line a talk's header shows ("Round 2 of …").
// Only live rows: a deleted talk is no round, a deleted statement or assessment counts for nothing.
import { cache } from "react";
import { requireReader } from "../auth/permissions";
import type { Db } from "../db";
import { getDb } from "../db";
import { talkRefSelect } from "./statement-refs";
import { buildSeriesPage, spanOf, type SeriesPage, type SeriesSpan } from "../series/build";

export type SeriesListItem = {
  slug: string;
  name: string;
  description: string;
  rounds: number;
  span: SeriesSpan | null;
};

/** Every live series, by name, with its live rounds counted and their span. */
export async function listSeries(): Promise<SeriesListItem[]> {
  await requireReader();
  return listSeriesOn(await getDb());
}

/** The index's read, on a given database (the tests call it on both providers). */
export async function listSeriesOn(db: Db): Promise<SeriesListItem[]> {
  const rows = await db.series.findMany({
    where: { deletedAt: null },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: { slug: true, name: true, description: true, talks: { where: { deletedAt: null }, select: { firstDay: true, lastDay: true } } },
  });
  return rows.map(({ talks, ...s }) => ({ ...s, rounds: talks.length, span: spanOf(talks) }));
}

/** Everything the series page shows; null when there is no such (live) series. Cached per request (page + metadata). */
export const getSeriesPage = cache(async (slug: string): Promise<SeriesPage | null> => {
  await requireReader();
  return readSeriesPage(await getDb(), slug);
});

/** The series page's read, on a given database (the tests call it on both providers). */
export async function readSeriesPage(db: Db, slug: string): Promise<SeriesPage | null> {
  const series = await db.series.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      talks: {
        where: { deletedAt: null },
        select: {
          id: true,
          ...talkRefSelect,
          round: true,
          parties: { where: { party: { deletedAt: null } }, orderBy: { position: "asc" }, select: { party: { select: { slug: true, name: true, shortName: true } } } },
          issues: { where: { issue: { deletedAt: null } }, orderBy: { position: "asc" }, select: { issue: { select: { slug: true, name: true } } } },
        },
      },
    },
  });
  if (!series) return null;
  const talkIds = series.talks.map((t) => t.id);
  const slugOf = new Map(series.talks.map((t) => [t.id, t.slug]));
  const [statements, assessments] = talkIds.length
    ? await Promise.all([
        db.statement.findMany({
          // Only statements about an issue can be a position on one.
          where: { deletedAt: null, talkId: { in: talkIds }, issues: { some: { issue: { deletedAt: null } } } },
          select: {
            id: true,
            talkId: true,
            saidOn: true,
            saidAt: true,
            sequence: true,
            kind: true,
            text: true,
            quotedWords: true,
            party: { select: { slug: true } },
            envoy: { select: { name: true } },
            issues: { where: { issue: { deletedAt: null } }, select: { issue: { select: { slug: true } } } },
          },
        }),
        db.assessment.findMany({
          where: { deletedAt: null, talkId: { in: talkIds }, issue: { deletedAt: null } },
          select: { talkId: true, localDay: true, gap: true, note: true, issue: { select: { slug: true } } },
        }),
      ])
    : [[], []];
  return buildSeriesPage({
    series: { slug: series.slug, name: series.name, description: series.description },
    talks: series.talks.map(({ id: _id, parties, issues, ...t }) => ({ ...t, parties: parties.map((p) => p.party), issues: issues.map((i) => i.issue) })),
    statements: statements.map(({ talkId, party, issues, ...s }) => ({ ...s, talk: slugOf.get(talkId)!, party: party.slug, issues: issues.map((i) => i.issue.slug) })),
    assessments: assessments.map(({ talkId, issue, ...a }) => ({ ...a, talk: slugOf.get(talkId)!, issue: issue.slug })),
  });
}

/** "Round 2 of …" in a talk's header: its series (live) and round; null when it is in none. */
export type TalkSeries = { slug: string; name: string; round: number | null; rounds: number };

export async function getTalkSeries(talkId: string): Promise<TalkSeries | null> {
  const db = await getDb();
  const talk = await db.talk.findUnique({
    where: { id: talkId },
    select: { round: true, series: { select: { slug: true, name: true, deletedAt: true, _count: { select: { talks: { where: { deletedAt: null } } } } } } },
  });
  const series = talk?.series;
  if (!series || series.deletedAt) return null;
  return { slug: series.slug, name: series.name, round: talk.round, rounds: series._count.talks };
}
