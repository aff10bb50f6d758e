"use server";
// Editors add, correct, delete and restore statements (lib/mutations/statements.ts writes every
// change with its revision).
import { refresh } from "next/cache";
import { getDb } from "../db";
import { statement, StatementInput, statementInputValues, StatementUpdateInput } from "../entities/statement";
import { dayPagePath, TalkRowRestoreInput, TalkRowVersionInput } from "../entities/talk-row";
import * as statements from "../mutations/statements";
import { actorOf, attempt } from "./edit-support";
import { saveActions, versionActions } from "./entity-actions";
import { editorAction } from "./safe-action";

const at = (talk: string, saved: { id: string; day: string | null }) => dayPagePath(talk, saved.day, { anchor: statement.anchor, id: saved.id });

const save = saveActions({
  type: "statement",
  createInput: StatementInput,
  updateInput: StatementUpdateInput,
  create: async (db, input, actor) => at(input.talk, await statements.createStatement(db, input, actor)),
  update: async (db, input, actor) => at(input.talk, await statements.updateStatement(db, input, actor)),
  conflictValues: (input) => ({ ...statementInputValues(input), id: input.id }),
  timeZone: async (db, input) => (await statements.talkForWrite(db, input.talk)).venueTimeZone,
});

const versions = versionActions({
  type: "statement",
  word: statement.names.word,
  versionInput: TalkRowVersionInput,
  restoreInput: TalkRowRestoreInput,
  remove: statements.deleteStatement,
  undoDelete: statements.undoDeleteStatement,
  restore: statements.restoreStatementVersion,
});

export const create = save.create;
export const update = save.update;
export const remove = versions.remove;
export const undoDelete = versions.undoDelete;
export const restore = versions.restore;

/**
 * The same save from the form that opens in place on the timeline: the editor stays where they
 * were, the page is brought up to date (refresh), and the form learns the new statement's id and
 * day so it can show it.
 */
export const addInPlace = editorAction(StatementInput, async (input, user) => {
  const db = await getDb();
  const { id, day } = await attempt(() => statements.createStatement(db, input, actorOf(user)));
  refresh();
  return { ok: true, message: "Statement added.", data: { id, day } };
});
