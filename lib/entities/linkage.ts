// A linkage: a condition one party sets between two issues of a talk ("no normalization until the
// abductions are settled"): `issue` is held back until `conditionIssue` is settled. It may name the
// day it was stated, the day it was dropped, and the statement that stated it. Its place is the
// talk page's Linkages section, not a day (decision 024).
import { z } from "zod";
import { STATEMENT_TEXT_MAX } from "../talk-document/schema";
import { id, optionalDay, requiredText, slug, version } from "./fields";
import { defineStore, issueIds, partyIds } from "./store";
import type { TalkRowEntity } from "./talk-row";

export type LinkageSnapshot = {
  talkId: string;
  party: string;
  issue: string;
  conditionIssue: string;
  text: string;
  statedOn: string | null;
  droppedOn: string | null;
  /** The statement (by id) that stated it, if one is recorded. */
  statement: string | null;
};

export const LINKAGE_TEXT_MAX = STATEMENT_TEXT_MAX;

const linkageFields = {
  party: slug("Choose the party that sets the condition."),
  issue: slug("Choose the issue held back."),
  conditionIssue: slug("Choose the issue it is conditional on."),
  text: requiredText(LINKAGE_TEXT_MAX, "Say the condition in a sentence."),
  statedOn: optionalDay,
  droppedOn: optionalDay,
  statement: z.preprocess((v) => (v === "" || v == null ? null : v), z.string().min(1).max(64).nullable()),
};

type Fields = z.output<z.ZodObject<typeof linkageFields>>;

/** Rules that need no database: an issue cannot wait on itself, and a condition is dropped after it is stated. */
function checkLinkage(l: Fields, ctx: z.RefinementCtx) {
  if (l.issue && l.issue === l.conditionIssue) {
    ctx.addIssue({ code: "custom", path: ["conditionIssue"], message: "An issue cannot be conditional on itself; choose another issue." });
  }
  if (l.statedOn && l.droppedOn && l.droppedOn < l.statedOn) {
    ctx.addIssue({ code: "custom", path: ["droppedOn"], message: "The condition cannot be dropped before it was stated." });
  }
}

export const LinkageInput = z.object({ talk: slug("The form does not say which talk this is; reload the page."), ...linkageFields }).superRefine(checkLinkage);
export const LinkageUpdateInput = z.object({ talk: slug(), id: id(), version, ...linkageFields }).superRefine(checkLinkage);
export type LinkageInputData = z.output<typeof LinkageInput>;
export type LinkageUpdateData = z.output<typeof LinkageUpdateInput>;

type Row = Omit<LinkageSnapshot, "party" | "issue" | "conditionIssue" | "statement"> & {
  party: { slug: string };
  issue: { slug: string };
  conditionIssue: { slug: string };
  statementId: string | null;
};

export const linkageStore = defineStore<LinkageSnapshot, Row>({
  type: "linkage",
  model: (db) => db.linkage,
  select: {
    talkId: true,
    text: true,
    statedOn: true,
    droppedOn: true,
    statementId: true,
    party: { select: { slug: true } },
    issue: { select: { slug: true } },
    conditionIssue: { select: { slug: true } },
  },
  snapshotOf: (l) => ({
    talkId: l.talkId,
    party: l.party.slug,
    issue: l.issue.slug,
    conditionIssue: l.conditionIssue.slug,
    text: l.text,
    statedOn: l.statedOn,
    droppedOn: l.droppedOn,
    statement: l.statementId,
  }),
  talkIdOf: (l) => l.talkId,
  fixed: (l) => ({ talkId: l.talkId }),
  async columns(db, l) {
    const [[partyId], [issueId, conditionIssueId]] = await Promise.all([partyIds(db, [l.party], "party"), issueIds(db, [l.issue, l.conditionIssue])]);
    return { partyId, issueId, conditionIssueId, text: l.text, statedOn: l.statedOn, droppedOn: l.droppedOn, statementId: l.statement };
  },
});

export const linkage: TalkRowEntity<LinkageSnapshot> = {
  type: "linkage",
  names: { one: "linkage", a: "a linkage", word: "linkage" },
  collection: "linkages",
  labels: { party: "Party", issue: "Issue held back", conditionIssue: "Conditional on", text: "Condition", statedOn: "Stated on", droppedOn: "Dropped on", statement: "Stated in" },
  store: linkageStore,
  dayOf: (l) => l.statedOn,
  formValues: (l) => ({ party: l.party, issue: l.issue, conditionIssue: l.conditionIssue, text: l.text, statedOn: l.statedOn ?? "", droppedOn: l.droppedOn ?? "", statement: l.statement ?? "" }),
  anchor: null,
  place: "talk",
};
