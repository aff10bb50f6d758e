import "server-only";
import { cache } from "react";
import { requireReader } from "../auth/permissions";
import { getDb } from "../db";
import type { DelegationRole } from "../enums";
import { compareTalks, groupByTalk, type TalkStatements } from "../statements/group";
import {
  readStatementRefs,
  statementRefSelect,
  talkRefSelect,
  visibleStatement,
  type StatementRef,
  type TalkRef,
} from "./statement-refs";

export type EnvoyPage = {
  envoy: {
    slug: string;
    name: string;
    nameOriginal: string | null;
    title: string | null;
    party: { slug: string; name: string; shortName: string };
  };
  /** The envoy's role in each talk, talks in time order. */
  roles: { talk: TalkRef; role: DelegationRole }[];
  /** Everything the envoy said, by talk (in time order), then by the venue's local day. */
  statements: TalkStatements<TalkRef, StatementRef>[];
  statementCount: number;
};

/** Everything the envoy page shows. Null when there is no such envoy. Cached per request (page + metadata). */
export const getEnvoyPage = cache(async (slug: string): Promise<EnvoyPage | null> => {
  await requireReader();
  const db = await getDb();
  const envoy = await db.envoy.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      nameOriginal: true,
      title: true,
      party: { select: { slug: true, name: true, shortName: true } },
      talks: { where: { talk: { deletedAt: null } }, select: { role: true, talk: { select: talkRefSelect } } },
    },
  });
  if (!envoy) return null;

  const rows = await db.statement
    .findMany({
      where: { ...visibleStatement, envoyId: envoy.id },
      select: { ...statementRefSelect, talk: { select: talkRefSelect } },
    })
    .then((found) => readStatementRefs(db, found));

  const { slug: envoySlug, name, nameOriginal, title, party } = envoy;
  return {
    envoy: { slug: envoySlug, name, nameOriginal, title, party },
    roles: [...envoy.talks].sort((a, b) => compareTalks(a.talk, b.talk)),
    statements: groupByTalk(rows.map(({ talk, ...statement }) => ({ talk, statement }))),
    statementCount: rows.length,
  };
});
