// The read API's shapes, written once as zod schemas: the query parameters each route parses with
// (lib/api/query.ts), and the bodies it answers with, whose TypeScript types the data layer
// returns (lib/data/api.ts). The OpenAPI document (lib/api/openapi.ts) is generated from these same
// schemas, so what is parsed, what is returned and what is published cannot drift apart
// (docs/decisions/017-read-api.md). Pure: no database, no request.
import { z } from "zod";
import { Capacity, DelegationRole, Gap, Outcome, PartOfDay, PartyRole, SessionKind, StatementKind, StatementSetting, TalkStatus, TimePrecision } from "../enums";
import { SLUG_PATTERN } from "../entities/fields";
import { FILTER_KEYS } from "../timeline/filters";
import { UNDATED_DAY } from "../timeline/window";
import { isLocalDay } from "../time/local-day";

/** Named schemas: each becomes `#/components/schemas/<id>` in the OpenAPI document. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

const named = <T extends z.ZodType>(id: string, description: string, schema: T): T => {
  apiSchemas.add(schema, { id, description });
  return schema;
};

// ---------------------------------------------------------------------------------------------
// Query parameters. Every value arrives as a string; each schema says what it accepts and what it
// means, and its message is what a 400 says about the parameter.

/** Items per page when `limit` is not given, and the most a page may hold. */
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

const limit = z
  .string()
  .regex(/^[0-9]{1,6}$/, { error: `Give limit as a whole number from 1 to ${MAX_LIMIT}.` })
  .transform(Number)
  .pipe(z.number().int().min(1, { error: `limit must be at least 1.` }).max(MAX_LIMIT, { error: `limit may be at most ${MAX_LIMIT}.` }))
  .optional()
  .meta({ description: `How many items a page holds (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).` });

const cursor = z
  .string()
  .max(400, { error: "This cursor is not one the API gave out; follow the `next` link of a page." })
  .optional()
  .meta({ description: "Where the page starts: copied from the previous page's `next` link. Opaque." });

const slugValue = (what: string) =>
  z
    .string()
    .max(80, { error: `No ${what} has a slug this long.` })
    .regex(SLUG_PATTERN, { error: `A ${what} is named by its slug: lower-case letters, digits and single hyphens.` });

/** A day of the venue's calendar, or `unknown` (the items whose day is not known, after every day). */
const dayBound = (which: "from" | "to") =>
  z
    .string()
    .refine((v) => v === UNDATED_DAY || isLocalDay(v), { error: `Give ${which} as a calendar day written YYYY-MM-DD, or "unknown".` })
    .optional()
    .meta({
      description:
        which === "from"
          ? 'Only items on this venue day or later ("unknown": only those whose day is not known, which come after every day).'
          : 'Only items on this venue day or earlier ("unknown" includes the items whose day is not known).',
    });

/**
 * The talk page's filters (lib/timeline/filters.ts), with the same names and meaning: a party's role, a party, an
 * envoy or an issue by slug, a kind of statement, a session outcome. A slug not in the talk matches
 * nothing, as on the page.
 */
const filterShape = {
  role: z.enum(PartyRole, { error: `role is one of ${Object.values(PartyRole).join(", ")}.` }).optional().meta({ description: "Statements by the parties with this role in the talk (principal, host, mediator, observer), and the sessions where one spoke." }),
  party: slugValue("party").optional().meta({ description: "Statements by this party (as a whole or through its envoys), and the sessions where it spoke; by slug." }),
  envoy: slugValue("envoy").optional().meta({ description: "Statements by this envoy, and the sessions where they spoke; by slug." }),
  issue: slugValue("issue").optional().meta({ description: "Statements about this issue, and sessions that covered it or hold such a statement; by slug." }),
  kind: z.enum(StatementKind, { error: `kind is one of ${Object.values(StatementKind).join(", ")}.` }).optional().meta({ description: "Statements of this kind, and the sessions that hold one." }),
  outcome: z.enum(Outcome, { error: `outcome is one of ${Object.values(Outcome).join(", ")}.` }).optional().meta({ description: "Sessions with this outcome, and the statements made in them." }),
} satisfies Record<(typeof FILTER_KEYS)[number], z.ZodType>;

const page = { limit, cursor };

