import "server-only";
// A talk's linkages (a party makes one issue conditional on another): the talk page's Linkages
// section, and the choices of the linkage form.
import { requireReader } from "../auth/permissions";
import { getDb, type Db } from "../db";
import type { Option } from "../entities/types";
import { formatLocalDay } from "../time/local-day";
import { talkDayNumber } from "../time/zone-calendar";
import type { TalkRef } from "./form-options";

export type TalkLinkage = {
  id: string;
  party: { slug: string; shortName: string };
  issue: { slug: string; name: string };
  conditionIssue: { slug: string; name: string };
  text: string;
  statedOn: string | null;
  droppedOn: string | null;
  /** The statement that stated it, with its day (for its link on the timeline); null if none or deleted. */
  statement: { id: string; saidOn: string | null } | null;
};

/** The talk page's Linkages section: the talk's live linkages (the talk as getTalk read it). */
export async function getTalkLinkages(talkId: string): Promise<TalkLinkage[]> {
  await requireReader();
  return listTalkLinkages(await getDb(), talkId);
}

const issueRef = { select: { slug: true, name: true } } as const;

/** The live linkages of a talk: in force first, then dropped; each by the day stated. */
export async function listTalkLinkages(db: Db, talkId: string): Promise<TalkLinkage[]> {
  const rows = await db.linkage.findMany({
    where: { talkId, deletedAt: null },
    orderBy: [{ statedOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      text: true,
      statedOn: true,
      droppedOn: true,
      party: { select: { slug: true, shortName: true } },
      issue: issueRef,
      conditionIssue: issueRef,
      statement: { select: { id: true, saidOn: true, deletedAt: true } },
    },
  });
  const linkages = rows.map(({ statement, ...l }) => ({ ...l, statement: statement && !statement.deletedAt ? { id: statement.id, saidOn: statement.saidOn } : null }));
  return [...linkages.filter((l) => !l.droppedOn), ...linkages.filter((l) => l.droppedOn)];
}

/** A statement to choose as the one that stated a linkage: grouped by day, tagged with its party. */
export type StatementChoice = Option & { group: string; tag: string };

export type LinkageFormOptions = { talk: TalkRef; parties: Option[]; issues: Option[]; statements: StatementChoice[] };

/**
 * What the linkage form chooses from: the talk's parties and agenda, and its live statements
 * (plus the one a linkage cites already, even if deleted since), labelled by day and speaker.
 */
export async function getLinkageFormOptions(slug: string, include: { statement?: string | null } = {}): Promise<LinkageFormOptions | null> {
  await requireReader();
  const db = await getDb();
  const talk = await db.talk.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      venueCity: true,
      venueTimeZone: true,
      firstDay: true,
      lastDay: true,
      parties: { orderBy: { position: "asc" }, select: { party: { select: { slug: true, name: true } } } },
      issues: { orderBy: { position: "asc" }, select: { issue: { select: { slug: true, name: true } } } },
    },
  });
  if (!talk) return null;
  const statements = await db.statement.findMany({
    where: { talkId: talk.id, OR: [{ deletedAt: null }, ...(include.statement ? [{ id: include.statement }] : [])] },
    orderBy: [{ saidOn: "asc" }, { sequence: "asc" }],
    select: { id: true, saidOn: true, sequence: true, text: true, party: { select: { slug: true, shortName: true } }, envoy: { select: { name: true } } },
  });
  const { parties, issues, ...ref } = talk;
  return {
    talk: ref,
    parties: parties.map(({ party }) => ({ value: party.slug, label: party.name })),
    issues: issues.map(({ issue }) => ({ value: issue.slug, label: issue.name })),
    statements: statementChoices(ref, statements),
  };
}

/**
 * Pure: the statements as choices — under a heading per day ("Day 2 · Sunday 5 February 2006"),
 * the days in order and those not reported last (the databases sort a missing day differently),
 * each "Speaker: first words…" and tagged with its party, so the form offers only the chosen
 * party's (SimpleForm's filterBy).
 */
export function statementChoices(
  talk: Pick<TalkRef, "firstDay" | "venueTimeZone">,
  statements: { id: string; saidOn: string | null; sequence: number; text: string; party: { slug: string; shortName: string }; envoy: { name: string } | null }[],
): StatementChoice[] {
  const short = (t: string) => (t.length > 70 ? `${t.slice(0, 69).trimEnd()}…` : t);
  const sorted = [...statements].sort((a, b) => (a.saidOn === b.saidOn ? a.sequence - b.sequence : a.saidOn === null ? 1 : b.saidOn === null ? -1 : a.saidOn.localeCompare(b.saidOn)));
  return sorted.map((s) => ({
    value: s.id,
    label: `${s.envoy?.name ?? s.party.shortName}: ${short(s.text)}`,
    group: s.saidOn ? `Day ${talkDayNumber(talk, s.saidOn)} · ${formatLocalDay(s.saidOn)}` : "Day not reported",
    tag: s.party.slug,
  }));
}
