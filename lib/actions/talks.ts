"use server";
// Editors create talks and correct them (title, venue, days, status, parties, envoys, agenda).
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "../db";
import { CatalogRestoreInput, CatalogVersionInput } from "../inputs/catalog";
import { TalkInput, TalkUpdateInput, talkInputValues } from "../inputs/talk";
import { ConflictError } from "../mutations/core";
import * as talks from "../mutations/talks";
import { actorOf, attempt, conflictState } from "./edit-support";
import { editorAction } from "./safe-action";

export const createTalk = editorAction(TalkInput, async (input, user) => {
  const db = await getDb();
  const { slug } = await attempt(() => talks.createTalk(db, input, actorOf(user)));
  redirect(`/talks/${slug}`);
});

export const updateTalk = editorAction(TalkUpdateInput, async (input, user) => {
  const db = await getDb();
  let slug: string;
  try {
    ({ slug } = await attempt(() => talks.updateTalk(db, input, actorOf(user))));
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("talk", error, input.version, { ...talkInputValues(input), id: input.id }, input.venueTimeZone);
  }
  redirect(`/talks/${slug}`);
});

export const deleteTalk = editorAction(CatalogVersionInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => talks.deleteTalk(db, input, actorOf(user)));
    return { ok: true, message: "Talk deleted.", data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("talk", error, input.version, {}, null);
  }
});

export const undoDeleteTalk = editorAction(CatalogVersionInput, async (input, user) => {
  const db = await getDb();
  const { version } = await attempt(() => talks.undoDeleteTalk(db, input, actorOf(user)));
  refresh();
  return { ok: true, message: "Deletion undone: the talk is back.", data: { version } };
});

export const restoreTalkRevision = editorAction(CatalogRestoreInput, async (input, user) => {
  const db = await getDb();
  try {
    const { version } = await attempt(() => talks.restoreTalkVersion(db, input, actorOf(user)));
    refresh();
    return { ok: true, message: `Version ${input.restore} restored as version ${version}.`, data: { version } };
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState("talk", error, input.version, {}, null);
  }
});