export const TalksQuery = z.object({
  status: z.enum(TalkStatus, { error: `status is one of ${Object.values(TalkStatus).join(", ")}.` }).optional().meta({ description: "Only talks with this status." }),
  ...page,
});
export const NoQuery = z.object({});
export const TalkItemsQuery = z.object({ ...filterShape, from: dayBound("from"), to: dayBound("to"), ...page });
export const AssessmentsQuery = z.object({ issue: filterShape.issue, from: dayBound("from"), to: dayBound("to"), ...page });
export const EnvoysQuery = z.object({ party: slugValue("party").optional().meta({ description: "Only this party's envoys; by slug." }), ...page });
export const CatalogQuery = z.object({ ...page });

/**
 * Search (lib/search, docs/decisions/015-search.md): the same words, phrases, prefixes and filters
 * as the search page. Results are ranked, so they come in numbered pages, not cursor pages.
 */
export const SearchQuery = z.object({
  q: z
    .string({ error: "Give q, the words to search for." })
    .max(1_000, { error: "q may be at most 1,000 characters." })
    .refine((v) => v.trim().length > 0, { error: "Give q, the words to search for." })
    .meta({ description: 'The words to find, all of them: "a phrase" in quotes, word* for every word so begun. Case and accents do not matter; nothing in it is syntax that can fail.' }),
  talk: slugValue("talk").optional().meta({ description: "Only within this talk; by slug." }),
  party: filterShape.party,
  envoy: filterShape.envoy,
  issue: filterShape.issue,
  kind: filterShape.kind,
  from: z.string().refine(isLocalDay, { error: "Give from as a calendar day written YYYY-MM-DD." }).optional().meta({ description: "Only statements and sessions on this venue day or later." }),
  to: z.string().refine(isLocalDay, { error: "Give to as a calendar day written YYYY-MM-DD." }).optional().meta({ description: "Only statements and sessions on this venue day or earlier." }),
  page: z
    .string()
    .regex(/^[0-9]{1,3}$/, { error: "Give page as a whole number from 1 to 50." })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: "page must be at least 1." }).max(50, { error: "Results go to page 50 at most; narrow the search to see more." }))
    .optional()
    .meta({ description: "Which page of 20 results, best first (default 1, at most 50)." }),
});
export type SearchQueryInput = z.output<typeof SearchQuery>;

export type PageQuery = { limit?: number; cursor?: string };
export type TalkItemsFilter = z.output<typeof TalkItemsQuery>;

// ---------------------------------------------------------------------------------------------
// Path parameters: what an address may name. Anything else is no record (404), not a bad request.

export const PATH_PARAMS = {
  slug: { pattern: SLUG_PATTERN, max: 80, description: "The talk's slug, as in its page's address /talks/{slug}." },
  party: { pattern: SLUG_PATTERN, max: 80, description: "The party's slug." },
  envoy: { pattern: SLUG_PATTERN, max: 80, description: "The envoy's slug." },
  issue: { pattern: SLUG_PATTERN, max: 80, description: "The issue's slug." },
  source: { pattern: SLUG_PATTERN, max: 80, description: "The source's key, as in its page's address /sources/{key}." },
  series: { pattern: SLUG_PATTERN, max: 80, description: "The series' slug, as in its page's address /series/{slug}." },
  id: { pattern: /^[A-Za-z0-9_-]+$/, max: 100, description: "The record's id." },
} as const;
export type PathParam = keyof typeof PATH_PARAMS;

// ---------------------------------------------------------------------------------------------
// Bodies.

const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ description: "A day of the venue's calendar, YYYY-MM-DD." });
const instant = z.string().meta({ format: "date-time", description: "An instant, in UTC (ISO 8601)." });
const path = z.string().meta({ description: "An address on this site, relative to its origin." });

export const ApiError = named(
  "Error",
  "What went wrong, in one sentence, with a code that does not change between versions.",
  z.object({
    error: z.object({
      code: z.enum(["bad_parameter", "unknown_parameter", "not_found", "method_not_allowed", "unauthenticated", "unavailable", "internal"]),
      message: z.string(),
      parameter: z.string().optional().meta({ description: "The query parameter at fault (bad_parameter, unknown_parameter)." }),
    }),
  }),
);

const PartyRef = named("PartyRef", "A party, as other records name it.", z.object({ slug: z.string(), shortName: z.string() }));
const EnvoyRef = named("EnvoyRef", "An envoy, as other records name them.", z.object({ slug: z.string(), name: z.string() }));
const IssueRef = named("IssueRef", "An issue, as other records name it.", z.object({ slug: z.string(), name: z.string() }));
const SourceRef = named(
  "SourceRef",
  "A published report, as the records it carries cite it.",
  z.object({ key: z.string(), publisher: z.string(), title: z.string(), url: z.string().nullable(), publishedOn: localDay.nullable() }),
);

