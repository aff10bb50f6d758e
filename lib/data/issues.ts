import "server-only";
import { cache } from "react";
import { requireReader } from "../auth/permissions";
import { getDb, type Db } from "../db";
import type { Gap } from "../enums";
import {
  compareTalks,
  gapStrip,
  groupByDay,
  groupByDayAndParty,
  isStance,
  type GapStripSlot,
  type PartyGrid,
} from "../statements/group";
import {
  readStatementRefs,
  statementRefSelect,
  talkRefSelect,
  visibleStatement,
  type StatementRef,
  type TalkRef,
} from "./statement-refs";
import { formatMoment, readMoment } from "../time/moment";
import { readIssueRowsAt, type IssueRowsAt } from "./issues-as-of";
import { unique } from "./talk-index";
import { getTalk, type IssueRef } from "./talks";

/** Which statements on the issue the page lists: what each party holds (the default), or all of them. */
export type IssueStatementFilter = "stances" | "all";

export type IssueAssessment = { localDay: string; gap: Gap; note: string; authorName: string };

export type IssueLinkage = {
  id: string;
  party: { slug: string; shortName: string };
  /** The issue held back… */
  issue: IssueRef;
  /** …until this one is settled. */
  conditionIssue: IssueRef;
  text: string;
  statedOn: string | null;
  droppedOn: string | null;
  /** The statement that set the condition, when it is recorded and not deleted. */
  statementId: string | null;
};

export type IssueTalk = {
  talk: TalkRef;
  /** The statements shown (see `show`): a column per party of the talk, a row per local day. */
  positions: PartyGrid<{ slug: string; shortName: string }, StatementRef>;
  /** Statements on the issue in this talk, before filtering, and how many of them are stances. */
  statementCount: number;
  stanceCount: number;
  /** The days with the editors' judgement of the gap on the issue or a statement on it, and the stretches between. */
  gap: GapStripSlot<IssueAssessment>[];
  linkages: IssueLinkage[];
  /** The series the talk is a round of, if any (the page groups talks by it; decision 025). */
  series: { slug: string; name: string; round: number | null } | null;
};

/**
 * The moment an "as known on" issue page shows (`?asOf=`, docs/decisions/026): a venue clock
 * reading is read on the clock its talks share (UTC when their zones differ); `label` names it
 * so. A moment still to come is now (`future`); one that cannot be read says why.
 */
export type IssueMoment = { ok: true; instant: Date; label: string; future: boolean } | { ok: false; message: string };

export type IssuePage = {
  issue: { slug: string; name: string; description: string | null };
  show: IssueStatementFilter;
  /** The talks with the issue on their agenda, in time order. */
  talks: IssueTalk[];
  /** The moment asked for, or null: the record now. Statements and assessments are as known then. */
  asOf: IssueMoment | null;
};

/**
 * Everything the issue page shows (`asOf`: the value of `?asOf=`, or null). Null when there is no
 * such issue. Cached per request (page + metadata).
 */
