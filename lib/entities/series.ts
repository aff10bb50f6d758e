// A series: the talks between the same parties over the years, each one round of it (the
// Japan–DPRK normalization talks). Shared like a party or an issue; a talk names its series and
// its round number (lib/entities/talk.ts). docs/decisions/025-series.md.
import { z } from "zod";
import { SUMMARY_MAX, TITLE_MAX } from "../talk-document/schema";
import { countOf, live, type CatalogEntity } from "./catalog";
import { id, newSlug, plainText, requiredText, version } from "./fields";
import { defineStore } from "./store";

export type SeriesSnapshot = { slug: string; name: string; description: string };

const fields = {
  name: requiredText(TITLE_MAX, "Enter the series’ name."),
  description: plainText(SUMMARY_MAX),
};
export const SeriesInput = z.object({ ...fields, slug: newSlug() });
export const SeriesUpdateInput = z.object({ ...fields, id: id(), version });

export const seriesStore = defineStore<SeriesSnapshot, SeriesSnapshot>({
  type: "series",
  model: (db) => db.series,
  select: { slug: true, name: true, description: true },
  snapshotOf: (s) => ({ slug: s.slug, name: s.name, description: s.description }),
  talkIdOf: () => null,
  fixed: (s) => ({ slug: s.slug }),
  columns: (_, s) => ({ name: s.name, description: s.description }),
});

export const series: CatalogEntity<SeriesSnapshot, z.output<typeof SeriesInput>, z.output<typeof SeriesUpdateInput>> = {
  type: "series",
  names: { one: "series", a: "a series", word: "series" },
  collection: "series",
  labels: { name: "Name", description: "Description" },
  input: { create: SeriesInput, update: SeriesUpdateInput },
  store: seriesStore,
  idBySlug: async (db, slug) => (await db.series.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null,
  slugOf: (s) => s.slug,
  titleOf: (s) => s.name,
  formValues: (s) => ({ slug: s.slug, name: s.name, description: s.description }),
  created: (input) => ({ slug: input.slug, name: input.name, description: input.description }),
  updated: (s, input) => ({ ...s, name: input.name, description: input.description }),
  fields: () => [
    { name: "name", label: "Name", kind: "text", max: TITLE_MAX, hint: "E.g. Japan–DPRK normalization talks." },
    { name: "description", label: "Description (optional)", kind: "textarea", max: SUMMARY_MAX, hint: "Who meets, about what, since when." },
  ],
  // A talk names its series: deleting one its live talks are rounds of would leave them pointing at nothing.
  async usesOf(db, id) {
    return countOf(await db.talk.count({ where: { seriesId: id, ...live } }), "talk");
  },
};
