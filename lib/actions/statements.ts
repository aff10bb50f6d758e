"use server";
// Editors add, correct, delete and restore statements. Each action is wrapped by editorAction
// (role checked, input validated by the schema the form uses); the work is in
// lib/mutations/statements.ts, which writes every change with its revision.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { ConflictError } from "../mutations/core";
import * as statements from "../mutations/statements";
import { StatementInput, StatementRestoreInput, StatementUpdateInput, StatementVersionInput, statementInputValues } from "../inputs/statement";
import { actorOf, attempt, conflictState } from "./edit-support";
import { editorAction } from "./safe-action";

const dayPath = (talk: string, day: string | null, id: string) => `/talks/${talk}/days/${day ?? "unknown"}#statement-${id}`;

export const createStatement = editorAction(StatementInput, async (input, user) => {
  const db = await getDb();
  const { id, day } = await attempt(() => statements.createStatement(db, input, actorOf(user)));
  redirect(dayPath(input.talk, day, id));
});

/**
 * The same save from the form that opens in place on the timeline: the editor stays where they
 * were, the page is brought up to date (refresh), and the form learns the new statement's id and
 * day so it can show it.
 */
export const addStatementInPlace = editorAction(StatementInput, async (input, user) => {
  const db = await getDb();
  const { id, day } = await attempt(() => statements.createStatement(db, input, actorOf(user)));
  refresh();
  return { ok: true, message: "Statement added.", data: { id, day } };
});

export const updateStatement = editorAction(StatementUpdateInput, async (input, user) => {
  const db = await getDb();
  let saved: { id: string; day: string | null };
  try {
    saved = await attempt(() => statements.updateStatement(db, input, actorOf(user)));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const talk = await statements.talkForWrite(db, input.talk);
    return conflictState("statement", error, input.version, { ...statementInputValues(input), id: input.id }, talk.venueTimeZone);
  }
  redirect(dayPath(input.talk, saved.day, saved.id));
});

export const deleteStatement = editorAction(StatementVersionInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version, day } = await attempt(() => statements.deleteStatement(db, input, actorOf(user)));
    return { ok: true, message: "Statement deleted.", data: { version, day } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("statement", error, input.version, {}, null);
  }
});

export const undoDeleteStatement = editorAction(StatementVersionInput, async (input, user) => {
  const db = await getDb();
  const { version, day } = await attempt(() => statements.undoDeleteStatement(db, input, actorOf(user)));
  refresh();
  return { ok: true, message: "Deletion undone: the statement is back.", data: { version, day } };
});

export const restoreStatementRevision = editorAction(StatementRestoreInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => statements.restoreStatementVersion(db, input, actorOf(user)));
    refresh();
    return { ok: true, message: `Version ${input.restore} restored as version ${version}.`, data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("statement", error, input.version, {}, null);
  }
});
