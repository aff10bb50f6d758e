// Linkages between a talk's issues. Rules that need the database and the talk: the party takes
// part in the talk, both issues are on its agenda, its days lie inside the talk's, and the
// statement it cites is a live statement of the same talk.
import "server-only";
import type { Db } from "../db";
import { linkage, type LinkageInputData, type LinkageSnapshot, type LinkageUpdateData } from "../entities/linkage";
import { MutationError, createRow, saveUpdate, type Actor } from "./core";
import { checkTalkDay, talkForWrite, talkRowWrites, type KeptCheck, type TalkForWrite } from "./talk-rows";

type LinkageFields = Omit<LinkageSnapshot, "talkId">;

async function checkLinkage(db: Db, talk: TalkForWrite, l: LinkageFields, keptStatement: string | null = null): Promise<void> {
  checkTalkDay(talk, l.statedOn, "statedOn");
  checkTalkDay(talk, l.droppedOn, "droppedOn");
  const [party, agenda, statement] = await Promise.all([
    db.talkParty.findFirst({ where: { talkId: talk.id, party: { slug: l.party } }, select: { partyId: true } }),
    db.talkIssue.findMany({ where: { talkId: talk.id, issue: { slug: { in: [l.issue, l.conditionIssue] } } }, select: { issue: { select: { slug: true } } } }),
    l.statement ? db.statement.findUnique({ where: { id: l.statement }, select: { talkId: true, deletedAt: true } }) : null,
  ]);
  if (!party) throw new MutationError("That party does not take part in this talk; add it to the talk first.", "party");
  const onAgenda = new Set(agenda.map((a) => a.issue.slug));
  if (!onAgenda.has(l.issue)) throw new MutationError("That issue is not on this talk’s agenda.", "issue");
  if (!onAgenda.has(l.conditionIssue)) throw new MutationError("That issue is not on this talk’s agenda.", "conditionIssue");
  if (l.statement) {
    if (!statement || statement.talkId !== talk.id) throw new MutationError("That statement is not part of this talk.", "statement");
    // A statement deleted since the linkage cited it stays cited, as a statement keeps its deleted session.
    if (statement.deletedAt && l.statement !== keptStatement) throw new MutationError("That statement was deleted and can no longer be cited.", "statement");
  }
}

const fieldsOf = (input: LinkageInputData | LinkageUpdateData): LinkageFields => ({
  party: input.party,
  issue: input.issue,
  conditionIssue: input.conditionIssue,
  text: input.text,
  statedOn: input.statedOn,
  droppedOn: input.droppedOn,
  statement: input.statement,
});

export async function createLinkage(db: Db, input: LinkageInputData, actor: Actor): Promise<{ id: string; day: string | null }> {
  const talk = await talkForWrite(db, input.talk);
  const fields = fieldsOf(input);
  await checkLinkage(db, talk, fields);
  const { id } = await createRow(db, linkage.store, { snapshot: { talkId: talk.id, ...fields }, actor });
  return { id, day: fields.statedOn };
}

// Brought back as it was (undo, restore): the talk's parties and agenda may have changed since.
const checkKept: KeptCheck<LinkageSnapshot> = async (db, talk, snapshot, where) => {
  try {
    await checkLinkage(db, talk, snapshot, snapshot.statement);
  } catch (error) {
    if (error instanceof MutationError) throw new MutationError(`${where} ${error.message}`);
    throw error;
  }
};

const writes = talkRowWrites(linkage, { checkKept });

export async function updateLinkage(db: Db, input: LinkageUpdateData, actor: Actor): Promise<{ id: string; day: string | null }> {
  const { talk, row } = await writes.ofTalk(db, input);
  const fields = fieldsOf(input);
  await checkLinkage(db, talk, fields, row.snapshot.statement);
  await saveUpdate(db, linkage.store, input.id, { expectedVersion: input.version, snapshot: { ...row.snapshot, ...fields }, actor });
  return { id: input.id, day: fields.statedOn };
}

export const deleteLinkage = writes.remove;
export const undoDeleteLinkage = writes.undoDelete;
export const restoreLinkageVersion = writes.restore;
