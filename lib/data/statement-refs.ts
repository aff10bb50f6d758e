import "server-only";
import type { Prisma } from "../generated/sqlite/client";
import type {
  Capacity,
  PartOfDay,
  StatementKind,
  StatementSetting,
  TalkStatus,
  TimePrecision,
} from "../enums";
import type { IssueRef } from "./talks";

// What the envoy, party and issue pages show of a talk and of a statement seen away from the
// talk's timeline. One select for the three reads, so they show the same fields the same way.

export type TalkRef = {
  slug: string;
  title: string;
  venueCity: string;
  venueTimeZone: string;
  firstDay: string;
  lastDay: string | null;
  status: TalkStatus;
};

export const talkRefSelect = {
  slug: true,
  title: true,
  venueCity: true,
  venueTimeZone: true,
  firstDay: true,
  lastDay: true,
  status: true,
} as const satisfies Prisma.TalkSelect;

/** A report that carries a statement, cited in full (the talk page numbers its sources; these pages do not). */
export type SourceCitation = { id: string; publisher: string; title: string; url: string | null; publishedOn: string | null };

/** A statement as the timeline shows it, less its session: these pages link to the timeline for that. */
export type StatementRef = {
  id: string;
  saidOn: string | null;
  saidAt: Date | null;
  saidPrecision: TimePrecision;
  partOfDay: PartOfDay | null;
  reportedOn: string | null;
  setting: StatementSetting;
  kind: StatementKind;
  capacity: Capacity;
  text: string;
  quotedWords: string | null;
  sequence: number;
  party: { slug: string; shortName: string };
  envoy: { slug: string; name: string } | null;
  issues: IssueRef[];
  sources: SourceCitation[];
};

// Soft-deleted issues and sources are left out, as everywhere a reader looks.
export const statementRefSelect = {
  id: true,
  saidOn: true,
  saidAt: true,
  saidPrecision: true,
  partOfDay: true,
  reportedOn: true,
  setting: true,
  kind: true,
  capacity: true,
  text: true,
  quotedWords: true,
  sequence: true,
  party: { select: { slug: true, shortName: true } },
  envoy: { select: { slug: true, name: true } },
  issues: { where: { issue: { deletedAt: null } }, orderBy: { issue: { name: "asc" } }, select: { issue: { select: { slug: true, name: true } } } },
  sources: {
    where: { source: { deletedAt: null } },
    select: { source: { select: { id: true, publisher: true, title: true, url: true, publishedOn: true } } },
  },
} as const satisfies Prisma.StatementSelect;

type StatementRow = Prisma.StatementGetPayload<{ select: typeof statementRefSelect }>;

export function toStatementRef({ issues, sources, ...s }: StatementRow): StatementRef {
  return {
    ...s,
    issues: issues.map((i): IssueRef => i.issue),
    sources: sources.map((x): SourceCitation => x.source),
  };
}

/** Where statements that readers may see live: not deleted, in a talk that is not deleted. */
export const visibleStatement = { deletedAt: null, talk: { deletedAt: null } } as const satisfies Prisma.StatementWhereInput;
