// An envoy: a person who speaks for a party, shared by every talk (their role in a talk is the talk's).
import { z } from "zod";
import { TITLE_MAX } from "../talk-document/schema";
import { countOf, live, type CatalogEntity } from "./catalog";
import { id, newSlug, optionalText, requiredText, slug, version } from "./fields";
import { defineStore, MutationError, partyIds } from "./store";

export type EnvoySnapshot = { slug: string; name: string; nameOriginal: string | null; title: string | null; party: string };

const fields = {
  name: requiredText(TITLE_MAX, "Enter the envoy’s name in Latin script."),
  nameOriginal: optionalText(TITLE_MAX),
  title: optionalText(TITLE_MAX),
  party: slug("Choose the envoy’s party."),
};
export const EnvoyInput = z.object({ ...fields, slug: newSlug() });
export const EnvoyUpdateInput = z.object({ ...fields, id: id(), version });

type Row = Omit<EnvoySnapshot, "party"> & { party: { slug: string } };

export const envoyStore = defineStore<EnvoySnapshot, Row>({
  type: "envoy",
  model: (db) => db.envoy,
  select: { slug: true, name: true, nameOriginal: true, title: true, party: { select: { slug: true } } },
  snapshotOf: (e) => ({ slug: e.slug, name: e.name, nameOriginal: e.nameOriginal, title: e.title, party: e.party.slug }),
  talkIdOf: () => null,
  fixed: (e) => ({ slug: e.slug }),
  async columns(db, e) {
    const [partyId] = await partyIds(db, [e.party]);
    return { name: e.name, nameOriginal: e.nameOriginal, title: e.title, partyId };
  },
});

export const envoy: CatalogEntity<EnvoySnapshot, z.output<typeof EnvoyInput>, z.output<typeof EnvoyUpdateInput>> = {
  type: "envoy",
  names: { one: "envoy", a: "an envoy", word: "envoy" },
  collection: "envoys",
  labels: { name: "Name", nameOriginal: "Name in original script", title: "Title", party: "Party" },
  input: { create: EnvoyInput, update: EnvoyUpdateInput },
  store: envoyStore,
  idBySlug: async (db, slug) => (await db.envoy.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null,
  slugOf: (e) => e.slug,
  titleOf: (e) => e.name,
  formValues: (e) => ({ slug: e.slug, name: e.name, nameOriginal: e.nameOriginal ?? "", title: e.title ?? "", party: e.party }),
  created: (input) => ({ slug: input.slug, name: input.name, nameOriginal: input.nameOriginal, title: input.title, party: input.party }),
  updated: (e, input) => ({ ...e, name: input.name, nameOriginal: input.nameOriginal, title: input.title, party: input.party }),
  async check(db, input) {
    const party = await db.party.findFirst({ where: { slug: input.party, deletedAt: null }, select: { id: true } });
    if (!party) throw new MutationError("Choose one of the parties listed.", "party");
  },
  fields: ({ parties }) => [
    { name: "name", label: "Name in Latin script", kind: "text", max: TITLE_MAX },
    { name: "nameOriginal", label: "Name in the original script (optional)", kind: "text", max: TITLE_MAX },
    { name: "title", label: "Title (optional)", kind: "text", max: TITLE_MAX, hint: "E.g. Chief envoy of North Korea. Their role in a talk is set on the talk." },
    { name: "party", label: "Party", kind: "select", options: parties, placeholder: "Choose the party" },
  ],
  async usesOf(db, id) {
    const [statements, talks] = await Promise.all([db.statement.count({ where: { envoyId: id, ...live } }), db.talkEnvoy.count({ where: { envoyId: id, talk: live } })]);
    return [...countOf(talks, "talk"), ...countOf(statements, "statement")];
  },
};
