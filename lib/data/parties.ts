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

export type PartyPage = {
  party: { slug: string; name: string; shortName: string; isoCode: string | null };
  /** The talks the party takes part in, in time order. */
  talks: TalkRef[];
  envoys: {
    slug: string;
    name: string;
    nameOriginal: string | null;
    title: string | null;
    roles: { talk: { slug: string; title: string }; role: DelegationRole }[];
  }[];
  /** What the party said, as a whole or through its envoys: by talk (in time order), then by local day. */
  statements: TalkStatements<TalkRef, StatementRef>[];
  statementCount: number;
};

/** Everything the party page shows. Null when there is no such party. Cached per request (page + metadata). */
export const getPartyPage = cache(async (slug: string): Promise<PartyPage | null> => {
  await requireReader();
  const db = await getDb();
  const party = await db.party.findFirst({
    where: { slug, deletedAt: null },
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      isoCode: true,
      talks: { where: { talk: { deletedAt: null } }, select: { talk: { select: talkRefSelect } } },
      envoys: {
        where: { deletedAt: null },
        orderBy: { name: "asc" },
        select: {
          slug: true,
          name: true,
          nameOriginal: true,
          title: true,
          talks: {
            where: { talk: { deletedAt: null } },
            select: { role: true, talk: { select: { slug: true, title: true, firstDay: true } } },
          },
        },
      },
    },
  });
  if (!party) return null;

  // The statement's party is the speaker's: the party as a whole, or its envoy's party.
  const rows = await db.statement
    .findMany({
      where: { ...visibleStatement, partyId: party.id },
      select: { ...statementRefSelect, talk: { select: talkRefSelect } },
    })
    .then((found) => readStatementRefs(db, found));

  return {
    party: { slug: party.slug, name: party.name, shortName: party.shortName, isoCode: party.isoCode },
    talks: party.talks.map((t) => t.talk).sort(compareTalks),
    envoys: party.envoys.map(({ talks, ...envoy }) => ({
      ...envoy,
      roles: [...talks]
        .sort((a, b) => compareTalks(a.talk, b.talk))
        .map(({ role, talk }) => ({ role, talk: { slug: talk.slug, title: talk.title } })),
    })),
    statements: groupByTalk(rows.map(({ talk, ...statement }) => ({ talk, statement }))),
    statementCount: rows.length,
  };
});
