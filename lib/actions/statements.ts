"use server";
// Editors add, correct, delete and restore statements (lib/mutations/statements.ts writes every
// change with its revision).
import { getDb } from "../db";
import { statement, StatementInput, statementInputValues, StatementUpdateInput } from "../entities/statement";
import * as statements from "../mutations/statements";
import { actorOf, attempt } from "./edit-support";
import { talkRowActions } from "./entity-actions";
import { editorAction } from "./safe-action";

const actions = talkRowActions(statement, {
  createInput: StatementInput,
  updateInput: StatementUpdateInput,
  create: statements.createStatement,
  update: statements.updateStatement,
  conflictValues: (input) => ({ ...statementInputValues(input), id: input.id }),
  writes: { remove: statements.deleteStatement, undoDelete: statements.undoDeleteStatement, restore: statements.restoreStatementVersion },
});

export const create = actions.create;
export const update = actions.update;
export const remove = actions.remove;
export const undoDelete = actions.undoDelete;
export const restore = actions.restore;

/**
 * The same save from the form that opens in place on the timeline: the editor stays where they
 * were, and the answer is the new statement's id and day, nothing more. The action does not
 * re-render the page (no refresh()): the page brings the day up to date itself, in the one
 * coalesced refresh its live updates make for every change (components/talk/live-updates.tsx;
 * docs/decisions/013-write-throughput.md).
 */
export const addInPlace = editorAction(StatementInput, async (input, user) => {
  const db = await getDb();
  const { id, day } = await attempt(() => statements.createStatement(db, input, actorOf(user)));
  return { ok: true, message: "Statement added.", data: { id, day } };
});
