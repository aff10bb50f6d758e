// A gap assessment: an editor's judgement of the gap between the parties on one issue on one
// day. One per issue per day; its issue and day are fixed once made (edit the gap and note).
import { z } from "zod";
import { GapSchema, NOTE_MAX } from "../talk-document/schema";
import { choice, id, localDay, plainText, slug, version } from "./fields";
import { defineStore, issueIds } from "./store";
import type { TalkRowEntity } from "./talk-row";

export type AssessmentSnapshot = {
  talkId: string;
  issue: string;
  localDay: string;
  gap: string;
  note: string;
  authorId: string | null;
  authorName: string;
};

const gap = choice(GapSchema.options, "Choose how the gap stands.");
const note = plainText(NOTE_MAX);

export const AssessmentInput = z.object({
  talk: slug("The form does not say which talk this is; reload the page."),
  issue: slug("Choose the issue."),
  localDay: localDay("Enter the day assessed."),
  gap,
  note,
});

export const AssessmentUpdateInput = z.object({ talk: slug(), id: id(), version, gap, note });

export type AssessmentInputData = z.output<typeof AssessmentInput>;
export type AssessmentUpdateData = z.output<typeof AssessmentUpdateInput>;

type Row = Omit<AssessmentSnapshot, "issue"> & { issue: { slug: string } };

export const assessmentStore = defineStore<AssessmentSnapshot, Row>({
  type: "assessment",
  model: (db) => db.assessment,
  select: { talkId: true, localDay: true, gap: true, note: true, authorId: true, authorName: true, issue: { select: { slug: true } } },
  snapshotOf: (a) => ({ talkId: a.talkId, issue: a.issue.slug, localDay: a.localDay, gap: a.gap, note: a.note, authorId: a.authorId, authorName: a.authorName }),
  talkIdOf: (a) => a.talkId,
  fixed: (a) => ({ talkId: a.talkId }),
  async columns(db, a) {
    const [issueId] = await issueIds(db, [a.issue]);
    return { issueId, localDay: a.localDay, gap: a.gap, note: a.note, authorId: a.authorId, authorName: a.authorName };
  },
});

export const assessment: TalkRowEntity<AssessmentSnapshot> = {
  type: "assessment",
  names: { one: "gap assessment", a: "a gap assessment", word: "assessment" },
  collection: "assessments",
  labels: { issue: "Issue", localDay: "Day", gap: "Gap", note: "Note", authorName: "Author" },
  store: assessmentStore,
  dayOf: (a) => a.localDay,
  formValues: (a) => ({ issue: a.issue, localDay: a.localDay, gap: a.gap, note: a.note }),
  anchor: null,
};
