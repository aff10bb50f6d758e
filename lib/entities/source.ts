// A source: a report that sessions and statements cite, shared by every talk. Its address is its
// key (how documents and imports name it).
import { z } from "zod";
import { TITLE_MAX } from "../talk-document/schema";
import { countOf, live, type CatalogEntity } from "./catalog";
import { id, newSlug, optionalDay, optionalUrl, requiredText, version } from "./fields";
import { defineStore } from "./store";

export type SourceSnapshot = { key: string; publisher: string; title: string; url: string | null; publishedOn: string | null };

const fields = {
  publisher: requiredText(TITLE_MAX, "Enter the publisher, such as Kyodo News."),
  title: requiredText(TITLE_MAX * 2, "Enter the title as published."),
  url: optionalUrl,
  publishedOn: optionalDay,
};
export const SourceInput = z.object({ ...fields, slug: newSlug() });
export const SourceUpdateInput = z.object({ ...fields, id: id(), version });

/** A source typed into a session or statement form, created in the same transaction as what cites it. */
export type NewSource = { publisher: string; title: string; url: string | null; publishedOn: string | null };

/** What creating a typed-in source records, under the key made for it. */
export const typedSource = (typed: NewSource, key: string): SourceSnapshot => ({ key, publisher: typed.publisher, title: typed.title, url: typed.url, publishedOn: typed.publishedOn });

export const sourceStore = defineStore<SourceSnapshot, SourceSnapshot>({
  type: "source",
  model: (db) => db.source,
  select: { key: true, publisher: true, title: true, url: true, publishedOn: true },
  snapshotOf: (s) => ({ key: s.key, publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn }),
  talkIdOf: () => null,
  fixed: (s) => ({ key: s.key }),
  columns: (_, s) => ({ publisher: s.publisher, title: s.title, url: s.url, publishedOn: s.publishedOn }),
});

export const source: CatalogEntity<SourceSnapshot, z.output<typeof SourceInput>, z.output<typeof SourceUpdateInput>> = {
  type: "source",
  names: { one: "source", a: "a source", word: "source" },
  collection: "sources",
  labels: { publisher: "Publisher", title: "Title", url: "Address (URL)", publishedOn: "Published" },
  input: { create: SourceInput, update: SourceUpdateInput },
  store: sourceStore,
  idBySlug: async (db, key) => (await db.source.findUnique({ where: { key }, select: { id: true } }))?.id ?? null,
  slugOf: (s) => s.key,
  titleOf: (s) => `${s.publisher}, “${s.title}”`,
  formValues: (s) => ({ slug: s.key, publisher: s.publisher, title: s.title, url: s.url ?? "", publishedOn: s.publishedOn ?? "" }),
  created: (input) => ({ key: input.slug, publisher: input.publisher, title: input.title, url: input.url, publishedOn: input.publishedOn }),
  updated: (s, input) => ({ ...s, publisher: input.publisher, title: input.title, url: input.url, publishedOn: input.publishedOn }),
  fields: () => [
    { name: "publisher", label: "Publisher", kind: "text", max: TITLE_MAX, hint: "Who published it, e.g. Kyodo News or the Foreign Ministry." },
    { name: "title", label: "Title", kind: "text", max: TITLE_MAX * 2, hint: "As published." },
    { name: "url", label: "Web address (optional)", kind: "text", max: 2_000, hint: "Starting with http:// or https://." },
    { name: "publishedOn", label: "Publication day (optional)", kind: "date", hint: "As the source dates itself." },
  ],
  async usesOf(db, id) {
    const [statements, sessions] = await Promise.all([
      db.statementSource.count({ where: { sourceId: id, statement: live } }),
      db.sessionSource.count({ where: { sourceId: id, session: live } }),
    ]);
    return [...countOf(sessions, "session"), ...countOf(statements, "statement")];
  },
};
