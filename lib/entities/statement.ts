// A statement: what a party or one of its envoys said, when (never more precisely than the
// sources say), where, about which issues, and the reports that carry it. The form's one schema
// is used by StatementForm (field names, limits) and by the Server Actions (validation). The
// talk's own rules (its parties, its days, its venue clock) are lib/mutations/statements.ts.
import { z } from "zod";
import type { Db } from "../db";
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
import { choice, confirmFlag, id, list, newSaveKey, optionalChoice, optionalClock, optionalDay, optionalId, optionalText, optionalUrl, requiredText, saveKey, slug, version } from "./fields";
import { checkNewSource, newSourceOf, newSourceValues } from "./session";
import { dateOf, defineStore, issueAndSourceLinks, iso, MutationError, sorted } from "./store";
import type { TalkRowEntity } from "./talk-row";
import type { FormValues } from "./types";

export type StatementSnapshot = {
  talkId: string;
  session: string | null;
  party: string;
  envoy: string | null;
  capacity: string;
  saidOn: string | null;
  saidAt: string | null;
  saidPrecision: string;
  partOfDay: string | null;
  reportedOn: string | null;
  setting: string;
  kind: string;
  text: string;
  quotedWords: string | null;
  sequence: number;
  issues: string[];
  sources: string[];
};

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
  saveKey,
  /** "Save anyway" after the write core's warning (a time outside the session's): lib/mutations/statements.ts. */
  confirmOutside: confirmFlag,
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
  checkNewSource(s, ctx);
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
    newSource: newSourceOf(s),
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
  return {
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
    ...newSourceValues(input),
    saveKey: input.saveKey ?? "",
  };
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
    saveKey: newSaveKey(),
  };
}

type Row = Omit<StatementSnapshot, "session" | "party" | "envoy" | "saidAt" | "issues" | "sources"> & {
  sessionId: string | null;
  saidAt: Date | null;
  party: { slug: string };
  envoy: { slug: string } | null;
  issues: { issue: { slug: string } }[];
  sources: { sourceId: string }[];
};

export const statementStore = defineStore<StatementSnapshot, Row>({
  type: "statement",
  model: (db) => db.statement,
  select: {
    talkId: true,
    sessionId: true,
    capacity: true,
    saidOn: true,
    saidAt: true,
    saidPrecision: true,
    partOfDay: true,
    reportedOn: true,
    setting: true,
    kind: true,
    text: true,
    quotedWords: true,
    sequence: true,
    party: { select: { slug: true } },
    envoy: { select: { slug: true } },
    issues: { select: { issue: { select: { slug: true } } } },
    sources: { select: { sourceId: true } },
  },
  snapshotOf: (s) => ({
    talkId: s.talkId,
    session: s.sessionId,
    party: s.party.slug,
    envoy: s.envoy?.slug ?? null,
    capacity: s.capacity,
    saidOn: s.saidOn,
    saidAt: iso(s.saidAt),
    saidPrecision: s.saidPrecision,
    partOfDay: s.partOfDay,
    reportedOn: s.reportedOn,
    setting: s.setting,
    kind: s.kind,
    text: s.text,
    quotedWords: s.quotedWords,
    sequence: s.sequence,
    issues: sorted(s.issues.map((i) => i.issue.slug)),
    sources: sorted(s.sources.map((x) => x.sourceId)),
  }),
  talkIdOf: (s) => s.talkId,
  fixed: (s) => ({ talkId: s.talkId }),
  async columns(db, s) {
    const [speaker] = await Promise.all([speakerIds(db, s.party, s.envoy), s.session ? checkSession(db, s.session, s.talkId) : Promise.resolve()]);
    if (!speaker.partyId) throw new MutationError(`No such party: ${s.party}.`, "speaker");
    if (s.envoy && !speaker.envoyId) throw new MutationError(`No such envoy: ${s.envoy}.`, "speaker");
    if (s.envoy && speaker.envoyParty !== s.party) throw new MutationError(`${s.envoy} speaks for ${speaker.envoyParty}, not ${s.party}.`, "speaker");
    return {
      sessionId: s.session,
      partyId: speaker.partyId,
      envoyId: speaker.envoyId,
      capacity: s.capacity,
      saidOn: s.saidOn,
      saidAt: dateOf(s.saidAt),
      saidPrecision: s.saidPrecision,
      partOfDay: s.partOfDay,
      reportedOn: s.reportedOn,
      setting: s.setting,
      kind: s.kind,
      text: s.text,
      quotedWords: s.quotedWords,
      sequence: s.sequence,
    };
  },
  links: issueAndSourceLinks({ key: "statementId", issues: (db) => db.statementIssue, sources: (db) => db.statementSource }),
});

export const statement: TalkRowEntity<StatementSnapshot> = {
  type: "statement",
  names: { one: "statement", a: "a statement", word: "statement" },
  collection: "statements",
  labels: {
    party: "Party",
    envoy: "Speaker",
    capacity: "Capacity",
    kind: "Kind",
    saidPrecision: "Known to",
    saidOn: "Day said",
    saidAt: "Time said",
    partOfDay: "Part of day",
    reportedOn: "Day reported",
    setting: "Setting",
    session: "Session",
    issues: "Issues",
    text: "Text",
    quotedWords: "Exact quoted words",
    sources: "Sources",
  },
  store: statementStore,
  dayOf: (s) => s.saidOn,
  formValues: statementFormValues,
  anchor: "statement",
};

/**
 * The speaker's party and envoy ids, and the envoy's own party, in one query (each statement save
 * needs them; three ORM queries cost a save ~0.7 ms: docs/decisions/013-write-throughput.md).
 * Deleted parties and envoys count, as for every row that keeps citing them.
 */
async function speakerIds(db: Db, party: string, envoy: string | null): Promise<{ partyId: string | null; envoyId: string | null; envoyParty: string | null }> {
  const [row] = await db.$queryRaw<{ partyId: string | null; envoyId: string | null; envoyParty: string | null }[]>`
    SELECT p.id AS "partyId", e.id AS "envoyId", ep.slug AS "envoyParty"
    FROM (SELECT 1 AS one) AS here
    LEFT JOIN "Party" p ON p.slug = ${party}
    LEFT JOIN "Envoy" e ON e.slug = ${envoy}
    LEFT JOIN "Party" ep ON ep.id = e."partyId"`;
  return row ?? { partyId: null, envoyId: null, envoyParty: null };
}

async function checkSession(db: Db, sessionId: string, talkId: string): Promise<void> {
  // A deleted session still counts: its statements keep it, so undoing its deletion regroups them.
  const session = await db.session.findUnique({ where: { id: sessionId }, select: { talkId: true } });
  if (!session || session.talkId !== talkId) throw new MutationError("That session is not part of this talk.", "session");
}
