// Parties, envoys, issues and sources: shared by every talk. Their slug (their address, and how documents
// and revisions refer to them) is chosen once, at creation. Pure.
import { z } from "zod";
import type { FormValues } from "../actions/safe-action";
import type { EnvoySnapshot, IssueSnapshot, PartySnapshot, SourceSnapshot } from "../mutations/snapshot";
import { SUMMARY_MAX, TITLE_MAX } from "../talk-document/schema";
import { id, newSlug, optionalDay, optionalText, optionalUrl, requiredText, slug, version } from "./fields";

const isoCode = z
  .preprocess((v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toUpperCase()) : v), z.string().regex(/^[A-Z]{3}$/, { error: "Use the three-letter ISO 3166-1 code, such as JPN." }).optional())
  .transform((v) => v ?? null);

const partyFields = {
  name: requiredText(TITLE_MAX, "Enter the party’s name."),
  shortName: requiredText(60, "Enter a short name, such as Japan or DPRK."),
  isoCode,
};
export const PartyInput = z.object({ ...partyFields, slug: newSlug() });
export const PartyUpdateInput = z.object({ ...partyFields, id: id(), version });

const envoyFields = {
  name: requiredText(TITLE_MAX, "Enter the envoy’s name in Latin script."),
  nameOriginal: optionalText(TITLE_MAX),
  title: optionalText(TITLE_MAX),
  party: slug("Choose the envoy’s party."),
};
export const EnvoyInput = z.object({ ...envoyFields, slug: newSlug() });
export const EnvoyUpdateInput = z.object({ ...envoyFields, id: id(), version });

const issueFields = {
  name: requiredText(TITLE_MAX, "Enter the issue’s name."),
  description: optionalText(SUMMARY_MAX),
};
export const IssueInput = z.object({ ...issueFields, slug: newSlug() });
export const IssueUpdateInput = z.object({ ...issueFields, id: id(), version });

// A source's address is its key (how documents and imports name it).
const sourceFields = {
  publisher: requiredText(TITLE_MAX, "Enter the publisher, such as Kyodo News."),
  title: requiredText(TITLE_MAX * 2, "Enter the title as published."),
  url: optionalUrl,
  publishedOn: optionalDay,
};
export const SourceInput = z.object({ ...sourceFields, slug: newSlug() });
export const SourceUpdateInput = z.object({ ...sourceFields, id: id(), version });

/** Delete, undo and restore of any of them, named by id. */
export const CatalogVersionInput = z.object({ id: id(), version });
export const CatalogRestoreInput = z.object({ id: id(), version, restore: z.coerce.number().int().min(1) });

export const partyFormValues = (p: PartySnapshot): FormValues => ({ slug: p.slug, name: p.name, shortName: p.shortName, isoCode: p.isoCode ?? "" });
export const envoyFormValues = (e: EnvoySnapshot): FormValues => ({ slug: e.slug, name: e.name, nameOriginal: e.nameOriginal ?? "", title: e.title ?? "", party: e.party });
export const issueFormValues = (i: IssueSnapshot): FormValues => ({ slug: i.slug, name: i.name, description: i.description ?? "" });
export const sourceFormValues = (s: SourceSnapshot): FormValues => ({ slug: s.key, publisher: s.publisher, title: s.title, url: s.url ?? "", publishedOn: s.publishedOn ?? "" });
