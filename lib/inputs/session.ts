// The session form's input, shared by SessionForm and lib/actions/sessions.ts. Start and end are
// typed on the venue's clock: the start on the session's day, the end later that day or, when it
// is earlier than the start, the next day. What the times mean depends on the talk's zone, so
// lib/mutations/sessions.ts checks them (lib/time/session-times.ts); the form says the same
// while the editor types. Pure.
import { z } from "zod";
import type { FormValues } from "../actions/safe-action";
import type { SessionSnapshot } from "../mutations/snapshot";
import { NOTE_MAX, OutcomeSchema, SessionKindSchema, SUMMARY_MAX, TITLE_MAX } from "../talk-document/schema";
import { OCCURRENCES, occurrenceOf, venueClock } from "../time/venue-clock";
import { choice, id, list, optionalChoice, optionalClock, optionalDay, optionalText, optionalUrl, plainText, requiredText, slug, version } from "./fields";

const sessionFields = {
  talk: slug("The form does not say which talk this is; reload the page."),
  title: requiredText(TITLE_MAX, "Enter a title, such as “First plenary” or “Working group on abductions”."),
  localDay: optionalDay,
  startTime: optionalClock,
  /** Which 02:30 when the clocks go back and 02:30 happens twice ("first" or "second"). */
  startOccurrence: optionalChoice(OCCURRENCES, "Choose which of the two times."),
  endTime: optionalClock,
  endOccurrence: optionalChoice(OCCURRENCES, "Choose which of the two times."),
  kind: optionalChoice(SessionKindSchema.options, "Choose the kind of meeting, or “Not reported”."),
  issues: list(z.string().regex(/^[a-z0-9-]+$/)),
  summary: plainText(SUMMARY_MAX),
  outcome: choice(OutcomeSchema.options, "Choose the outcome, or “Outcome unknown”."),
  outcomeNote: optionalText(NOTE_MAX),
  sources: list(z.string().min(1).max(100)),
  newSourcePublisher: optionalText(TITLE_MAX),
  newSourceTitle: optionalText(TITLE_MAX * 2),
  newSourceUrl: optionalUrl,
  newSourcePublishedOn: optionalDay,
};

type Fields = z.output<z.ZodObject<typeof sessionFields>>;

function checkSession(s: Fields, ctx: z.RefinementCtx) {
  if ((s.startTime || s.endTime) && !s.localDay) {
    ctx.addIssue({ code: "custom", path: ["localDay"], message: "Enter the day, or leave the times empty." });
  }
  if (s.endTime && !s.startTime) ctx.addIssue({ code: "custom", path: ["startTime"], message: "Enter the start time too, or leave the end empty." });
  const newSource = [s.newSourcePublisher, s.newSourceTitle, s.newSourceUrl, s.newSourcePublishedOn].some((v) => v !== null);
  if (newSource && !s.newSourcePublisher) ctx.addIssue({ code: "custom", path: ["newSourcePublisher"], message: "Enter the new source’s publisher." });
  if (newSource && !s.newSourceTitle) ctx.addIssue({ code: "custom", path: ["newSourceTitle"], message: "Enter the new source’s title." });
}

const normalize = <T extends Fields>(s: T) => ({
  ...s,
  newSource:
    s.newSourcePublisher && s.newSourceTitle
      ? { publisher: s.newSourcePublisher, title: s.newSourceTitle, url: s.newSourceUrl, publishedOn: s.newSourcePublishedOn }
      : null,
});

export const SessionInput = z.object(sessionFields).superRefine(checkSession).transform(normalize);
export const SessionUpdateInput = z.object({ ...sessionFields, id: id(), version }).superRefine(checkSession).transform(normalize);
export type SessionInputData = z.output<typeof SessionInput>;
export type SessionUpdateData = z.output<typeof SessionUpdateInput>;

export function sessionFormValues(s: SessionSnapshot, timeZone: string): FormValues {
  const start = s.startsAt ? venueClock(new Date(s.startsAt), timeZone) : null;
  const end = s.endsAt ? venueClock(new Date(s.endsAt), timeZone) : null;
  return {
    title: s.title,
    localDay: s.localDay ?? start?.day ?? "",
    startTime: start?.time ?? "",
    startOccurrence: (s.startsAt && occurrenceOf(new Date(s.startsAt), timeZone)) || "",
    endTime: end?.time ?? "",
    endOccurrence: (s.endsAt && occurrenceOf(new Date(s.endsAt), timeZone)) || "",
    kind: s.kind ?? "",
    issues: s.issues,
    summary: s.summary,
    outcome: s.outcome,
    outcomeNote: s.outcomeNote ?? "",
    sources: s.sources,
  };
}

export function sessionInputValues(input: SessionInputData): FormValues {
  return {
    talk: input.talk,
    title: input.title,
    localDay: input.localDay ?? "",
    startTime: input.startTime ?? "",
    startOccurrence: input.startOccurrence ?? "",
    endTime: input.endTime ?? "",
    endOccurrence: input.endOccurrence ?? "",
    kind: input.kind ?? "",
    issues: input.issues,
    summary: input.summary,
    outcome: input.outcome,
    outcomeNote: input.outcomeNote ?? "",
    sources: input.sources,
    newSourcePublisher: input.newSourcePublisher ?? "",
    newSourceTitle: input.newSourceTitle ?? "",
    newSourceUrl: input.newSourceUrl ?? "",
    newSourcePublishedOn: input.newSourcePublishedOn ?? "",
  };
}

export function newSessionValues(day: string | null): FormValues {
  return { title: "", localDay: day ?? "", startTime: "", startOccurrence: "", endTime: "", endOccurrence: "", kind: "", issues: [], summary: "", outcome: "unknown", outcomeNote: "", sources: [] };
}
