// A session: a meeting of a talk on a day, with its start and end on the venue's clock (the end
// may be the next day), its issues, summary, outcome and sources. The times' rules (an end
// before the start is the next day, less than 24 hours, no skipped or unchosen repeated time) are
// lib/time/session-times.ts, which lib/mutations/sessions.ts and the form both run.
import { z } from "zod";
import { NOTE_MAX, OutcomeSchema, SessionKindSchema, SUMMARY_MAX, TITLE_MAX } from "../talk-document/schema";
import { OCCURRENCES, occurrenceOf, venueClock } from "../time/venue-clock";
import { choice, confirmFlag, id, list, newSaveKey, optionalChoice, optionalClock, optionalDay, optionalText, optionalUrl, plainText, requiredText, saveKey, slug, version } from "./fields";
import { dateOf, defineStore, issueAndSourceLinks, iso, sorted } from "./store";
import type { TalkRowEntity } from "./talk-row";
import type { FormValues } from "./types";

export type SessionSnapshot = {
  talkId: string;
  localDay: string | null;
  startsAt: string | null;
  endsAt: string | null;
  kind: string | null;
  title: string;
  summary: string;
  outcome: string;
  outcomeNote: string | null;
  sequence: number;
  issues: string[];
  sources: string[];
};

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
  saveKey,
  /** "Save anyway" after the write core's warning (a day outside the talk's, times leaving statements outside): lib/mutations/sessions.ts. */
  confirmOutside: confirmFlag,
};

type Fields = z.output<z.ZodObject<typeof sessionFields>>;

function checkSession(s: Fields, ctx: z.RefinementCtx) {
  if ((s.startTime || s.endTime) && !s.localDay) {
    ctx.addIssue({ code: "custom", path: ["localDay"], message: "Enter the day, or leave the times empty." });
  }
  if (s.endTime && !s.startTime) ctx.addIssue({ code: "custom", path: ["startTime"], message: "Enter the start time too, or leave the end empty." });
  checkNewSource(s, ctx);
}

/** The new-source boxes of the session and statement forms: all empty, or a publisher and a title. */
export function checkNewSource(s: { newSourcePublisher: string | null; newSourceTitle: string | null; newSourceUrl: string | null; newSourcePublishedOn: string | null }, ctx: z.RefinementCtx) {
  const newSource = [s.newSourcePublisher, s.newSourceTitle, s.newSourceUrl, s.newSourcePublishedOn].some((v) => v !== null);
  if (newSource && !s.newSourcePublisher) ctx.addIssue({ code: "custom", path: ["newSourcePublisher"], message: "Enter the new source’s publisher." });
  if (newSource && !s.newSourceTitle) ctx.addIssue({ code: "custom", path: ["newSourceTitle"], message: "Enter the new source’s title." });
}

/** The new-source boxes as one source to create, or null. */
export const newSourceOf = (s: { newSourcePublisher: string | null; newSourceTitle: string | null; newSourceUrl: string | null; newSourcePublishedOn: string | null }) =>
  s.newSourcePublisher && s.newSourceTitle ? { publisher: s.newSourcePublisher, title: s.newSourceTitle, url: s.newSourceUrl, publishedOn: s.newSourcePublishedOn } : null;

/** The new-source boxes as typed, to put back in the form after a refusal. */
export const newSourceValues = (s: { newSourcePublisher: string | null; newSourceTitle: string | null; newSourceUrl: string | null; newSourcePublishedOn: string | null }) => ({
  newSourcePublisher: s.newSourcePublisher ?? "",
  newSourceTitle: s.newSourceTitle ?? "",
  newSourceUrl: s.newSourceUrl ?? "",
  newSourcePublishedOn: s.newSourcePublishedOn ?? "",
});

const normalize = <T extends Fields>(s: T) => ({ ...s, newSource: newSourceOf(s) });

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
    ...newSourceValues(input),
    saveKey: input.saveKey ?? "",
  };
}

export function newSessionValues(day: string | null): FormValues {
  return { title: "", localDay: day ?? "", startTime: "", startOccurrence: "", endTime: "", endOccurrence: "", kind: "", issues: [], summary: "", outcome: "unknown", outcomeNote: "", sources: [], saveKey: newSaveKey() };
}

type Row = Omit<SessionSnapshot, "startsAt" | "endsAt" | "issues" | "sources"> & {
  startsAt: Date | null;
  endsAt: Date | null;
  issues: { issue: { slug: string } }[];
  sources: { sourceId: string }[];
};

export const sessionStore = defineStore<SessionSnapshot, Row>({
  type: "session",
  model: (db) => db.session,
  select: {
    talkId: true,
    localDay: true,
    startsAt: true,
    endsAt: true,
    kind: true,
    title: true,
    summary: true,
    outcome: true,
    outcomeNote: true,
    sequence: true,
    issues: { select: { issue: { select: { slug: true } } } },
    sources: { select: { sourceId: true } },
  },
  snapshotOf: (s) => ({
    talkId: s.talkId,
    localDay: s.localDay,
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    kind: s.kind,
    title: s.title,
    summary: s.summary,
    outcome: s.outcome,
    outcomeNote: s.outcomeNote,
    sequence: s.sequence,
    issues: sorted(s.issues.map((i) => i.issue.slug)),
    sources: sorted(s.sources.map((x) => x.sourceId)),
  }),
  talkIdOf: (s) => s.talkId,
  fixed: (s) => ({ talkId: s.talkId }),
  columns: (_, s) => ({
    localDay: s.localDay,
    startsAt: dateOf(s.startsAt),
    endsAt: dateOf(s.endsAt),
    kind: s.kind,
    title: s.title,
    summary: s.summary,
    outcome: s.outcome,
    outcomeNote: s.outcomeNote,
    sequence: s.sequence,
  }),
  links: issueAndSourceLinks({ key: "sessionId", issues: (db) => db.sessionIssue, sources: (db) => db.sessionSource }),
});

export const session: TalkRowEntity<SessionSnapshot> = {
  type: "session",
  names: { one: "session", a: "a session", word: "session" },
  collection: "sessions",
  labels: {
    title: "Title",
    localDay: "Day",
    startsAt: "Starts",
    endsAt: "Ends",
    kind: "Kind",
    issues: "Issues",
    summary: "Summary",
    outcome: "Outcome",
    outcomeNote: "Outcome note",
    sources: "Sources",
  },
  store: sessionStore,
  dayOf: (s) => s.localDay,
  formValues: sessionFormValues,
  anchor: "session",
};
