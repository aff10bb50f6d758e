// The statement form's input: one schema, used by StatementForm (field names, limits) and by the
// Server Actions in lib/actions/statements.ts (validation). Pure: safe in client components.
import { z } from "zod";
import type { FormValues } from "../actions/safe-action";
import type { StatementSnapshot } from "../mutations/snapshot";
import {
  CapacitySchema,
  PartOfDaySchema,
  QUOTED_WORDS_MAX,
  SettingSchema,
  STATEMENT_TEXT_MAX,
  StatementKindSchema,
  TimePrecisionSchema,
  TITLE_MAX,
} from "../talk-document/schema";
import { OCCURRENCES, occurrenceOf, venueClock } from "../time/venue-clock";
import { choice, id, list, optionalChoice, optionalClock, optionalDay, optionalId, optionalText, optionalUrl, requiredText, slug, version } from "./fields";

/** A speaker is an envoy or a party speaking as a whole: "envoy:song-il-ho", "party:dprk". */
export const SPEAKER_PATTERN = /^(envoy|party):([a-z0-9]+(?:-[a-z0-9]+)*)$/;

const statementFields = {
  talk: slug("The form does not say which talk this is; reload the page."),
  speaker: z.string({ error: "Choose who said it." }).regex(SPEAKER_PATTERN, { error: "Choose who said it." }),
  capacity: choice(CapacitySchema.options, "Choose the capacity they spoke in."),
  kind: choice(StatementKindSchema.options, "Choose what kind of statement this is."),
  saidPrecision: choice(TimePrecisionSchema.options, "Choose how precisely the time is known."),
  saidOn: optionalDay,
  saidTime: optionalClock,
  /**
   * Which reading of a time that happens twice (the hour repeated when the venue's clocks go
   * back): "first" or "second". lib/mutations/statements.ts refuses a repeated time without it.
   */
  saidOccurrence: optionalChoice(OCCURRENCES, "Choose which of the two times."),
  partOfDay: optionalChoice(PartOfDaySchema.options, "Choose the part of the day."),
  reportedOn: optionalDay,
  setting: choice(SettingSchema.options, "Choose where it was said."),
  session: optionalId,
  issues: list(z.string().regex(/^[a-z0-9-]+$/)),
  text: requiredText(STATEMENT_TEXT_MAX, "Enter what was said."),
  quotedWords: optionalText(QUOTED_WORDS_MAX),
  sources: list(z.string().min(1).max(100)),
  newSourcePublisher: optionalText(TITLE_MAX),
  newSourceTitle: optionalText(TITLE_MAX * 2),
  newSourceUrl: optionalUrl,
  newSourcePublishedOn: optionalDay,
};

type Fields = z.output<z.ZodObject<typeof statementFields>>;

function checkStatement(s: Fields, ctx: z.RefinementCtx) {
  if (s.saidPrecision !== "unknown" && s.saidOn === null) {
    ctx.addIssue({ code: "custom", path: ["saidOn"], message: "Enter the day it was said, or choose “Day not known”." });
  }
  if (s.saidPrecision === "minute" && s.saidTime === null) {
    ctx.addIssue({ code: "custom", path: ["saidTime"], message: "Enter the time at the venue, or choose a less precise option." });
  }
  if (s.saidPrecision === "part_of_day" && s.partOfDay === null) {
    ctx.addIssue({ code: "custom", path: ["partOfDay"], message: "Choose the part of the day." });
  }
  if (s.quotedWords && !s.text.includes(s.quotedWords)) {
    ctx.addIssue({ code: "custom", path: ["quotedWords"], message: "The quoted words must appear, word for word, in the text." });
  }
  const newSource = [s.newSourcePublisher, s.newSourceTitle, s.newSourceUrl, s.newSourcePublishedOn].some((v) => v !== null);
  if (newSource && !s.newSourcePublisher) ctx.addIssue({ code: "custom", path: ["newSourcePublisher"], message: "Enter the new source’s publisher." });
  if (newSource && !s.newSourceTitle) ctx.addIssue({ code: "custom", path: ["newSourceTitle"], message: "Enter the new source’s title." });
}

/** Drops what the chosen precision makes meaningless (the form hides those fields). */
type Normalized<T> = Omit<T, "speaker"> & {
  speaker: { kind: "envoy" | "party"; slug: string };
  newSource: { publisher: string; title: string; url: string | null; publishedOn: string | null } | null;
};

