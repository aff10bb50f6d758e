// A series' page (/series/<slug>): its rounds in order, then for each issue on any round's agenda
// the gap each round ended on, side by side, and where each party stood on it at each round.
// Pure: the series' live talks and rows in (lib/data/series.ts reads them), a plain object out.
// A party's position in a round is the brief's rule (lib/brief/build.ts latestPosition), so the
// brief of a round and its column here always agree. docs/decisions/025-series.md.
import { latestPosition, timelineOrder } from "../brief/build";
import type { Gap, StatementKind, TalkStatus } from "../enums";
import { dayNumber } from "../statements/group";
import { formatDayRange, localDayOf, type LocalDay } from "../time/local-day";

// ---- What the data layer hands in. ----

export type SeriesRoundRow = {
  slug: string;
  title: string;
  venueCity: string;
  venueTimeZone: string;
  firstDay: LocalDay;
  lastDay: LocalDay | null;
  status: TalkStatus;
  round: number | null;
  /** In the talk's order. */
  parties: { slug: string; name: string; shortName: string }[];
  /** The agenda, in the talk's order. */
  issues: { slug: string; name: string }[];
};

export type SeriesRecord = {
  series: { slug: string; name: string; description: string };
  /** The series' live talks, in any order. */
  talks: SeriesRoundRow[];
  /** Live statements of those talks about any issue. */
  statements: {
    id: string;
    talk: string;
    saidOn: LocalDay | null;
    saidAt: Date | null;
    sequence: number;
    kind: StatementKind;
    text: string;
    quotedWords: string | null;
    party: string;
    envoy: { name: string } | null;
    issues: string[];
  }[];
  /** Live gap assessments of those talks. */
  assessments: { talk: string; issue: string; localDay: LocalDay; gap: Gap; note: string }[];
};

// ---- What the page renders. ----

export type SeriesRound = Omit<SeriesRoundRow, "issues">;

/** The gap a round ended on: its latest assessment of the issue. */
export type RoundGap =
  | { kind: "assessed"; gap: Gap; day: LocalDay; number: number | null; note: string }
  /** On the round's agenda, never assessed. */
  | { kind: "none" }
  /** Not on that round's agenda. */
  | { kind: "off-agenda" };

export type RoundPosition =
  | {
      kind: "stated";
      statement: { id: string; day: LocalDay | null; number: number | null; kind: StatementKind; text: string; quotedWords: string | null; speaker: string };
      /** "remark": the party took no stance on the issue that round; its latest other statement. */
      basis: "stance" | "remark";
      /** Other statements of the same basis whose day is not reported (they may be later). */
      undatedOthers: number;
    }
  /** At the table, nothing recorded on the issue. */
  | { kind: "silent" }
  /** The party did not take part in that round. */
  | { kind: "absent" };

export type SeriesIssue = {
  slug: string;
  name: string;
  /** One per round, in the rounds' order. */
  gaps: RoundGap[];
  /** One row per party of the series, a cell per round. */
  positions: { party: { slug: string; name: string; shortName: string }; cells: RoundPosition[] }[];
};

export type SeriesPage = {
  series: SeriesRecord["series"];
  rounds: SeriesRound[];
  /** Every party of any round, in the order they first appear. */
  parties: { slug: string; name: string; shortName: string }[];
  /** Every issue on any round's agenda, in the order they first appear. */
  issues: SeriesIssue[];
};

/**
 * Rounds in the order they were held: by first day, then by round number (two rounds opening the
 * same day), then by title; an unnumbered round after numbered ones that day.
 */
export function compareRounds(a: Pick<SeriesRoundRow, "firstDay" | "round" | "title">, b: Pick<SeriesRoundRow, "firstDay" | "round" | "title">): number {
  if (a.firstDay !== b.firstDay) return a.firstDay < b.firstDay ? -1 : 1;
  if (a.round !== b.round) return a.round === null ? 1 : b.round === null ? -1 : a.round - b.round;
  return a.title.localeCompare(b.title);
}

