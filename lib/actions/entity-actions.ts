// The editor actions every kind of record has, made once from what differs per kind: save (create,
// and update refused with a comparison when stale), soft delete, undo the deletion, restore an
// earlier version. lib/actions/<kind>.ts export them as Server Actions; each is wrapped by
// editorAction (role checked, input validated by the schema the form uses).
import "server-only";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb, type Db } from "../db";
import { RowRestoreInput, RowVersionInput, catalogPath, type CatalogEntity } from "../entities/catalog";
import { rowPlacePath, TalkRowRestoreInput, TalkRowVersionInput, type TalkRowEntity } from "../entities/talk-row";
import type { EntityType, FormValues, Snapshot } from "../entities/types";
import { createCatalogRow, deleteCatalogRow, restoreCatalogVersion, undoDeleteCatalogRow, updateCatalogRow } from "../mutations/catalog";
import { ConflictError, type Actor } from "../mutations/core";
import { talkForWrite } from "../mutations/talk-rows";
import { actorOf, attempt, conflictState } from "./edit-support";
import { editorAction } from "./safe-action";

type Versioned = { id: string; version: number };
type Done = { version: number; day?: string | null };

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);

const isConflict = (error: unknown): error is ConflictError<Snapshot> => error instanceof ConflictError;

/** A stale save, delete or restore becomes the form's comparison; any other error goes on. */
function conflictOr(error: unknown, type: EntityType, version: number, values: FormValues = {}, timeZone: string | null = null) {
  if (!isConflict(error)) throw error;
  return conflictState(type, error, version, values, timeZone);
}

const answer = (done: Done) => ({ version: done.version, ...(done.day !== undefined ? { day: done.day } : {}) });

/** Create and update: each saves, then opens the page the saved record is seen on (`run` answers its address). */
export function saveActions<C extends z.ZodType, U extends z.ZodType<Versioned>>(spec: {
  type: EntityType;
  createInput: C;
  updateInput: U;
  create(db: Db, input: z.output<C>, actor: Actor): Promise<string>;
  update(db: Db, input: z.output<U>, actor: Actor): Promise<string>;
  /** The editor's values, put back in the form after a stale save. */
  conflictValues: (input: z.output<U>) => FormValues;
  /** The zone the comparison shows times in (a talk's row: its venue's). */
  timeZone?(db: Db, input: z.output<U>): string | null | Promise<string | null>;
}) {
  return {
    create: editorAction(spec.createInput, async (input, user) => {
      const db = await getDb();
      redirect(await attempt(() => spec.create(db, input, actorOf(user))));
    }),
    update: editorAction(spec.updateInput, async (input, user) => {
      const db = await getDb();
      let path: string;
      try {
        path = await attempt(() => spec.update(db, input, actorOf(user)));
      } catch (error) {
        const timeZone = isConflict(error) && spec.timeZone ? await spec.timeZone(db, input) : null;
        return conflictOr(error, spec.type, input.version, spec.conflictValues(input), timeZone);
      }
      redirect(path);
    }),
  };
}

/** Delete, undo and restore, each answering the row's new version (and its day, for a talk's row). */
export function versionActions<V extends z.ZodType<Versioned>, R extends z.ZodType<Versioned & { restore: number }>>(spec: {
  type: EntityType;
  /** The word in messages: "party", "assessment". */
  word: string;
  versionInput: V;
  restoreInput: R;
  remove(db: Db, input: z.output<V>, actor: Actor): Promise<Done>;
  undoDelete(db: Db, input: z.output<V>, actor: Actor): Promise<Done>;
  restore(db: Db, input: z.output<R>, actor: Actor): Promise<Done>;
}) {
  return {
    remove: editorAction(spec.versionInput, async (input, user) => {
      const db = await getDb();
      try {
        const done = await attempt(() => spec.remove(db, input, actorOf(user)));
        return { ok: true, message: `${capitalized(spec.word)} deleted.`, data: answer(done) };
      } catch (error) {
        return conflictOr(error, spec.type, input.version);
      }
    }),
    undoDelete: editorAction(spec.versionInput, async (input, user) => {
      const db = await getDb();
      const done = await attempt(() => spec.undoDelete(db, input, actorOf(user)));
      refresh();
      return { ok: true, message: `Deletion undone: the ${spec.word} is back.`, data: answer(done) };
    }),
    restore: editorAction(spec.restoreInput, async (input, user) => {
      const db = await getDb();
      try {
        const { version } = await attempt(() => spec.restore(db, input, actorOf(user)));
        refresh();
        return { ok: true, message: `Version ${input.restore} restored as version ${version}.`, data: { version } };
      } catch (error) {
        return conflictOr(error, spec.type, input.version);
      }
    }),
  };
}

/** The five actions of a party, envoy, issue or source, from its descriptor. */
export function catalogActions<S extends Snapshot, C extends { slug: string }, U extends Versioned>(entity: CatalogEntity<S, C, U>) {
  const { type } = entity;
  const save = saveActions({
    type,
    createInput: entity.input.create,
    updateInput: entity.input.update,
    create: async (db, input, actor) => catalogPath(entity, (await createCatalogRow(db, entity, input, actor)).slug),
    update: async (db, input, actor) => catalogPath(entity, (await updateCatalogRow(db, entity, input, actor)).slug),
    conflictValues: ({ id, version: _version, ...values }) => ({ ...stringValues(values), id }),
  });
  const versions = versionActions({
    type,
    word: entity.names.word,
    versionInput: RowVersionInput,
    restoreInput: RowRestoreInput,
    remove: (db, input, actor) => deleteCatalogRow(db, type, input, actor),
    undoDelete: (db, input, actor) => undoDeleteCatalogRow(db, type, input, actor),
    restore: (db, input, actor) => restoreCatalogVersion(db, type, input, actor),
  });
  return { ...save, ...versions };
}

/** The submitted fields as the form shows them again (null → empty box). */
function stringValues(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" || typeof v === "number" ? String(v) : ""]));
}

type Saved = { id: string; day: string | null };

/**
 * The five actions of a talk's session, statement or assessment: a save opens the day page at the
 * row; a stale save's comparison shows times on the venue's clock.
 */
export function talkRowActions<S extends Snapshot, C extends z.ZodType<{ talk: string }>, U extends z.ZodType<Versioned & { talk: string }>>(
  entity: TalkRowEntity<S>,
  spec: {
    createInput: C;
    updateInput: U;
    create(db: Db, input: z.output<C>, actor: Actor): Promise<Saved>;
    update(db: Db, input: z.output<U>, actor: Actor): Promise<Saved>;
    conflictValues: (input: z.output<U>) => FormValues;
    writes: Pick<Parameters<typeof versionActions<typeof TalkRowVersionInput, typeof TalkRowRestoreInput>>[0], "remove" | "undoDelete" | "restore">;
  },
) {
  const at = (talk: string, saved: Saved) => rowPlacePath(entity, talk, saved.day, saved.id);
  const save = saveActions({
    type: entity.type,
    createInput: spec.createInput,
    updateInput: spec.updateInput,
    create: async (db, input, actor) => at(input.talk, await spec.create(db, input, actor)),
    update: async (db, input, actor) => at(input.talk, await spec.update(db, input, actor)),
    conflictValues: spec.conflictValues,
    timeZone: async (db, input) => (await talkForWrite(db, input.talk)).venueTimeZone,
  });
  const versions = versionActions({ type: entity.type, word: entity.names.word, versionInput: TalkRowVersionInput, restoreInput: TalkRowRestoreInput, ...spec.writes });
  return { ...save, ...versions };
}