/** A reading of the venue's clock at a known instant. */
const VenueTime = named(
  "VenueTime",
  "An instant known to the minute, with the venue's clock reading at it: the day and time its clocks showed, and their offset from UTC then.",
  z.object({
    at: instant,
    day: localDay,
    time: z.string().regex(/^\d{2}:\d{2}$/).meta({ description: "HH:MM on the venue's clock." }),
    utcOffset: z.string().meta({ description: "The venue's offset from UTC at that instant, such as +08:00 (with seconds where the zone had them)." }),
  }),
);

const pageOf = <T extends z.ZodType>(id: string, what: string, item: T) =>
  named(
    id,
    `A page of ${what}, in order. \`next\` is the address of the following page, null on the last one.`,
    z.object({ data: z.array(item), next: path.nullable(), limit: z.number().int() }),
  );
const oneOf = <T extends z.ZodType>(id: string, what: string, item: T) => named(id, what, z.object({ data: item }));

const talkLinks = z.object({ self: path, page: path, days: path, sessions: path, statements: path, assessments: path });

/** A talk's place in a series (decision 025): both fields are always present, null when not set. */
const seriesPlace = {
  series: z
    .object({ slug: z.string(), name: z.string() })
    .nullable()
    .meta({ description: "The series of talks this one is a round of; null when it is in none." }),
  round: z.number().int().nullable().meta({ description: "Its round number in the series, when the sources number it; null otherwise." }),
};

export const TalkSummary = named(
  "TalkSummary",
  "A talk (one negotiation round) as the list of talks shows it.",
  z.object({
    slug: z.string(),
    title: z.string(),
    venueCity: z.string(),
    venueTimeZone: z.string().meta({ description: "IANA zone of the venue: its days are the talk's days." }),
    firstDay: localDay,
    lastDay: localDay.nullable().meta({ description: "Null while the talk's end is not known." }),
    status: z.enum(TalkStatus),
    parties: z.array(PartyRef),
    counts: z.object({ sessions: z.number().int(), statements: z.number().int() }),
    ...seriesPlace,
    links: talkLinks,
  }),
);

export const Talk = named(
  "Talk",
  "A talk with who takes part and what is on its agenda.",
  z.object({
    slug: z.string(),
    title: z.string(),
    venueCity: z.string(),
    venueTimeZone: z.string(),
    firstDay: localDay,
    lastDay: localDay.nullable(),
    status: z.enum(TalkStatus),
    summary: z.string(),
    parties: z.array(z.object({ slug: z.string(), name: z.string(), shortName: z.string(), role: z.enum(PartyRole).meta({ description: "The party’s part in the talk: principal (negotiating), host, mediator or observer." }), heads: z.array(EnvoyRef) })),
    envoys: z.array(z.object({ slug: z.string(), name: z.string(), title: z.string().nullable(), party: z.string().meta({ description: "The party's slug." }), role: z.enum(DelegationRole) })),
    issues: z.array(IssueRef),
    counts: z.object({ sessions: z.number().int(), statements: z.number().int(), assessments: z.number().int() }),
    recordedDays: z.object({ first: localDay.nullable(), last: localDay.nullable(), undated: z.number().int().meta({ description: "Sessions and statements whose day is not known." }) }),
    ...seriesPlace,
    links: talkLinks,
  }),
);

export const Day = named(
  "Day",
  'A day of the talk that holds something (with the filters applied), or "unknown" for the items whose day is not known.',
  z.object({
    day: z.union([localDay, z.literal(UNDATED_DAY)]),
    number: z.number().int().nullable().meta({ description: "The talk's number of the day (1 for its first day, counting only days that happened at the venue); null for unknown." }),
    counts: z.object({ sessions: z.number().int(), statements: z.number().int(), assessments: z.number().int() }),
    links: z.object({ page: path, sessions: path, statements: path }),
  }),
);

export const Session = named(
  "Session",
  "A session of the talk. Its times are given only where they were recorded.",
  z.object({
    id: z.string(),
    day: localDay.nullable().meta({ description: "The venue day it was held; null when the sources do not say." }),
    dayNumber: z.number().int().nullable(),
    timeZone: z.string(),
    startsAt: VenueTime.nullable(),
    endsAt: VenueTime.nullable(),
    kind: z.enum(SessionKind).nullable().meta({ description: "Null when the kind of meeting is not known." }),
    title: z.string(),
    summary: z.string(),
    outcome: z.enum(Outcome),
    outcomeNote: z.string().nullable(),
    issues: z.array(IssueRef),
    sources: z.array(SourceRef),
    links: z.object({ self: path, page: path }),
  }),
);

