// The JSON form of one talk: what the seed loads, and what export/import will round-trip.
// References between parts use slugs (parties, envoys, issues), keys (sources) and refs
// (sessions, statements), never database ids, so a document is portable between databases.
import { z } from "zod";
import { isLocalDay, isTimeZone } from "../time/local-day";
import { sessionTimingProblems, statementInSessionProblem, statementTimingProblems } from "../time/row-rules";
import { TALK_SPAN_MAX_YEARS, describeTalkDays, isDayInTalk, talkSpanLimit } from "../time/talk-span";
import { skippedDayProblem } from "../time/zone-calendar";
import { canonicalTimeZone } from "../time/zones";

export const TALK_DOCUMENT_FORMAT = "parley.talk/v1";

export const TITLE_MAX = 200;
export const SUMMARY_MAX = 4_000;
export const STATEMENT_TEXT_MAX = 4_000;
export const QUOTED_WORDS_MAX = 1_000;
export const NOTE_MAX = 2_000;
/** Round numbers in a series run 1, 2, 3…; the limit only keeps a typing slip out of the database's integer. */
export const ROUND_MAX = 9_999;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and single hyphens");
const localDay = z.string().refine(isLocalDay, "must be a calendar day written YYYY-MM-DD");
const instant = z.iso.datetime({ offset: true, message: "must be an ISO 8601 instant with a time zone, e.g. 2006-02-04T09:30:00+08:00" });
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullish();

export const TalkStatusSchema = z.enum(["scheduled", "ongoing", "concluded", "suspended"]);
export const SessionKindSchema = z.enum(["plenary", "working_group", "bilateral", "press_briefing"]);
export const OutcomeSchema = z.enum(["agreement", "progress", "no_progress", "deadlock", "suspended", "unknown"]);
export const StatementKindSchema = z.enum(["direct_quote", "paraphrase", "position", "demand", "denial", "assessment"]);
export const TimePrecisionSchema = z.enum(["unknown", "day", "part_of_day", "minute"]);
export const PartOfDaySchema = z.enum(["morning", "afternoon", "evening", "night"]);
export const SettingSchema = z.enum(["session", "press_briefing", "arrival", "departure", "state_media", "interview", "other", "unknown"]);
export const CapacitySchema = z.enum(["head_of_delegation", "delegation_member", "spokesperson", "government", "unknown"]);
export const GapSchema = z.enum(["agreed", "narrowing", "unchanged", "widening", "deadlocked"]);
export const DelegationRoleSchema = z.enum(["head", "member"]);
/** A party's part in the talk; a document that leaves it out means principal (decision 024). */
export const PartyRoleSchema = z.enum(["principal", "host", "mediator", "observer"]);

/**
 * On a party, envoy, issue or source the database may hold already: its details here replace the
 * stored ones. Without it, details that differ are refused (lib/talk-document/load.ts).
 */
const rename = z.boolean().optional();

const PartyDoc = z.object({
  slug,
  name: text(TITLE_MAX),
  shortName: text(60),
  isoCode: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code such as JPN").nullish(),
  role: PartyRoleSchema.optional(),
  rename,
});

const EnvoyDoc = z.object({
  slug,
  name: text(TITLE_MAX),
  nameOriginal: optionalText(TITLE_MAX),
  title: optionalText(TITLE_MAX),
  party: slug,
  role: DelegationRoleSchema.default("member"),
  rename,
});

const IssueDoc = z.object({ slug, name: text(TITLE_MAX), description: optionalText(SUMMARY_MAX), rename });

/** The series the talk is a round of (decision 025): matched by slug like a party, made when missing. */
const SeriesDoc = z.object({ slug, name: text(TITLE_MAX), description: optionalText(SUMMARY_MAX), rename });

const SourceDoc = z.object({
  key: slug,
  publisher: text(TITLE_MAX),
  title: text(TITLE_MAX * 2),
  url: z.url({ protocol: /^https?$/, message: "must be an http(s) address" }).nullish(),
  publishedOn: localDay.nullish(),
  rename,
});

