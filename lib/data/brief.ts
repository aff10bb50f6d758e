import "server-only";
import { cache } from "react";
import { requireReader } from "../auth/permissions";
import { buildBrief, type Brief, type BriefRecord } from "../brief/build";
import { getDb, type Db } from "../db";
import { talkRefSelect } from "./statement-refs";

export type { Brief } from "../brief/build";

export type BriefOptions = {
  /** When the brief is produced: its "as of" stamp. Defaults to now; tests fix it. */
  now?: Date;
  /**
   * Later (issue 13): the record as it was known at a past moment, rebuilt from revisions, and
   * what changed since a moment. Both would be read here, in `readBriefRecord`, and nowhere else;
   * until then asking for either is refused rather than silently answered with the present.
   */
  asOf?: Date;
  since?: Date;
};

export class BriefOptionNotSupported extends Error {}

// Live rows only (not deleted; parties, issues and sources not deleted), as every reader sees them.
const sourceSelect = { where: { source: { deletedAt: null } }, select: { source: { select: { id: true, publisher: true, title: true, url: true, publishedOn: true } } } } as const;

/** The brief of a talk as of now: null when there is no such talk. The one read behind the brief page and `npm run brief`. */
export async function readBrief(db: Db, slug: string, options: BriefOptions = {}): Promise<Brief | null> {
  if (options.asOf || options.since) throw new BriefOptionNotSupported("A brief as known at a past moment, or of the changes since one, is not available yet.");
  const record = await readBriefRecord(db, slug);
  return record ? buildBrief(record, options.now ?? new Date()) : null;
}

/** Everything the brief is built from: the talk's live rows, read once. */
async function readBriefRecord(db: Db, slug: string): Promise<BriefRecord | null> {
  const talk = await db.talk.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      ...talkRefSelect,
      parties: { where: { party: { deletedAt: null } }, orderBy: { position: "asc" }, select: { party: { select: { slug: true, name: true, shortName: true } } } },
      issues: { where: { issue: { deletedAt: null } }, orderBy: { position: "asc" }, select: { issue: { select: { slug: true, name: true } } } },
    },
  });
  if (!talk) return null;
  const [statements, sessions, assessments] = await Promise.all([
    db.statement.findMany({
      where: { talkId: talk.id, deletedAt: null },
      orderBy: { sequence: "asc" },
      select: {
        id: true,
        saidOn: true,
        saidAt: true,
        sequence: true,
        kind: true,
        text: true,
        quotedWords: true,
        party: { select: { slug: true, shortName: true } },
        envoy: { select: { name: true } },
        issues: { where: { issue: { deletedAt: null } }, select: { issue: { select: { slug: true } } } },
        sources: sourceSelect,
      },
    }),
    db.session.findMany({
      where: { talkId: talk.id, deletedAt: null },
      orderBy: { sequence: "asc" },
      select: { id: true, localDay: true, startsAt: true, sequence: true, title: true, outcome: true, outcomeNote: true, sources: sourceSelect },
    }),
    db.assessment.findMany({
      where: { talkId: talk.id, deletedAt: null, issue: { deletedAt: null } },
      select: { localDay: true, gap: true, note: true, authorName: true, issue: { select: { slug: true } } },
    }),
  ]);
  const { id: _, parties, issues, ...head } = talk;
  return {
    talk: head,
    parties: parties.map((p) => p.party),
    issues: issues.map((i) => i.issue),
    statements: statements.map((s) => ({ ...s, issues: s.issues.map((i) => i.issue.slug), sources: s.sources.map((x) => x.source) })),
    sessions: sessions.map((s) => ({ ...s, sources: s.sources.map((x) => x.source) })),
    assessments: assessments.map(({ issue, ...a }) => ({ ...a, issue: issue.slug })),
  };
}

/** The brief page's read: the reader's permission is checked first, as on every page. Cached per request (page + metadata). */
export const getBrief = cache(async (slug: string): Promise<Brief | null> => {
  await requireReader();
  return readBrief(await getDb(), slug);
});