export const getIssuePage = cache(async (slug: string, show: IssueStatementFilter = "stances", asOfParam: string | null = null): Promise<IssuePage | null> => {
  await requireReader();
  const db = await getDb();
  const issue = await db.issue.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      talks: {
        where: { talk: { deletedAt: null } },
        select: {
          talk: {
            select: {
              id: true,
              ...talkRefSelect,
              round: true,
              series: { select: { slug: true, name: true, deletedAt: true } },
              parties: {
                where: { party: { deletedAt: null } },
                orderBy: { position: "asc" },
                select: { party: { select: { slug: true, shortName: true } } },
              },
            },
          },
        },
      },
    },
  });
  if (!issue) return null;

  const talkIds = issue.talks.map((t) => t.talk.id);
  const asOf = asOfParam === null ? null : readIssueMoment(asOfParam, issue.talks.map((t) => t.talk));
  // As known on a moment: each talk's rows on the issue rebuilt from revisions; linkages, and
  // which talks have the issue on their agenda, as they are now (as the talk page's).
  const at = asOf?.ok && !asOf.future ? asOf.instant : null;
  const [{ statements, assessments }, linkages] = await Promise.all([
    at ? readIssueRowsAt(db, await talkStamps(issue.talks.map((t) => t.talk)), issue, at) : readIssueRows(db, talkIds, issue.id),
    db.linkage.findMany({
      where: {
        deletedAt: null,
        talkId: { in: talkIds },
        OR: [{ issueId: issue.id }, { conditionIssueId: issue.id }],
      },
      select: {
        id: true,
        talkId: true,
        text: true,
        statedOn: true,
        droppedOn: true,
        party: { select: { slug: true, shortName: true } },
        issue: { select: { slug: true, name: true } },
        conditionIssue: { select: { slug: true, name: true } },
        statement: { select: { id: true, deletedAt: true } },
      },
    }),
  ]);

  const talks = issue.talks
    .map(({ talk: { id, parties, round, series, ...talk } }): IssueTalk => {
      const said = statements.filter((s) => s.talkId === id).map(({ talkId: _, ...s }) => s);
      const shown = show === "all" ? said : said.filter((s) => isStance(s.kind));
      return {
        talk,
        series: series && series.deletedAt === null ? { slug: series.slug, name: series.name, round } : null,
        positions: groupByDayAndParty(talk, parties.map((p) => p.party), shown),
        statementCount: said.length,
        stanceCount: said.filter((s) => isStance(s.kind)).length,
        gap: gapStrip(
          talk,
          assessments.filter((a) => a.talkId === id).map(({ talkId: _, ...a }) => a),
          groupByDay(talk, said).days.map((d) => d.day),
        ),
        linkages: linkages
          .filter((l) => l.talkId === id)
          .sort(byStatedOn)
          .map(({ talkId: _, statement, ...l }) => ({
            ...l,
            statementId: statement && statement.deletedAt === null ? statement.id : null,
          })),
      };
    })
    .sort((a, b) => compareTalks(a.talk, b.talk));

  return { issue: { slug: issue.slug, name: issue.name, description: issue.description }, show, talks, asOf };
});

/** The statements and assessments on the issue in the talks, now. */
async function readIssueRows(db: Db, talkIds: string[], issueId: string): Promise<IssueRowsAt> {
  const [statements, assessments] = await Promise.all([
    db.statement
      .findMany({
        where: { ...visibleStatement, talkId: { in: talkIds }, issues: { some: { issueId } } },
        select: { ...statementRefSelect, talkId: true },
      })
      .then((found) => readStatementRefs(db, found)),
    db.assessment.findMany({
      where: { deletedAt: null, issueId, talkId: { in: talkIds } },
      select: { talkId: true, localDay: true, gap: true, note: true, authorName: true },
    }),
  ]);
  return { statements, assessments };
}

/** The talks' stamps, under which their rows as known on a moment are kept (lib/data/talk-cache.ts). */
async function talkStamps(talks: { id: string; slug: string }[]): Promise<{ id: string; stamp: string }[]> {
  const records = await Promise.all(talks.map((t) => getTalk(t.slug)));
  return records.flatMap((r) => (r ? [{ id: r.id, stamp: r.stamp }] : []));
}

/** `?asOf=` on the clock the issue's talks share: their zone when they have one, else UTC. */
function readIssueMoment(value: string, talks: { venueCity: string; venueTimeZone: string }[]): IssueMoment {
  const zones = unique(talks.map((t) => t.venueTimeZone));
  const cities = unique(talks.map((t) => t.venueCity));
  const zone = zones.length === 1 ? zones[0]! : "UTC";
  const clock = zone === "UTC" ? "UTC" : cities.length === 1 ? cities[0]! : zone;
  const moment = readMoment(value, zone, new Date());
  if (!moment.ok) return moment;
  return { ...moment, label: formatMoment(moment.instant, zone, clock) };
}

/** Linkages in the order they were stated; those whose day is not reported after the rest. */
function byStatedOn(a: { statedOn: string | null }, b: { statedOn: string | null }): number {
  if (a.statedOn === b.statedOn) return 0;
  if (a.statedOn === null) return 1;
  if (b.statedOn === null) return -1;
  return a.statedOn < b.statedOn ? -1 : 1;
}
