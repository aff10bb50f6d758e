"use server";
// Editors create talks and correct them (title, venue, days, status, parties, envoys, agenda).
import { RowRestoreInput, RowVersionInput } from "../entities/catalog";
import { talk, TalkInput, talkFormValues, TalkUpdateInput } from "../entities/talk";
import * as talks from "../mutations/talks";
import { saveActions, versionActions } from "./entity-actions";

const save = saveActions({
  type: "talk",
  createInput: TalkInput,
  updateInput: TalkUpdateInput,
  create: async (db, input, actor) => `/talks/${(await talks.createTalk(db, input, actor)).slug}`,
  update: async (db, input, actor) => `/talks/${(await talks.updateTalk(db, input, actor)).slug}`,
  conflictValues: (input) => ({ ...talkFormValues(input), id: input.id }),
  timeZone: (_, input) => input.venueTimeZone,
});

const versions = versionActions({
  type: "talk",
  word: talk.names.word,
  versionInput: RowVersionInput,
  restoreInput: RowRestoreInput,
  remove: talks.deleteTalk,
  undoDelete: talks.undoDeleteTalk,
  restore: talks.restoreTalkVersion,
});

export const create = save.create;
export const update = save.update;
export const remove = versions.remove;
export const undoDelete = versions.undoDelete;
export const restore = versions.restore;
