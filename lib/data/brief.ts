import "server-only";
import { cache } from "react";
import { requireReader } from "../auth/permissions";
import { buildBrief, type Brief, type BriefChange, type BriefMarks, type BriefRecord } from "../brief/build";
import { getDb, type Db } from "../db";
import { readMoment } from "../time/moment";
import { readTalkIndexAtOnce } from "./as-of";
import { readChangesSince } from "./changes-since";
import { talkRefSelect } from "./statement-refs";

export type { Brief } from "../brief/build";

export type BriefOptions = {
  /** When the brief is produced: its "as of" stamp. Defaults to now; tests fix it. */
  now?: Date;
  /**
   * The record as known at a past moment, rebuilt from its revisions (lib/data/as-of.ts, the talk
   * page's own rebuild): the brief is then of that moment. A moment not before `now` is now.
   */
  asOf?: Date;
  /** Mark what was added or corrected since a moment (on the current record only). */
  since?: Date;
};

/** Asked for a brief that cannot be made: a past moment's brief with changes marked since another. */
export class BriefOptionNotSupported extends Error {}

// Live rows only (not deleted; parties, issues and sources not deleted), as every reader sees them.
const sourceSelect = { where: { source: { deletedAt: null } }, select: { source: { select: { id: true, publisher: true, title: true, url: true, publishedOn: true } } } } as const;

/** The brief of a talk: null when there is no such talk. The one read behind the brief page and `npm run brief`. */
export async function readBrief(db: Db, slug: string, options: BriefOptions = {}): Promise<Brief | null> {
  const now = options.now ?? new Date();
  const asOf = options.asOf && options.asOf.getTime() < now.getTime() ? options.asOf : null;
  if (asOf) {
    // Changes since a moment are read up to now, not up to a past moment: marking them on the
    // past would mark what was not yet known then.
    if (options.since) throw new BriefOptionNotSupported("A brief as known on a past moment does not mark changes since another moment.");
    const read = await readBriefRecordAt(db, slug, asOf);
    return read ? buildBrief(read, asOf, { past: true }) : null;
  }
  const read = await readBriefRecord(db, slug);
  if (!read) return null;
  const marks: BriefMarks = options.since ? { since: await readBriefChanges(db, read.talkId, options.since) } : {};
  return buildBrief(read.record, now, marks);
}

/** The talk's own fields and what is shared with it — parties and agenda, live — as they are now. */
async function readBriefTalk(db: Db, slug: string) {
  const talk = await db.talk.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      summary: true,
      ...talkRefSelect,
      parties: { where: { party: { deletedAt: null } }, orderBy: { position: "asc" }, select: { party: { select: { slug: true, name: true, shortName: true } } } },
      issues: { where: { issue: { deletedAt: null } }, orderBy: { position: "asc" }, select: { issue: { select: { slug: true, name: true } } } },
    },
  });
  if (!talk) return null;
  const { id, summary, parties, issues, ...head } = talk;
  return { id, summary, head, parties: parties.map((p) => p.party), issues: issues.map((i) => i.issue) };
}

/** Everything the brief is built from: the talk's live rows, read once. */
async function readBriefRecord(db: Db, slug: string): Promise<{ talkId: string; record: BriefRecord } | null> {
  const talk = await readBriefTalk(db, slug);
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
      select: { id: true, localDay: true, gap: true, note: true, authorName: true, issue: { select: { slug: true } } },
    }),
  ]);
  return {
    talkId: talk.id,
    record: {
      talk: talk.head,
      parties: talk.parties,
      issues: talk.issues,
      statements: statements.map((s) => ({ ...s, issues: s.issues.map((i) => i.issue.slug), sources: s.sources.map((x) => x.source) })),
      sessions: sessions.map((s) => ({ ...s, sources: s.sources.map((x) => x.source) })),
      assessments: assessments.map(({ issue, ...a }) => ({ ...a, issue: issue.slug })),
    },
  };
}

/**
 * The same, as known at `at`: the talk's sessions, statements and assessments as the talk page's
 * "as known on" rebuilds them from their revisions (lib/data/as-of.ts), named as it names them —
 * parties, envoys, issues and sources as they are now (decision 023) — and the talk's own fields,
 * parties and agenda as they are now.
 */