export const Said = named(
  "Said",
  "When a statement was said, to the precision recorded and no more: `at` only when known to the minute, `partOfDay` only when that is what was reported.",
  z.object({
    precision: z.enum(TimePrecision),
    day: localDay.nullable().meta({ description: "The venue day; null when not known (precision unknown)." }),
    partOfDay: z.enum(PartOfDay).nullable(),
    at: VenueTime.nullable(),
    timeZone: z.string().meta({ description: "The venue's IANA zone." }),
  }),
);

export const Statement = named(
  "Statement",
  "What a party or envoy said, with its sources. `quotedWords` are the speaker's words verbatim.",
  z.object({
    id: z.string(),
    day: localDay.nullable(),
    dayNumber: z.number().int().nullable(),
    said: Said,
    reportedOn: localDay.nullable().meta({ description: "The day it was first reported, as the report dates itself." }),
    setting: z.enum(StatementSetting),
    kind: z.enum(StatementKind),
    capacity: z.enum(Capacity),
    party: PartyRef,
    envoy: EnvoyRef.nullable().meta({ description: "Null when the party spoke as a whole." }),
    session: z.object({ id: z.string(), title: z.string(), day: localDay.nullable() }).nullable(),
    text: z.string(),
    quotedWords: z.string().nullable(),
    issues: z.array(IssueRef),
    sources: z.array(SourceRef).meta({ description: "Empty for an unsourced statement." }),
    links: z.object({ self: path, page: path }),
  }),
);

export const Assessment = named(
  "Assessment",
  "An editor's judgement of the gap between the parties on one issue on one day.",
  z.object({
    id: z.string(),
    day: localDay,
    dayNumber: z.number().int(),
    issue: IssueRef,
    gap: z.enum(Gap),
    note: z.string(),
    author: z.string(),
    links: z.object({ page: path }),
  }),
);

export const Party = named(
  "Party",
  "A state or organization.",
  z.object({
    slug: z.string(),
    name: z.string(),
    shortName: z.string(),
    isoCode: z.string().nullable().meta({ description: "ISO 3166-1 alpha-3, where it has one." }),
    links: z.object({ self: path, page: path, envoys: path }),
  }),
);

export const Envoy = named(
  "Envoy",
  "A person who speaks for a party.",
  z.object({
    slug: z.string(),
    name: z.string().meta({ description: "In Latin script." }),
    nameOriginal: z.string().nullable().meta({ description: "In the original script, where known." }),
    title: z.string().nullable(),
    party: PartyRef,
    links: z.object({ self: path, page: path }),
  }),
);

export const Issue = named(
  "Issue",
  "An agenda topic.",
  z.object({ slug: z.string(), name: z.string(), description: z.string().nullable(), links: z.object({ self: path, page: path }) }),
);

export const Source = named(
  "Source",
  "A published report that carries statements or session facts.",
  z.object({
    key: z.string(),
    publisher: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    publishedOn: localDay.nullable(),
    links: z.object({ self: path, page: path }),
  }),
);

const SeriesSpan = named(
  "SeriesSpan",
  "The days a series' rounds cover, from the first round's first day to the latest last day; `open` while a round's end is not known.",
  z.object({ firstDay: localDay, lastDay: localDay, open: z.boolean() }),
);

const seriesLinks = z.object({ self: path, page: path });

export const SeriesSummary = named(
  "SeriesSummary",
  "A series of talks (the rounds of one negotiation) as the list of series shows it.",
  z.object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    rounds: z.number().int().meta({ description: "How many talks are rounds of it." }),
    span: SeriesSpan.nullable().meta({ description: "Null while it has no round." }),
    links: seriesLinks,
  }),
);

export const Series = named(
  "Series",
  "A series of talks with its rounds in order: by first day, then round number, then title.",
  z.object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    span: SeriesSpan.nullable().meta({ description: "Null while it has no round." }),
    rounds: z.array(
      z.object({
        slug: z.string(),
        title: z.string(),
        round: z.number().int().nullable().meta({ description: "The round's number, when the sources number it." }),
        firstDay: localDay,
        lastDay: localDay.nullable().meta({ description: "Null while the talk's end is not known." }),
        status: z.enum(TalkStatus),
        links: z.object({ self: path, page: path }),
      }),
    ),
    links: seriesLinks,
  }),
);

