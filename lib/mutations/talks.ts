// Talks as editors write them (lib/actions/talks.ts): what, where, when, who takes part and the
// agenda. Refuses what would leave the talk's own records pointing at nothing: dropping a party
// that still speaks in it, or an issue its statements, sessions or assessments are about.
import "server-only";
import type { Db } from "../db";
import type { TalkInputData, TalkUpdateData } from "../inputs/talk";
import { ConflictError, MutationError, commit, createRow, deleteRow, planUpdate, restoreVersion, undoDelete, type Actor } from "./core";
import type { TalkSnapshot } from "./snapshot";
import { talkStore } from "./stores";

async function talkSnapshotOf(db: Db, input: TalkInputData | TalkUpdateData, slug: string): Promise<TalkSnapshot> {
  const envoys = input.envoys.length
    ? await db.envoy.findMany({ where: { slug: { in: input.envoys.map((e) => e.envoy) } }, select: { slug: true, name: true, party: { select: { slug: true } } } })
    : [];
  for (const e of envoys) {
    if (!input.parties.includes(e.party.slug)) throw new MutationError(`${e.name} speaks for a party not taking part; add the party or leave the envoy out.`, "envoys");
  }
  return {
    slug,
    title: input.title,
    venueCity: input.venueCity,
    venueTimeZone: input.venueTimeZone,
    firstDay: input.firstDay,
    lastDay: input.lastDay,
    status: input.status,
    summary: input.summary,
    parties: input.parties,
    envoys: [...input.envoys].sort((a, b) => a.envoy.localeCompare(b.envoy)),
    issues: input.issues,
  };
}

export async function createTalk(db: Db, input: TalkInputData, actor: Actor): Promise<{ id: string; slug: string }> {
  if (await db.talk.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new MutationError("Another talk already has this address; choose another.", "slug");
  }
  const snapshot = await talkSnapshotOf(db, input, input.slug);
  try {
    const { id } = await createRow(db, talkStore, { snapshot, actor });
    return { id, slug: input.slug };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new MutationError("Another talk already has this address; choose another.", "slug");
    throw error;
  }
}

export async function updateTalk(db: Db, input: TalkUpdateData, actor: Actor): Promise<{ slug: string }> {
  const current = await talkStore.read(db, input.id);
  if (!current) throw new MutationError("This talk no longer exists.");
  const snapshot = await talkSnapshotOf(db, input, current.snapshot.slug);
  const [speaking, discussed] = await Promise.all([
    db.statement.findMany({ where: { talkId: input.id, deletedAt: null }, distinct: ["partyId"], select: { party: { select: { slug: true, shortName: true } } } }),
    db.issue.findMany({
      where: {
        OR: [
          { statements: { some: { statement: { talkId: input.id, deletedAt: null } } } },
          { sessions: { some: { session: { talkId: input.id, deletedAt: null } } } },
          { assessments: { some: { talkId: input.id, deletedAt: null } } },
        ],
      },
      select: { slug: true, name: true },
    }),
  ]);
  const droppedParty = speaking.find((s) => !snapshot.parties.includes(s.party.slug));
  if (droppedParty) throw new MutationError(`${droppedParty.party.shortName} speaks in this talk's statements, so it must stay among its parties.`, "parties");
  const droppedIssue = discussed.find((i) => !snapshot.issues.includes(i.slug));
  if (droppedIssue) throw new MutationError(`“${droppedIssue.name}” is what some of this talk's records are about, so it must stay on the agenda.`, "issues");
  try {
    const plan = await planUpdate(db, talkStore, input.id, { expectedVersion: input.version, snapshot, actor });
    await commit(db, [plan]);
  } catch (error) {
    if (error instanceof ConflictError) (error as ConflictError<TalkSnapshot>).attempted = snapshot;
    throw error;
  }
  return { slug: snapshot.slug };
}

/** Deleting a talk hides it and everything in it; undoing brings it all back. */
export const deleteTalk = (db: Db, input: { id: string; version: number }, actor: Actor) =>
  deleteRow(db, talkStore, input.id, { expectedVersion: input.version, actor });

export const undoDeleteTalk = (db: Db, input: { id: string; version: number }, actor: Actor) =>
  undoDelete(db, talkStore, input.id, { expectedVersion: input.version, actor });

export const restoreTalkVersion = (db: Db, input: { id: string; version: number; restore: number }, actor: Actor) =>
  restoreVersion(db, talkStore, input.id, { version: input.restore, expectedVersion: input.version, actor });
