import "server-only";
import { cache } from "react";
import { requireReader } from "../auth/permissions";
import { getDb } from "../db";
import { compareTalks, groupByTalk, type TalkStatements } from "../statements/group";
import { readStatementRefs, statementRefSelect, talkRefSelect, visibleStatement, type StatementRef, type TalkRef } from "./statement-refs";

export type SourcePage = {
  source: { id: string; key: string; publisher: string; title: string; url: string | null; publishedOn: string | null };
  /** Sessions whose facts it reports, by talk (in time order), each with its day. */
  sessions: { talk: TalkRef; sessions: { id: string; title: string; localDay: string | null }[] }[];
  /** The statements it carries, by talk, then by the venue's local day. */
  statements: TalkStatements<TalkRef, StatementRef>[];
  statementCount: number;
};

/** Everything a source's page shows: the report and what cites it. Null when there is no such source. */
export const getSourcePage = cache(async (key: string): Promise<SourcePage | null> => {
  await requireReader();
  const db = await getDb();
  const source = await db.source.findFirst({
    where: { key, deletedAt: null },
    select: { id: true, key: true, publisher: true, title: true, url: true, publishedOn: true },
  });
  if (!source) return null;
  const [statementRows, sessionRows] = await Promise.all([
    db.statement
      .findMany({
        where: { ...visibleStatement, sources: { some: { sourceId: source.id } } },
        select: { ...statementRefSelect, talk: { select: talkRefSelect } },
      })
      .then((found) => readStatementRefs(db, found)),
    db.session.findMany({
      where: { deletedAt: null, talk: { deletedAt: null }, sources: { some: { sourceId: source.id } } },
      orderBy: [{ localDay: "asc" }, { sequence: "asc" }],
      select: { id: true, title: true, localDay: true, talk: { select: talkRefSelect } },
    }),
  ]);
  const sessionsByTalk = new Map<string, SourcePage["sessions"][number]>();
  for (const { talk, ...session } of sessionRows) {
    const group = sessionsByTalk.get(talk.slug) ?? { talk, sessions: [] };
    group.sessions.push(session);
    sessionsByTalk.set(talk.slug, group);
  }
  return {
    source,
    sessions: [...sessionsByTalk.values()].sort((a, b) => compareTalks(a.talk, b.talk)),
    statements: groupByTalk(statementRows.map(({ talk, ...statement }) => ({ talk, statement }))),
    statementCount: statementRows.length,
  };
});