const TalkRefBody = z.object({ slug: z.string(), title: z.string() });

export const SearchResult = named(
  "SearchResult",
  "One record a search found: a statement, a session, a talk or a source, with the address of its place on the site.",
  z.discriminatedUnion("kind", [
    z.object({
      kind: z.literal("statement"),
      id: z.string(),
      talk: TalkRefBody,
      day: localDay.nullable(),
      text: z.string(),
      quotedWords: z.string().nullable(),
      statementKind: z.enum(StatementKind),
      party: PartyRef,
      envoy: EnvoyRef.nullable(),
      links: z.object({ self: path, page: path }),
    }),
    z.object({
      kind: z.literal("session"),
      id: z.string(),
      talk: TalkRefBody,
      day: localDay.nullable(),
      title: z.string(),
      summary: z.string(),
      outcome: z.enum(Outcome),
      links: z.object({ self: path, page: path }),
    }),
    z.object({ kind: z.literal("talk"), slug: z.string(), title: z.string(), summary: z.string(), links: z.object({ self: path, page: path }) }),
    z.object({
      kind: z.literal("source"),
      key: z.string(),
      publisher: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      publishedOn: localDay.nullable(),
      links: z.object({ self: path, page: path }),
    }),
  ]),
);

export const SearchResults = named(
  "SearchResults",
  "A page of what a search found, best first, with how many of each kind there are.",
  z.object({
    data: z.array(SearchResult),
    counts: z
      .object({ statement: z.number().int(), session: z.number().int(), talk: z.number().int(), source: z.number().int() })
      .meta({ description: "Records found of each kind. Statements and sessions are counted up to 1,000 together: past it `capped` is true." }),
    capped: z.boolean(),
    page: z.number().int(),
    pages: z.number().int(),
    next: path.nullable().meta({ description: "The next page's address; null on the last." }),
  }),
);

export const TalkPage = pageOf("TalkList", "talks, the latest first", TalkSummary);
export const TalkOne = oneOf("TalkOne", "One talk.", Talk);
export const DayPage = pageOf("DayList", "a talk's days", Day);
export const SessionPage = pageOf("SessionList", "a talk's sessions", Session);
export const SessionOne = oneOf("SessionOne", "One session.", Session);
export const StatementPage = pageOf("StatementList", "a talk's statements", Statement);
export const StatementOne = oneOf("StatementOne", "One statement.", Statement);
export const AssessmentPage = pageOf("AssessmentList", "a talk's gap assessments", Assessment);
export const PartyPage = pageOf("PartyList", "parties", Party);
export const PartyOne = oneOf("PartyOne", "One party.", Party);
export const EnvoyPage = pageOf("EnvoyList", "envoys", Envoy);
export const EnvoyOne = oneOf("EnvoyOne", "One envoy.", Envoy);
export const IssuePage = pageOf("IssueList", "issues", Issue);
export const IssueOne = oneOf("IssueOne", "One issue.", Issue);
export const SourcePage = pageOf("SourceList", "sources", Source);
export const SourceOne = oneOf("SourceOne", "One source.", Source);
export const SeriesPage = pageOf("SeriesList", "series of talks", SeriesSummary);
export const SeriesOne = oneOf("SeriesOne", "One series of talks.", Series);

export type ApiErrorBody = z.output<typeof ApiError>;
export type ApiErrorCode = ApiErrorBody["error"]["code"];
export type TalkSummaryBody = z.output<typeof TalkSummary>;
export type TalkBody = z.output<typeof Talk>;
export type DayBody = z.output<typeof Day>;
export type SessionBody = z.output<typeof Session>;
export type StatementBody = z.output<typeof Statement>;
export type AssessmentBody = z.output<typeof Assessment>;
export type PartyBody = z.output<typeof Party>;
export type EnvoyBody = z.output<typeof Envoy>;
export type IssueBody = z.output<typeof Issue>;
export type SourceBody = z.output<typeof Source>;
export type SeriesSummaryBody = z.output<typeof SeriesSummary>;
export type SeriesBody = z.output<typeof Series>;
export type SearchResultBody = z.output<typeof SearchResult>;
export type SearchResultsBody = z.output<typeof SearchResults>;
export type VenueTimeBody = z.output<typeof VenueTime>;
export type SourceRefBody = z.output<typeof SourceRef>;
/** A page of items, as every list answers. */
export type Paged<T> = { data: T[]; next: string | null; limit: number };