const SessionDoc = z.object({
  ref: slug,
  localDay: localDay.nullable(),
  startsAt: instant.nullish(),
  endsAt: instant.nullish(),
  kind: SessionKindSchema.nullable(),
  title: text(TITLE_MAX),
  summary: z.string().max(SUMMARY_MAX).default(""),
  outcome: OutcomeSchema.default("unknown"),
  outcomeNote: optionalText(NOTE_MAX),
  issues: z.array(slug).default([]),
  sources: z.array(slug).default([]),
});

const StatementDoc = z.object({
  ref: slug,
  session: slug.nullish(),
  party: slug,
  envoy: slug.nullish(),
  capacity: CapacitySchema.default("unknown"),
  saidOn: localDay.nullable(),
  saidAt: instant.nullish(),
  saidPrecision: TimePrecisionSchema,
  partOfDay: PartOfDaySchema.nullish(),
  reportedOn: localDay.nullish(),
  setting: SettingSchema.default("unknown"),
  kind: StatementKindSchema,
  text: text(STATEMENT_TEXT_MAX),
  quotedWords: optionalText(QUOTED_WORDS_MAX),
  issues: z.array(slug).default([]),
  sources: z.array(slug).default([]),
});

const AssessmentDoc = z.object({
  issue: slug,
  localDay,
  gap: GapSchema,
  note: z.string().max(NOTE_MAX).default(""),
  author: text(TITLE_MAX),
});

const LinkageDoc = z.object({
  party: slug,
  issue: slug,
  conditionIssue: slug,
  text: text(STATEMENT_TEXT_MAX),
  statedOn: localDay.nullish(),
  droppedOn: localDay.nullish(),
  statement: slug.nullish(),
});

const TalkDocumentShape = z.object({
    format: z.literal(TALK_DOCUMENT_FORMAT),
    talk: z.object({
      slug,
      title: text(TITLE_MAX),
      venueCity: text(TITLE_MAX),
      // Kept as the IANA canonical name, whatever the case or the alias ("asia/calcutta" → "Asia/Kolkata").
      venueTimeZone: z
        .string()
        .refine(isTimeZone, "must be an IANA time zone such as Asia/Shanghai")
        .transform((v) => canonicalTimeZone(v) ?? v),
      firstDay: localDay,
      lastDay: localDay.nullable(),
      status: TalkStatusSchema,
      summary: z.string().max(SUMMARY_MAX).default(""),
      /** Its round's number in the series; only with a series. */
      round: z.number().int("must be a whole number").min(1, "must be 1 or more").max(ROUND_MAX, `must be at most ${ROUND_MAX}`).nullish(),
    }),
    series: SeriesDoc.nullish(),
    parties: z.array(PartyDoc).min(1, "a talk needs at least one party"),
    envoys: z.array(EnvoyDoc).default([]),
    issues: z.array(IssueDoc).default([]),
    sources: z.array(SourceDoc).default([]),
    sessions: z.array(SessionDoc).default([]),
    statements: z.array(StatementDoc).default([]),
    assessments: z.array(AssessmentDoc).default([]),
    linkages: z.array(LinkageDoc).default([]),
});

export type TalkDocument = z.infer<typeof TalkDocumentShape>;

export const TalkDocumentSchema = TalkDocumentShape.superRefine(checkReferences);

