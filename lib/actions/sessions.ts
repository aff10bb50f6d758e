"use server";
// Editors add, correct, delete and restore sessions (lib/mutations/sessions.ts does the work).
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { SessionInput, SessionUpdateInput, sessionInputValues } from "../inputs/session";
import { StatementRestoreInput as RestoreInput, StatementVersionInput as VersionInput } from "../inputs/statement";
import { ConflictError } from "../mutations/core";
import * as sessions from "../mutations/sessions";
import { talkForWrite } from "../mutations/statements";
import { actorOf, attempt, conflictState } from "./edit-support";
import { editorAction } from "./safe-action";

const dayPath = (talk: string, day: string | null, id: string) => `/talks/${talk}/days/${day ?? "unknown"}#session-${id}`;

export const createSession = editorAction(SessionInput, async (input, user) => {
  const db = await getDb();
  const { id, day } = await attempt(() => sessions.createSession(db, input, actorOf(user)));
  redirect(dayPath(input.talk, day, id));
});

export const updateSession = editorAction(SessionUpdateInput, async (input, user) => {
  const db = await getDb();
  let saved: { id: string; day: string | null };
  try {
    saved = await attempt(() => sessions.updateSession(db, input, actorOf(user)));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const talk = await talkForWrite(db, input.talk);
    return conflictState("session", error, input.version, { ...sessionInputValues(input), id: input.id }, talk.venueTimeZone);
  }
  redirect(dayPath(input.talk, saved.day, saved.id));
});

export const deleteSession = editorAction(VersionInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => sessions.deleteSession(db, input, actorOf(user)));
    return { ok: true, message: "Session deleted.", data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("session", error, input.version, {}, null);
  }
});

export const undoDeleteSession = editorAction(VersionInput, async (input, user) => {
  const db = await getDb();
  const { version } = await attempt(() => sessions.undoDeleteSession(db, input, actorOf(user)));
  refresh();
  return { ok: true, message: "Deletion undone: the session is back.", data: { version } };
});

export const restoreSessionRevision = editorAction(RestoreInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => sessions.restoreSessionVersion(db, input, actorOf(user)));
    refresh();
    return { ok: true, message: `Version ${input.restore} restored as version ${version}.`, data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("session", error, input.version, {}, null);
  }
});
