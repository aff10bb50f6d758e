// The five editor actions every shared catalog row (party, envoy, issue, source) has: create, update
// (refused with a comparison when stale), soft delete, undo delete, restore an earlier version.
// lib/actions/{parties,envoys,issues,sources}.ts export them as Server Actions.
import "server-only";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getDb, type Db } from "../db";
import { CatalogRestoreInput, CatalogVersionInput } from "../inputs/catalog";
import { deleteCatalogRow, restoreCatalogVersion, undoDeleteCatalogRow, type CatalogType } from "../mutations/catalog";
import { ConflictError, type Actor } from "../mutations/core";
import { actorOf, attempt, conflictState } from "./edit-support";
import { editorAction } from "./safe-action";

type UpdateShape = z.ZodType<{ id: string; version: number } & Record<string, unknown>>;

export function catalogActions<C extends z.ZodType<{ slug: string }>, U extends UpdateShape>(options: {
  type: CatalogType;
  /** "Party", "Envoy", "Issue", "Source": the word in messages. */
  label: string;
  /** Where the row's page lives: /parties, /envoys, /issues, /sources. */
  path: string;
  createInput: C;
  updateInput: U;
  create: (db: Db, input: z.output<C>, actor: Actor) => Promise<unknown>;
  update: (db: Db, input: z.output<U>, actor: Actor) => Promise<{ slug: string }>;
}) {
  const { type, label, path } = options;
  const conflict = (error: unknown, version: number, values: Record<string, string>) => {
    if (!(error instanceof ConflictError)) throw error;
    return conflictState(type, error, version, values, null);
  };

  return {
    create: editorAction(options.createInput, async (input, user) => {
      const db = await getDb();
      await attempt(() => options.create(db, input, actorOf(user)));
      redirect(`${path}/${input.slug}`);
    }),

    update: editorAction(options.updateInput, async (input, user) => {
      const db = await getDb();
      let slug: string;
      try {
        ({ slug } = await attempt(() => options.update(db, input, actorOf(user))));
      } catch (error) {
        const { id, version, ...values } = input;
        return conflict(error, version, { ...stringValues(values), id });
      }
      redirect(`${path}/${slug}`);
    }),

    remove: editorAction(CatalogVersionInput, async (input, user) => {
      const db = await getDb();
      try {
        const { version } = await attempt(() => deleteCatalogRow(db, type, input, actorOf(user)));
        return { ok: true, message: `${label} deleted.`, data: { version } };
      } catch (error) {
        return conflict(error, input.version, {});
      }
    }),

    undoDelete: editorAction(CatalogVersionInput, async (input, user) => {
      const db = await getDb();
      const { version } = await attempt(() => undoDeleteCatalogRow(db, type, input, actorOf(user)));
      refresh();
      return { ok: true, message: `Deletion undone: the ${label.toLowerCase()} is back.`, data: { version } };
    }),

    restore: editorAction(CatalogRestoreInput, async (input, user) => {
      const db = await getDb();
      try {
        const { version } = await attempt(() => restoreCatalogVersion(db, type, input, actorOf(user)));
        refresh();
        return { ok: true, message: `Version ${input.restore} restored as version ${version}.`, data: { version } };
      } catch (error) {
        return conflict(error, input.version, {});
      }
    }),
  };
}

/** The submitted fields as the form shows them again (null → empty box). */
function stringValues(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v == null ? "" : String(v)]));
}
