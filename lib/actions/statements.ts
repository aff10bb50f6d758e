"use server";
// Editors add, correct, delete and restore statements (lib/mutations/statements.ts writes every
// change with its revision).
import { statement, StatementInput, statementInputValues, StatementUpdateInput } from "../entities/statement";
import * as statements from "../mutations/statements";
import { talkRowActions } from "./entity-actions";

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