export function buildSeriesPage(record: SeriesRecord): SeriesPage {
  const talks = [...record.talks].sort(compareRounds);
  const rounds = talks.map(({ issues: _issues, ...t }): SeriesRound => t);

  const parties = firstSeen(talks.flatMap((t) => t.parties));
  const issues = firstSeen(talks.flatMap((t) => t.issues));

  const zoneOf = new Map(talks.map((t) => [t.slug, t.venueTimeZone]));
  type Row = SeriesRecord["statements"][number];
  // A recorded instant decides the day in the venue's zone, as on the timeline.
  const dayOf = (s: Row) => (s.saidAt ? localDayOf(s.saidAt, zoneOf.get(s.talk) ?? "UTC") : s.saidOn);
  const statements = timelineOrder(
    record.statements.filter((s) => zoneOf.has(s.talk)),
    dayOf,
  );

  return {
    series: record.series,
    rounds,
    parties,
    issues: issues.map((issue): SeriesIssue => ({
      ...issue,
      gaps: talks.map((talk) => finalGap(talk, issue.slug, record.assessments)),
      positions: parties.map((party) => ({
        party,
        cells: talks.map((talk): RoundPosition => {
          if (!talk.parties.some((p) => p.slug === party.slug)) return { kind: "absent" };
          const said = statements.filter((s) => s.talk === talk.slug && s.party === party.slug && s.issues.includes(issue.slug));
          const { statement, basis, undatedOthers } = latestPosition(said, dayOf);
          if (!statement || !basis) return { kind: "silent" };
          const day = dayOf(statement);
          return {
            kind: "stated",
            statement: {
              id: statement.id,
              day,
              number: day === null ? null : dayNumber(talk, day),
              kind: statement.kind,
              text: statement.text,
              quotedWords: statement.quotedWords,
              speaker: statement.envoy?.name ?? party.shortName,
            },
            basis,
            undatedOthers,
          };
        }),
      })),
    })),
  };
}

/** From the first round's first day to the latest day of any round; `open`: some round's end is not recorded yet. */
export type SeriesSpan = { firstDay: LocalDay; lastDay: LocalDay; open: boolean };

/** The days a series' rounds cover; null with no round. */
export function spanOf(talks: { firstDay: LocalDay; lastDay: LocalDay | null }[]): SeriesSpan | null {
  if (talks.length === 0) return null;
  const end = (t: { firstDay: LocalDay; lastDay: LocalDay | null }) => t.lastDay ?? t.firstDay;
  return {
    firstDay: talks.reduce((d, t) => (t.firstDay < d ? t.firstDay : d), talks[0]!.firstDay),
    lastDay: talks.reduce((d, t) => (end(t) > d ? end(t) : d), end(talks[0]!)),
    open: talks.some((t) => t.lastDay === null),
  };
}

/** "4–8 February 2006"; "from 4 February 2006" while a round is open. */
export const formatSpan = (span: SeriesSpan) => formatDayRange(span.firstDay, span.open ? null : span.lastDay);

/** The gap a round ended on for an issue: its assessment on the latest day assessed. */
export function finalGap(talk: Pick<SeriesRoundRow, "slug" | "firstDay" | "venueTimeZone" | "issues">, issue: string, assessments: SeriesRecord["assessments"]): RoundGap {
  const latest = assessments.filter((a) => a.talk === talk.slug && a.issue === issue).reduce<SeriesRecord["assessments"][number] | null>((l, a) => (l === null || a.localDay > l.localDay ? a : l), null);
  if (latest) return { kind: "assessed", gap: latest.gap, day: latest.localDay, number: dayNumber(talk, latest.localDay), note: latest.note };
  return talk.issues.some((i) => i.slug === issue) ? { kind: "none" } : { kind: "off-agenda" };
}

/** The first of each slug, in order. */
function firstSeen<T extends { slug: string }>(items: T[]): T[] {
  const seen = new Map<string, T>();
  for (const x of items) if (!seen.has(x.slug)) seen.set(x.slug, x);
  return [...seen.values()];
}
