"use server";
// Editors add, correct, delete and restore sessions (lib/mutations/sessions.ts does the work).
import { session, SessionInput, SessionUpdateInput, sessionInputValues } from "../entities/session";
import { dayPagePath, TalkRowRestoreInput, TalkRowVersionInput } from "../entities/talk-row";
import * as sessions from "../mutations/sessions";
import { talkForWrite } from "../mutations/talk-rows";
import { saveActions, versionActions } from "./entity-actions";

const at = (talk: string, saved: { id: string; day: string | null }) => dayPagePath(talk, saved.day, { anchor: session.anchor, id: saved.id });

const save = saveActions({
  type: "session",
  createInput: SessionInput,
  updateInput: SessionUpdateInput,
  create: async (db, input, actor) => at(input.talk, await sessions.createSession(db, input, actor)),
  update: async (db, input, actor) => at(input.talk, await sessions.updateSession(db, input, actor)),
  conflictValues: (input) => ({ ...sessionInputValues(input), id: input.id }),
  timeZone: async (db, input) => (await talkForWrite(db, input.talk)).venueTimeZone,
});

const versions = versionActions({
  type: "session",
  word: session.names.word,
  versionInput: TalkRowVersionInput,
  restoreInput: TalkRowRestoreInput,
  remove: sessions.deleteSession,
  undoDelete: sessions.undoDeleteSession,
  restore: sessions.restoreSessionVersion,
});

export const create = save.create;
export const update = save.update;
export const remove = versions.remove;
export const undoDelete = versions.undoDelete;
export const restore = versions.restore;