/** Every slug, key and ref used in a document must be defined in it, once, and make sense. */
function checkReferences(d: TalkDocument, ctx: z.RefinementCtx): void {
  const defined = <T,>(items: T[], field: keyof T & string, path: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const value = String(item[field]);
      if (seen.has(value)) ctx.addIssue({ code: "custom", path: [path, i, field], message: `"${value}" is defined twice` });
      seen.add(value);
    });
    return seen;
  };
  const parties = defined(d.parties, "slug", "parties");
  const envoys = new Map(d.envoys.map((e) => [e.slug, e]));
  defined(d.envoys, "slug", "envoys");
  const issues = defined(d.issues, "slug", "issues");
  const sources = defined(d.sources, "key", "sources");
  const sessions = defined(d.sessions, "ref", "sessions");
  const sessionsByRef = new Map(d.sessions.map((s) => [s.ref, s]));
  const statements = defined(d.statements, "ref", "statements");

  const must = (set: Set<string> | Map<string, unknown>, value: string | null | undefined, path: (string | number)[], what: string) => {
    if (value != null && !set.has(value)) ctx.addIssue({ code: "custom", path, message: `names ${what} "${value}", which the document does not define` });
  };
  // A row's issues and sources are each linked once (the link tables' keys); a repeat is a typing mistake.
  const once = (values: string[], path: (string | number)[], what: string) => {
    const seen = new Set<string>();
    values.forEach((v, j) => {
      if (seen.has(v)) ctx.addIssue({ code: "custom", path: [...path, j], message: `names ${what} "${v}" twice` });
      seen.add(v);
    });
  };
  d.sessions.forEach((s, i) => (once(s.issues, ["sessions", i, "issues"], "issue"), once(s.sources, ["sessions", i, "sources"], "source")));
  d.statements.forEach((s, i) => (once(s.issues, ["statements", i, "issues"], "issue"), once(s.sources, ["statements", i, "sources"], "source")));
  // The forms' rule (lib/time/talk-span.ts): a talk spans at most TALK_SPAN_MAX_YEARS, and every
  // dated row lies inside its days — an open talk's run to that limit. zod runs this check even
  // when a day is not a calendar day (that refusal does not stop the others); the talk's days are
  // then already refused, and the span, which needs real days, is not measured.
  const last = d.talk.lastDay;
  const daysReadable = isLocalDay(d.talk.firstDay) && (last == null || isLocalDay(last));
  if (!daysReadable) {
    // Refused on the day itself above.
  } else if (last != null && last < d.talk.firstDay) {
    ctx.addIssue({ code: "custom", path: ["talk", "lastDay"], message: "must not be before the first day" });
  } else if (last != null && last > talkSpanLimit(d.talk.firstDay)) {
    ctx.addIssue({
      code: "custom",
      path: ["talk", "lastDay"],
      message: `must be at most ${TALK_SPAN_MAX_YEARS} years after the first day (${talkSpanLimit(d.talk.firstDay)} at the latest)`,
    });
  }
  const zone = isTimeZone(d.talk.venueTimeZone) ? d.talk.venueTimeZone : null;
  // Nor may the talk itself begin or end on a date its venue's clocks jumped over.
  for (const field of ["firstDay", "lastDay"] as const) {
    const day = d.talk[field];
    const skipped = zone && day && isLocalDay(day) ? skippedDayProblem(zone, day, d.talk.venueCity || zone) : null;
    if (skipped) ctx.addIssue({ code: "custom", path: ["talk", field], message: skipped });
  }
  const inTalk = (day: string | null | undefined, path: (string | number)[]) => {
    if (day == null || !daysReadable || !isLocalDay(day)) return;
    if (!isDayInTalk(d.talk, day)) {
      ctx.addIssue({ code: "custom", path, message: `${day} is outside the talk ${describeTalkDays(d.talk)}` });
      return;
    }
    // A date the venue's clocks jumped over (Apia, 30 December 2011) is no day of the talk.
    const skipped = zone ? skippedDayProblem(zone, day, d.talk.venueCity || zone) : null;
    if (skipped) ctx.addIssue({ code: "custom", path, message: skipped });
  };

  if (d.talk.round != null && !d.series) ctx.addIssue({ code: "custom", path: ["talk", "round"], message: "is a round of no series: add the document's series, or leave the round out" });
  d.envoys.forEach((e, i) => must(parties, e.party, ["envoys", i, "party"], "party"));
  d.sessions.forEach((s, i) => {
    inTalk(s.localDay, ["sessions", i, "localDay"]);
    s.issues.forEach((x, j) => must(issues, x, ["sessions", i, "issues", j], "issue"));
    s.sources.forEach((x, j) => must(sources, x, ["sessions", i, "sources", j], "source"));
    // The rules the write core applies (lib/time/row-rules.ts): the start on the session's own
    // day, the end after it and within a day, no time without a day.
    if (zone && timingReadable(s.localDay, s.startsAt, s.endsAt)) {
      for (const problem of sessionTimingProblems(sessionTiming(s), zone)) ctx.addIssue({ code: "custom", path: ["sessions", i, problem.field], message: problem.message });
    }
  });
  d.statements.forEach((s, i) => {
    const p = ["statements", i];
    must(sessions, s.session, [...p, "session"], "session");
    must(parties, s.party, [...p, "party"], "party");
    must(envoys, s.envoy, [...p, "envoy"], "envoy");
    const envoy = s.envoy ? envoys.get(s.envoy) : undefined;
    if (envoy && envoy.party !== s.party) {
      ctx.addIssue({ code: "custom", path: [...p, "party"], message: `is "${s.party}" but envoy "${envoy.slug}" belongs to "${envoy.party}"` });
    }
    s.issues.forEach((x, j) => must(issues, x, [...p, "issues", j], "issue"));
    s.sources.forEach((x, j) => must(sources, x, [...p, "sources", j], "source"));
    inTalk(s.saidOn, [...p, "saidOn"]);
    if (zone && timingReadable(s.saidOn, s.saidAt)) {
      // A day-only statement with a time, a time on another day than its own, a part of the day
      // without that precision; and, said in a session, a day the session did not cover. A time
      // outside the session's times is accepted: the forms save it once an editor confirms it
      // (issue 12), so a document exported from Parley may hold one and must load again.
      const timing = statementTiming(s);
      const problems = statementTimingProblems(timing, zone);
      for (const problem of problems) ctx.addIssue({ code: "custom", path: [...p, problem.field], message: problem.message });
      const found = s.session ? sessionsByRef.get(s.session) : undefined;
      const session = found && timingReadable(found.localDay, found.startsAt, found.endsAt) ? found : undefined;
      const outside = session && problems.length === 0 ? statementInSessionProblem(timing, { ...sessionTiming(session), title: session.title }, zone) : null;
      if (outside && !outside.confirmable) ctx.addIssue({ code: "custom", path: [...p, outside.field], message: outside.message });
    }
    if (s.quotedWords && !s.text.includes(s.quotedWords)) {
      ctx.addIssue({ code: "custom", path: [...p, "quotedWords"], message: "must appear word for word in the statement text" });
    }
  });
  d.assessments.forEach((a, i) => {
    must(issues, a.issue, ["assessments", i, "issue"], "issue");
    inTalk(a.localDay, ["assessments", i, "localDay"]);
  });
  const assessed = new Set<string>();
  d.assessments.forEach((a, i) => {
    const k = `${a.issue}@${a.localDay}`;
    if (assessed.has(k)) ctx.addIssue({ code: "custom", path: ["assessments", i], message: `assesses ${a.issue} on ${a.localDay} twice` });
    assessed.add(k);
  });
  d.linkages.forEach((l, i) => {
    must(parties, l.party, ["linkages", i, "party"], "party");
    must(issues, l.issue, ["linkages", i, "issue"], "issue");
    must(issues, l.conditionIssue, ["linkages", i, "conditionIssue"], "issue");
    must(statements, l.statement, ["linkages", i, "statement"], "statement");
    inTalk(l.statedOn, ["linkages", i, "statedOn"]);
    inTalk(l.droppedOn, ["linkages", i, "droppedOn"]);
  });
}

const instantOf = (value: string | null | undefined) => (value ? new Date(value) : null);

/**
 * Whether a row's day and instants can be read, so that the rules about them can be run: zod runs
 * the refinement even when a field was refused on its own (that refusal is the answer then).
 */
const timingReadable = (day: string | null | undefined, ...instants: (string | null | undefined)[]) =>
  (day == null || isLocalDay(day)) && instants.every((i) => i == null || !Number.isNaN(Date.parse(i)));

const sessionTiming = (s: TalkDocument["sessions"][number]) => ({ localDay: s.localDay, startsAt: instantOf(s.startsAt), endsAt: instantOf(s.endsAt) });

const statementTiming = (s: TalkDocument["statements"][number]) => ({
  saidOn: s.saidOn,
  saidAt: instantOf(s.saidAt),
  saidPrecision: s.saidPrecision,
  partOfDay: s.partOfDay ?? null,
});

/** One readable line per problem, naming where it is: "statements[2].party: names party …". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.reduce<string>(
      (acc, part) => (typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
      "",
    );
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}
