// A gap assessment: an editor's judgement of the gap between the parties on one issue on one
// day. One per issue per day; its issue and day are fixed once made (edit the gap and note).
import { z } from "zod";
import type { FormValues } from "../actions/safe-action";
import type { AssessmentSnapshot } from "../mutations/snapshot";
import { GapSchema, NOTE_MAX } from "../talk-document/schema";
import { choice, id, localDay, plainText, slug, version } from "./fields";

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

export const assessmentFormValues = (a: AssessmentSnapshot): FormValues => ({ issue: a.issue, localDay: a.localDay, gap: a.gap, note: a.note });
