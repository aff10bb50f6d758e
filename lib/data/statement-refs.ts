import "server-only";
import type { Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import type {
  Capacity,
  PartOfDay,
  StatementKind,
  StatementSetting,
  TalkStatus,
  TimePrecision,
} from "../enums";
import { findInChunks } from "./talk-index";
import type { IssueRef } from "./talks";

// What the envoy, party, issue and source pages show of a talk and of a statement seen away from
// the talk's timeline. One read for the four pages, so they show the same fields the same way.

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

/** What a read of statements selects for `readStatementRefs`: the statement and its speaker. */
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
} as const satisfies Prisma.StatementSelect;

/**
 * The statements read (with `statementRefSelect`) with their issues, by name, and their sources;
 * soft-deleted issues and sources are left out, as everywhere a reader looks. Read apart, by
 * chunks of statement ids, not nested in the statements' select: Prisma loads a nested list with
 * an IN (…) of every statement's id, which it splits under its bound-parameter limit (999 on
 * SQLite, 32,766 on PostgreSQL) only when the list is not ordered. Ordered (the issues by name),
 * an issue, party, envoy or source with about a thousand statements failed on SQLite (Prisma
 * P2029: the bench talk's busiest issue, 1,598 statements). The same rows in the same order as
 * the nested select gave (test/db/big-statement-lists.test.ts).
 */
export async function readStatementRefs<T extends { id: string }>(db: Db, rows: T[]): Promise<(T & Pick<StatementRef, "issues" | "sources">)[]> {
  const ids = rows.map((s) => s.id);
  const [issueRows, sourceRows] = await Promise.all([
    findInChunks(ids, (chunk) =>
      db.statementIssue.findMany({
        where: { statementId: { in: chunk }, issue: { deletedAt: null } },
        orderBy: { issue: { name: "asc" } },
        select: { statementId: true, issue: { select: { slug: true, name: true } } },
      }),
    ),
    findInChunks(ids, (chunk) =>
      db.statementSource.findMany({
        where: { statementId: { in: chunk }, source: { deletedAt: null } },
        select: { statementId: true, source: { select: { id: true, publisher: true, title: true, url: true, publishedOn: true } } },
      }),
    ),
  ]);
  const issues = listsBy(issueRows, (x): IssueRef => x.issue);
  const sources = listsBy(sourceRows, (x): SourceCitation => x.source);
  return rows.map((s) => ({ ...s, issues: issues.get(s.id) ?? [], sources: sources.get(s.id) ?? [] }));
}

/** Each statement's rows, mapped, in the order read. */
function listsBy<R extends { statementId: string }, V>(rows: R[], value: (row: R) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of rows) {
    const list = map.get(row.statementId);
    if (list) list.push(value(row));
    else map.set(row.statementId, [value(row)]);
  }
  return map;
}

/** Where statements that readers may see live: not deleted, in a talk that is not deleted. */
export const visibleStatement = { deletedAt: null, talk: { deletedAt: null } } as const satisfies Prisma.StatementWhereInput;
