// Every endpoint of the read API, described once: its address, parameters and answer. The route
// files bind each to its read (app/api/v1/**/route.ts, through lib/api/route.ts), the OpenAPI
// document is generated from this list (lib/api/openapi.ts), and the documentation page lists it.
// Another endpoint (search) is one more entry here and one more route file. Pure.
import type { z } from "zod";
import * as s from "./schemas";
import type { PathParam } from "./schemas";

export type Endpoint<Q extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> = {
  path: string;
  operationId: string;
  tag: "Talks" | "Talk records" | "Shared records" | "API";
  summary: string;
  description: string;
  pathParams: readonly PathParam[];
  query: Q;
  response: R;
  /** A list: cursor-paginated, `limit` and `cursor` among its parameters. */
  paged: boolean;
  /** What a 404 says, for an endpoint that names a record. */
  notFound?: string;
  /** An example request on the shipped Beijing data, for the documentation page. */
  example: string;
};

const define = <Q extends z.ZodObject, R extends z.ZodType>(e: Endpoint<Q, R>) => e;
const TALK_404 = "There is no talk with this slug; it may have been deleted.";
const BEIJING = "/api/v1/talks/japan-dprk-beijing-2006";

export const endpoints = {
  search: define({
    path: "/api/v1/search",
    operationId: "search",
    tag: "API",
    summary: "Search",
    description:
      "Statements (text and quoted words), sessions (title, summary, outcome note), talks (title, summary) and sources (title, publisher) that hold all the words, best first, as the search page finds them; filtered like it.",
    pathParams: [],
    query: s.SearchQuery,
    response: s.SearchResults,
    paged: false,
    example: '/api/v1/search?q="huge difference"',
  }),
  talks: define({
    path: "/api/v1/talks",
    operationId: "listTalks",
    tag: "Talks",
    summary: "List talks",
    description: "Every talk, the latest first (by first day, then title).",
    pathParams: [],
    query: s.TalksQuery,
    response: s.TalkPage,
    paged: true,
    example: "/api/v1/talks?limit=10",
  }),
  talk: define({
    path: "/api/v1/talks/{slug}",
    operationId: "getTalk",
    tag: "Talks",
    summary: "Get a talk",
    description: "One talk: its parties and their heads of delegation, its envoys and their roles, its agenda, and what is recorded.",
    pathParams: ["slug"],
    query: s.NoQuery,
    response: s.TalkOne,
    paged: false,
    notFound: TALK_404,
    example: BEIJING,
  }),
  days: define({
    path: "/api/v1/talks/{slug}/days",
    operationId: "listTalkDays",
    tag: "Talk records",
    summary: "List a talk's days",
    description:
      'The venue days that hold something (sessions, statements or gap assessments), in order, numbered as the talk numbers them, with counts; then "unknown" for the items whose day is not known. Filters as on the talk page: the counts are of what matches.',
    pathParams: ["slug"],
    query: s.TalkItemsQuery,
    response: s.DayPage,
    paged: true,
    notFound: TALK_404,
    example: `${BEIJING}/days`,
  }),
  sessions: define({
    path: "/api/v1/talks/{slug}/sessions",
    operationId: "listTalkSessions",
    tag: "Talk records",
    summary: "List a talk's sessions",
    description: 'In the timeline\'s order: by venue day ("unknown" last), timed sessions by start before untimed ones, then as recorded. Filters as on the talk page.',
    pathParams: ["slug"],
    query: s.TalkItemsQuery,
    response: s.SessionPage,
    paged: true,
    notFound: TALK_404,
    example: `${BEIJING}/sessions?outcome=no_progress`,
  }),
  session: define({
    path: "/api/v1/talks/{slug}/sessions/{id}",
    operationId: "getTalkSession",
    tag: "Talk records",
    summary: "Get a session",
    description: "One session of the talk.",
    pathParams: ["slug", "id"],
    query: s.NoQuery,
    response: s.SessionOne,
    paged: false,
    notFound: "The talk has no session with this id; it may have been deleted.",
    example: `${BEIJING}/sessions/{id}`,
  }),
  statements: define({
    path: "/api/v1/talks/{slug}/statements",
    operationId: "listTalkStatements",
    tag: "Talk records",
    summary: "List a talk's statements",
    description:
      'In the timeline\'s order: by venue day ("unknown" last), statements with a known time by that time before the others, then as recorded. Filters as on the talk page (party, envoy, issue, kind, outcome) and a range of days.',
    pathParams: ["slug"],
    query: s.TalkItemsQuery,
    response: s.StatementPage,
    paged: true,
    notFound: TALK_404,
    example: `${BEIJING}/statements?party=dprk&kind=demand`,
  }),
  statement: define({
    path: "/api/v1/talks/{slug}/statements/{id}",
    operationId: "getTalkStatement",
    tag: "Talk records",
    summary: "Get a statement",
    description: "One statement of the talk.",
    pathParams: ["slug", "id"],
    query: s.NoQuery,
    response: s.StatementOne,
    paged: false,
    notFound: "The talk has no statement with this id; it may have been deleted.",
    example: `${BEIJING}/statements/{id}`,
  }),
  assessments: define({
    path: "/api/v1/talks/{slug}/assessments",
    operationId: "listTalkAssessments",
    tag: "Talk records",
    summary: "List a talk's gap assessments",
    description: "The editors' judgements of the gap on each issue, by day, then issue.",
    pathParams: ["slug"],
    query: s.AssessmentsQuery,
    response: s.AssessmentPage,
    paged: true,
    notFound: TALK_404,
    example: `${BEIJING}/assessments`,
  }),
  parties: define({
    path: "/api/v1/parties",
    operationId: "listParties",
    tag: "Shared records",
    summary: "List parties",
    description: "Every party, by slug.",
    pathParams: [],
    query: s.CatalogQuery,
    response: s.PartyPage,
    paged: true,
    example: "/api/v1/parties",
  }),
  party: define({
    path: "/api/v1/parties/{party}",
    operationId: "getParty",
    tag: "Shared records",
    summary: "Get a party",
    description: "One party.",
    pathParams: ["party"],
    query: s.NoQuery,
    response: s.PartyOne,
    paged: false,
    notFound: "There is no party with this slug; it may have been deleted.",
    example: "/api/v1/parties/japan",
  }),
  envoys: define({
    path: "/api/v1/envoys",
    operationId: "listEnvoys",
    tag: "Shared records",
    summary: "List envoys",
    description: "Every envoy, by slug; or one party's.",
    pathParams: [],
    query: s.EnvoysQuery,
    response: s.EnvoyPage,
    paged: true,
    example: "/api/v1/envoys?party=japan",
  }),
  envoy: define({
    path: "/api/v1/envoys/{envoy}",
    operationId: "getEnvoy",
    tag: "Shared records",
    summary: "Get an envoy",
    description: "One envoy.",
    pathParams: ["envoy"],
    query: s.NoQuery,
    response: s.EnvoyOne,
    paged: false,
    notFound: "There is no envoy with this slug; they may have been deleted.",
    example: "/api/v1/envoys/song-il-ho",
  }),
  issues: define({
    path: "/api/v1/issues",
    operationId: "listIssues",
    tag: "Shared records",
    summary: "List issues",
    description: "Every issue, by slug.",
    pathParams: [],
    query: s.CatalogQuery,
    response: s.IssuePage,
    paged: true,
    example: "/api/v1/issues",
  }),
  issue: define({
    path: "/api/v1/issues/{issue}",
    operationId: "getIssue",
    tag: "Shared records",
    summary: "Get an issue",
    description: "One issue.",
    pathParams: ["issue"],
    query: s.NoQuery,
    response: s.IssueOne,
    paged: false,
    notFound: "There is no issue with this slug; it may have been deleted.",
    example: "/api/v1/issues/abductions",
  }),
  sources: define({
    path: "/api/v1/sources",
    operationId: "listSources",
    tag: "Shared records",
    summary: "List sources",
    description: "Every source, by key.",
    pathParams: [],
    query: s.CatalogQuery,
    response: s.SourcePage,
    paged: true,
    example: "/api/v1/sources",
  }),
  source: define({
    path: "/api/v1/sources/{source}",
    operationId: "getSource",
    tag: "Shared records",
    summary: "Get a source",
    description: "One source.",
    pathParams: ["source"],
    query: s.NoQuery,
    response: s.SourceOne,
    paged: false,
    notFound: "There is no source with this key; it may have been deleted.",
    example: "/api/v1/sources/news-report-2006-02-07",
  }),
  seriesList: define({
    path: "/api/v1/series",
    operationId: "listSeries",
    tag: "Shared records",
    summary: "List series",
    description: "Every series of talks, by slug, with its rounds counted and the days they cover.",
    pathParams: [],
    query: s.CatalogQuery,
    response: s.SeriesPage,
    paged: true,
    example: "/api/v1/series",
  }),
  series: define({
    path: "/api/v1/series/{series}",
    operationId: "getSeries",
    tag: "Shared records",
    summary: "Get a series",
    description: "One series of talks, with its rounds in order: by first day, then round number, then title.",
    pathParams: ["series"],
    query: s.NoQuery,
    response: s.SeriesOne,
    paged: false,
    notFound: "There is no series with this slug; it may have been deleted.",
    example: "/api/v1/series/japan-dprk-normalization-talks",
  }),
};

export type EndpointName = keyof typeof endpoints;
