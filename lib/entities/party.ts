// A party: a state or organization taking part in talks, shared by every talk.
import { z } from "zod";
import { TITLE_MAX } from "../talk-document/schema";
import { countOf, live, type CatalogEntity } from "./catalog";
import { id, newSlug, requiredText, version } from "./fields";
import { defineStore } from "./store";

export type PartySnapshot = { slug: string; name: string; shortName: string; isoCode: string | null };

const isoCode = z
  .preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toUpperCase()) : v), z.string().regex(/^[A-Z]{3}$/, { error: "Use the three-letter ISO 3166-1 code, such as JPN." }).optional())
  .transform((v) => v ?? null);

const fields = {
  name: requiredText(TITLE_MAX, "Enter the party’s name."),
  shortName: requiredText(60, "Enter a short name, such as Japan or DPRK."),
  isoCode,
};
export const PartyInput = z.object({ ...fields, slug: newSlug() });
export const PartyUpdateInput = z.object({ ...fields, id: id(), version });

type Row = { slug: string; name: string; shortName: string; isoCode: string | null };

export const partyStore = defineStore<PartySnapshot, Row>({
  type: "party",
  model: (db) => db.party,
  select: { slug: true, name: true, shortName: true, isoCode: true },
  snapshotOf: (p) => ({ slug: p.slug, name: p.name, shortName: p.shortName, isoCode: p.isoCode }),
  talkIdOf: () => null,
  fixed: (p) => ({ slug: p.slug }),
  columns: (_, p) => ({ name: p.name, shortName: p.shortName, isoCode: p.isoCode }),
});

export const party: CatalogEntity<PartySnapshot, z.output<typeof PartyInput>, z.output<typeof PartyUpdateInput>> = {
  type: "party",
  names: { one: "party", a: "a party", word: "party" },
  collection: "parties",
  labels: { name: "Name", shortName: "Short name", isoCode: "ISO code" },
  input: { create: PartyInput, update: PartyUpdateInput },
  store: partyStore,
  idBySlug: async (db, slug) => (await db.party.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null,
  slugOf: (p) => p.slug,
  titleOf: (p) => p.name,
  formValues: (p) => ({ slug: p.slug, name: p.name, shortName: p.shortName, isoCode: p.isoCode ?? "" }),
  created: (input) => ({ slug: input.slug, name: input.name, shortName: input.shortName, isoCode: input.isoCode }),
  updated: (p, input) => ({ ...p, name: input.name, shortName: input.shortName, isoCode: input.isoCode }),
  fields: () => [
    { name: "name", label: "Name", kind: "text", max: TITLE_MAX, hint: "In full, e.g. Democratic People's Republic of Korea." },
    { name: "shortName", label: "Short name", kind: "text", max: 60, hint: "As the timeline shows it, e.g. DPRK." },
    { name: "isoCode", label: "ISO 3166-1 code (optional)", kind: "text", max: 3, hint: "Three letters, e.g. JPN; leave empty for an organization." },
  ],
  async usesOf(db, id) {
    const [statements, envoys, talks] = await Promise.all([
      db.statement.count({ where: { partyId: id, ...live } }),
      db.envoy.count({ where: { partyId: id, ...live } }),
      db.talkParty.count({ where: { partyId: id, talk: live } }),
    ]);
    return [...countOf(talks, "talk"), ...countOf(envoys, "envoy"), ...countOf(statements, "statement")];
  },
};