function normalize<T extends Fields>(s: T): Normalized<T> {
  const p = s.saidPrecision;
  const speaker = SPEAKER_PATTERN.exec(s.speaker)!;
  return {
    ...s,
    speaker: { kind: speaker[1] as "envoy" | "party", slug: speaker[2]! },
    saidOn: p === "unknown" ? null : s.saidOn,
    saidTime: p === "minute" ? s.saidTime : null,
    saidOccurrence: p === "minute" ? s.saidOccurrence : null,
    partOfDay: p === "part_of_day" ? s.partOfDay : null,
    newSource:
      s.newSourcePublisher && s.newSourceTitle
        ? { publisher: s.newSourcePublisher, title: s.newSourceTitle, url: s.newSourceUrl, publishedOn: s.newSourcePublishedOn }
        : null,
  };
}

/** A new statement. */
export const StatementInput = z.object(statementFields).superRefine(checkStatement).transform(normalize);

/** A change to a statement, made from the version the form was loaded at. */
export const StatementUpdateInput = z
  .object({ ...statementFields, id: id(), version })
  .superRefine(checkStatement)
  .transform(normalize);

export type StatementInputData = z.output<typeof StatementInput>;
export type StatementUpdateData = z.output<typeof StatementUpdateInput>;

/** Delete and undo name the statement and the version the editor saw. */
export const StatementVersionInput = z.object({ talk: slug(), id: id(), version });

/** Restore an earlier version (`restore`) of a statement now at `version`. */
export const StatementRestoreInput = z.object({ talk: slug(), id: id(), version, restore: z.coerce.number().int().min(1) });

/** The form's fields for a saved statement (edit form), times shown on the venue's clock. */
export function statementFormValues(s: StatementSnapshot, timeZone: string): FormValues {
  const clock = s.saidAt ? venueClock(new Date(s.saidAt), timeZone) : null;
  return {
    speaker: s.envoy ? `envoy:${s.envoy}` : `party:${s.party}`,
    capacity: s.capacity,
    kind: s.kind,
    saidPrecision: s.saidPrecision,
    saidOn: s.saidOn ?? clock?.day ?? "",
    saidTime: s.saidPrecision === "minute" && clock ? clock.time : "",
    saidOccurrence: (s.saidPrecision === "minute" && s.saidAt && occurrenceOf(new Date(s.saidAt), timeZone)) || "",
    partOfDay: s.partOfDay ?? "",
    reportedOn: s.reportedOn ?? "",
    setting: s.setting,
    session: s.session ?? "",
    issues: s.issues,
    text: s.text,
    quotedWords: s.quotedWords ?? "",
    sources: s.sources,
  };
}

/** The form's fields as the editor submitted them (after trimming), to put back after a refusal. */
export function statementInputValues(input: StatementInputData): FormValues {
  const values: FormValues = {
    talk: input.talk,
    speaker: `${input.speaker.kind}:${input.speaker.slug}`,
    capacity: input.capacity,
    kind: input.kind,
    saidPrecision: input.saidPrecision,
    saidOn: input.saidOn ?? "",
    saidTime: input.saidTime ?? "",
    saidOccurrence: input.saidOccurrence ?? "",
    partOfDay: input.partOfDay ?? "",
    reportedOn: input.reportedOn ?? "",
    setting: input.setting,
    session: input.session ?? "",
    issues: input.issues,
    text: input.text,
    quotedWords: input.quotedWords ?? "",
    sources: input.sources,
    newSourcePublisher: input.newSourcePublisher ?? "",
    newSourceTitle: input.newSourceTitle ?? "",
    newSourceUrl: input.newSourceUrl ?? "",
    newSourcePublishedOn: input.newSourcePublishedOn ?? "",
  };
  return values;
}

/** A blank form for a new statement on a day (or with the day unknown) and, optionally, in a session. */
export function newStatementValues(options: { day: string | null; session: string | null; speaker?: string }): FormValues {
  return {
    speaker: options.speaker ?? "",
    capacity: "unknown",
    kind: "paraphrase",
    saidPrecision: options.day ? "day" : "unknown",
    saidOn: options.day ?? "",
    saidTime: "",
    partOfDay: "",
    reportedOn: "",
    setting: options.session ? "session" : "unknown",
    session: options.session ?? "",
    issues: [],
    text: "",
    quotedWords: "",
    sources: [],
  };
}