async function readBriefRecordAt(db: Db, slug: string, at: Date): Promise<BriefRecord | null> {
  const talk = await readBriefTalk(db, slug);
  if (!talk) return null;
  const index = await readTalkIndexAtOnce(db, { id: talk.id, summary: talk.summary, ...talk.head }, at);
  // A rebuilt index carries its rows' text in `details` (the current one reads it per window).
  const details = index.details!;
  const sourcesOf = (ids: string[]) =>
    ids.flatMap((id) => {
      const src = index.sourceById.get(id);
      return src ? [{ id: src.id, publisher: src.publisher, title: src.title, url: src.url, publishedOn: src.publishedOn }] : [];
    });
  return {
    talk: talk.head,
    parties: talk.parties,
    issues: talk.issues,
    statements: index.statements.map((s) => {
      const d = details.statements.get(s.id);
      return {
        id: s.id,
        saidOn: s.saidOn,
        saidAt: s.saidAt,
        sequence: s.sequence,
        kind: s.kind,
        text: d?.text ?? "",
        quotedWords: d?.quotedWords ?? null,
        party: { slug: s.party.slug, shortName: s.party.shortName },
        envoy: s.envoy ? { name: s.envoy.name } : null,
        issues: s.issues.map((i) => i.slug),
        sources: sourcesOf(s.sourceIds),
      };
    }),
    sessions: index.sessions.map((s) => {
      const d = details.sessions.get(s.id);
      return { id: s.id, localDay: s.localDay, startsAt: s.startsAt, sequence: s.sequence, title: d?.title ?? "", outcome: s.outcome, outcomeNote: d?.outcomeNote ?? null, sources: sourcesOf(s.sourceIds) };
    }),
    assessments: index.assessments.map((a) => ({ issue: a.issueSlug, localDay: a.localDay, gap: a.gap, note: a.note, authorName: a.authorName })),
  };
}

/**
 * What readers are told changed since the moment: the rows added or corrected since (the talk
 * page's read, lib/data/changes-since.ts; deleted rows are for editors, decision 023, and not in a
 * brief that is sent on).
 */
async function readBriefChanges(db: Db, talkId: string, since: Date): Promise<NonNullable<BriefMarks["since"]>> {
  const changes = await readChangesSince(db, talkId, since);
  const shown = (map: Map<string, string>) => new Map([...map].filter((e): e is [string, BriefChange] => e[1] === "added" || e[1] === "corrected"));
  return { instant: since, statements: shown(changes.statements), assessments: shown(changes.assessments), sessions: shown(changes.sessions) };
}

/** The brief page's answer: the brief, or a moment it could not read (said on the page, not an error). */
export type BriefPage =
  | {
      ok: true;
      brief: Brief;
      /** The moment asked for with `?asOf=` is still to come: the brief is of now. */
      asOfFuture: boolean;
      /** `?since=` was left aside: a past moment's brief does not mark changes. */
      sinceIgnored: boolean;
    }
  | { ok: false; message: string };

/**
 * The brief page's read: the reader's permission first, as on every page; the moments read on
 * the talk's clock (lib/time/moment.ts, as the talk page reads them). Null when there is no such
 * talk. Cached per request (page + metadata).
 */
export const getBriefPage = cache(async (slug: string, asOfParam: string | null, sinceParam: string | null): Promise<BriefPage | null> => {
  await requireReader();
  const db = await getDb();
  const talk = await db.talk.findFirst({ where: { slug, deletedAt: null }, select: { venueTimeZone: true } });
  if (!talk) return null;
  const now = new Date();
  const asOf = asOfParam === null ? null : readMoment(asOfParam, talk.venueTimeZone, now);
  if (asOf && !asOf.ok) return asOf;
  const past = asOf && !asOf.future ? asOf.instant : undefined;
  const since = sinceParam === null || past ? null : readMoment(sinceParam, talk.venueTimeZone, now);
  if (since && !since.ok) return since;
  const brief = await readBrief(db, slug, { now, asOf: past, since: since?.instant });
  if (!brief) return null;
  return { ok: true, brief, asOfFuture: asOf?.future ?? false, sinceIgnored: past !== undefined && sinceParam !== null };
});
