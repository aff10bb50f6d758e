// An issue: an agenda topic (the abductions, normalization…), shared by every talk.
import { z } from "zod";
import { SUMMARY_MAX, TITLE_MAX } from "../talk-document/schema";
import { countOf, live, type CatalogEntity } from "./catalog";
import { id, newSlug, optionalText, requiredText, version } from "./fields";
import { defineStore } from "./store";

export type IssueSnapshot = { slug: string; name: string; description: string | null };

const fields = {
  name: requiredText(TITLE_MAX, "Enter the issue’s name."),
  description: optionalText(SUMMARY_MAX),
};
export const IssueInput = z.object({ ...fields, slug: newSlug() });
export const IssueUpdateInput = z.object({ ...fields, id: id(), version });

export const issueStore = defineStore<IssueSnapshot, IssueSnapshot>({
  type: "issue",
  model: (db) => db.issue,
  select: { slug: true, name: true, description: true },
  snapshotOf: (i) => ({ slug: i.slug, name: i.name, description: i.description }),
  talkIdOf: () => null,
  fixed: (i) => ({ slug: i.slug }),
  columns: (_, i) => ({ name: i.name, description: i.description }),
});

export const issue: CatalogEntity<IssueSnapshot, z.output<typeof IssueInput>, z.output<typeof IssueUpdateInput>> = {
  type: "issue",
  names: { one: "issue", a: "an issue", word: "issue" },
  collection: "issues",
  labels: { name: "Name", description: "Description" },
  input: { create: IssueInput, update: IssueUpdateInput },
  store: issueStore,
  idBySlug: async (db, slug) => (await db.issue.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null,
  slugOf: (i) => i.slug,
  titleOf: (i) => i.name,
  formValues: (i) => ({ slug: i.slug, name: i.name, description: i.description ?? "" }),
  created: (input) => ({ slug: input.slug, name: input.name, description: input.description }),
  updated: (i, input) => ({ ...i, name: input.name, description: input.description }),
  fields: () => [
    { name: "name", label: "Name", kind: "text", max: TITLE_MAX, hint: "E.g. Abductions of Japanese nationals." },
    { name: "description", label: "Description (optional)", kind: "textarea", max: SUMMARY_MAX },
  ],
  async usesOf(db, id) {
    const [statements, sessions, assessments, talks] = await Promise.all([
      db.statementIssue.count({ where: { issueId: id, statement: live } }),
      db.sessionIssue.count({ where: { issueId: id, session: live } }),
      db.assessment.count({ where: { issueId: id, ...live } }),
      db.talkIssue.count({ where: { issueId: id, talk: live } }),
    ]);
    return [...countOf(talks, "talk"), ...countOf(sessions, "session"), ...countOf(statements, "statement"), ...countOf(assessments, "assessment")];
  },
};
