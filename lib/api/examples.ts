// One example of each resource, from the shipped Beijing data (ids shortened), shown on the API's
// documentation page. lib/api/openapi.test.ts checks each against its schema in the OpenAPI
// document, so an example cannot drift from what the API answers. Pure.
import type { AssessmentBody, SearchResultsBody, DayBody, EnvoyBody, IssueBody, PartyBody, SessionBody, SourceBody, StatementBody, TalkSummaryBody } from "./schemas";

const TALK = "/api/v1/talks/japan-dprk-beijing-2006";
const SOURCE = {
  key: "news-report-2006-02-07",
  publisher: "News report (publisher not named in Parley's copy)",
  title: "North Korea, Japan Still far Apart on Issue of Abducted Japanese",
  url: null,
  publishedOn: "2006-02-07",
};

export const EXAMPLES = {
  search: {
    data: [
      {
        kind: "statement",
        id: "cm7huge",
        talk: { slug: "japan-dprk-beijing-2006", title: "Japan–DPRK normalization talks, Beijing, February 2006" },
        day: null,
        text: "The talks have confirmed that there is still a “huge difference” of opinion between the two sides on the kidnapping issue.",
        quotedWords: "huge difference",
        statementKind: "assessment",
        party: { slug: "dprk", shortName: "DPRK" },
        envoy: { slug: "song-il-ho", name: "Song Il Ho" },
        links: { self: `${TALK}/statements/cm7huge`, page: "/talks/japan-dprk-beijing-2006/days/unknown#statement-cm7huge" },
      },
    ],
    counts: { statement: 1, session: 0, talk: 0, source: 0 },
    capped: false,
    page: 1,
    pages: 1,
    next: null,
  } satisfies SearchResultsBody,
  talk: {
    slug: "japan-dprk-beijing-2006",
    title: "Japan–DPRK normalization talks, Beijing, February 2006",
    venueCity: "Beijing",
    venueTimeZone: "Asia/Shanghai",
    firstDay: "2006-02-04",
    lastDay: null,
    status: "ongoing",
    parties: [
      { slug: "japan", shortName: "Japan" },
      { slug: "dprk", shortName: "DPRK" },
    ],
    counts: { sessions: 3, statements: 9 },
    links: { self: TALK, page: "/talks/japan-dprk-beijing-2006", days: `${TALK}/days`, sessions: `${TALK}/sessions`, statements: `${TALK}/statements`, assessments: `${TALK}/assessments` },
  } satisfies TalkSummaryBody,
  day: {
    day: "2006-02-07",
    number: 4,
    counts: { sessions: 0, statements: 1, assessments: 1 },
    links: { page: "/talks/japan-dprk-beijing-2006/days/2006-02-07", sessions: `${TALK}/sessions?from=2006-02-07&to=2006-02-07`, statements: `${TALK}/statements?from=2006-02-07&to=2006-02-07` },
  } satisfies DayBody,
  session: {
    id: "cm7opening",
    day: "2006-02-04",
    dayNumber: 1,
    timeZone: "Asia/Shanghai",
    startsAt: null,
    endsAt: null,
    kind: null,
    title: "Talks open in Beijing",
    summary: "The round began on Saturday. The report gives no time, format or detail of the first meeting.",
    outcome: "unknown",
    outcomeNote: null,
    issues: [],
    sources: [SOURCE],
    links: { self: `${TALK}/sessions/cm7opening`, page: "/talks/japan-dprk-beijing-2006/days/2006-02-04#session-cm7opening" },
  } satisfies SessionBody,
  statement: {
    id: "cm7song",
    day: "2006-02-07",
    dayNumber: 4,
    said: { precision: "day", day: "2006-02-07", partOfDay: null, at: null, timeZone: "Asia/Shanghai" },
    reportedOn: "2006-02-07",
    setting: "unknown",
    kind: "assessment",
    capacity: "head_of_delegation",
    party: { slug: "dprk", shortName: "DPRK" },
    envoy: { slug: "song-il-ho", name: "Song Il Ho" },
    session: null,
    text: "The two meetings held on the abduction issue have not produced significant progress.",
    quotedWords: null,
    issues: [{ slug: "abductions", name: "Abductions of Japanese nationals" }],
    sources: [SOURCE],
    links: { self: `${TALK}/statements/cm7song`, page: "/talks/japan-dprk-beijing-2006/days/2006-02-07#statement-cm7song" },
  } satisfies StatementBody,
  /** A statement known to the minute: its instant, and the venue's clock reading and offset at it. */
  timedSaid: {
    precision: "minute",
    day: "2006-02-05",
    partOfDay: null,
    at: { at: "2006-02-04T17:30:00.000Z", day: "2006-02-05", time: "01:30", utcOffset: "+08:00" },
    timeZone: "Asia/Shanghai",
  } satisfies StatementBody["said"],
  assessment: {
    id: "cm7gap",
    day: "2006-02-07",
    dayNumber: 4,
    issue: { slug: "abductions", name: "Abductions of Japanese nationals" },
    gap: "deadlocked",
    note: "On day 4 North Korea's chief envoy, Song Il Ho, said the two meetings on the abductions had brought no significant progress.",
    author: "Parley editors (from the day-4 news report)",
    links: { page: "/talks/japan-dprk-beijing-2006/days/2006-02-07" },
  } satisfies AssessmentBody,
  party: {
    slug: "japan",
    name: "Japan",
    shortName: "Japan",
    isoCode: "JPN",
    links: { self: "/api/v1/parties/japan", page: "/parties/japan", envoys: "/api/v1/envoys?party=japan" },
  } satisfies PartyBody,
  envoy: {
    slug: "song-il-ho",
    name: "Song Il Ho",
    nameOriginal: null,
    title: "Chief envoy of North Korea",
    party: { slug: "dprk", shortName: "DPRK" },
    links: { self: "/api/v1/envoys/song-il-ho", page: "/envoys/song-il-ho" },
  } satisfies EnvoyBody,
  issue: {
    slug: "abductions",
    name: "Abductions of Japanese nationals",
    description: "The fate of Japanese citizens kidnapped by North Korean agents more than two decades before the talks.",
    links: { self: "/api/v1/issues/abductions", page: "/issues/abductions" },
  } satisfies IssueBody,
  source: { ...SOURCE, links: { self: `/api/v1/sources/${SOURCE.key}`, page: `/sources/${SOURCE.key}` } } satisfies SourceBody,
};

/** Which component schema of the OpenAPI document each example is. */
export const EXAMPLE_SCHEMAS: Record<keyof typeof EXAMPLES, string> = {
  search: "SearchResults",
  talk: "TalkSummary",
  day: "Day",
  session: "Session",
  statement: "Statement",
  timedSaid: "Said",
  assessment: "Assessment",
  party: "Party",
  envoy: "Envoy",
  issue: "Issue",
  source: "Source",
};
