// What the talk page tells machines about itself: schema.org JSON-LD (the talk as an Event with its
// place and days, the statements it shows as Quotations with their spokesperson and citations)
// and OpenGraph tags, so that a search engine indexes it and a shared link previews it
// (docs/decisions/018-embed-and-structured-data.md). Pure: page data in, JSON out.
//
// The context is written inline ({"@vocab": "https://schema.org/"}) rather than as the URL
// "https://schema.org": the same terms, and a JSON-LD processor can read it without fetching
// anything (tests here have no internet; neither do some readers' tools).
import type { CitedSource, TalkFrame, TimelineStatement, WindowContent } from "./data/talks";
import type { TalkStatus } from "./enums";
import { CAPACITY_LABEL } from "./labels";
import { statementDay } from "./timeline/build";

type JsonLd = Record<string, unknown>;

const EVENT_STATUS: Record<TalkStatus, string | null> = {
  scheduled: "https://schema.org/EventScheduled",
  ongoing: "https://schema.org/EventScheduled",
  concluded: null,
  suspended: "https://schema.org/EventPostponed",
};

/** Every statement a window shows, in its order. */
export function statementsOf(window: WindowContent): TimelineStatement[] {
  const days = window.slots.flatMap((s) => (s.kind === "day" ? [...s.value.sessions.flatMap((g) => g.statements), ...s.value.outside] : []));
  const undated = window.undated ? [...window.undated.sessions.flatMap((g) => g.statements), ...window.undated.statements] : [];
  return [...days, ...undated];
}

/**
 * The JSON-LD of a talk page: `site` is Parley's address (links are absolute), `statements` those
 * the page shows (a window, so the block stays small whatever the talk's size).
 */
export function talkJsonLd(frame: TalkFrame, statements: TimelineStatement[], sources: CitedSource[], site: string): JsonLd {
  const { talk } = frame;
  const url = `${site}/talks/${talk.slug}`;
  const event: JsonLd = {
    "@type": "Event",
    "@id": `${url}#talk`,
    name: talk.title,
    url,
    startDate: talk.firstDay,
    ...(talk.lastDay ? { endDate: talk.lastDay } : {}),
    ...(talk.summary ? { description: talk.summary } : {}),
    ...(EVENT_STATUS[talk.status] ? { eventStatus: EVENT_STATUS[talk.status] } : {}),
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: { "@type": "Place", name: talk.venueCity, address: talk.venueCity },
    attendee: frame.parties.map((p) => ({ "@type": "Organization", "@id": `${site}/parties/${p.slug}`, name: p.name, alternateName: p.shortName })),
    about: frame.issues.map((i) => ({ "@type": "Thing", name: i.name })),
  };
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const quotation = (s: TimelineStatement): JsonLd => {
    const day = statementDay(s, talk.venueTimeZone);
    const party = frame.parties.find((p) => p.slug === s.party.slug);
    const org = { "@type": "Organization", "@id": `${site}/parties/${s.party.slug}`, name: party?.name ?? s.party.shortName };
    const cited = s.sources.flatMap((ref) => {
      const src = sourceById.get(ref.id) ?? ref;
      return [
        {
          "@type": "CreativeWork",
          name: src.title,
          publisher: { "@type": "Organization", name: src.publisher },
          ...(src.url ? { url: src.url } : {}),
          ...(src.publishedOn ? { datePublished: src.publishedOn } : {}),
        },
      ];
    });
    return {
      "@type": "Quotation",
      "@id": `${url}/days/${day ?? "unknown"}#statement-${s.id}`,
      text: s.text,
      // Known to the minute: the instant; to the day: the venue's day; otherwise nothing.
      ...(s.saidPrecision === "minute" && s.saidAt ? { dateCreated: s.saidAt.toISOString() } : day ? { dateCreated: day } : {}),
      spokesperson: s.envoy
        ? {
            "@type": "Person",
            "@id": `${site}/envoys/${s.envoy.slug}`,
            name: s.envoy.name,
            ...(s.capacity !== "unknown" ? { jobTitle: CAPACITY_LABEL[s.capacity] } : {}),
            affiliation: org,
          }
        : org,
      ...(cited.length ? { citation: cited } : {}),
      about: { "@id": `${url}#talk` },
    };
  };
  return { "@context": { "@vocab": "https://schema.org/" }, "@graph": [event, ...statements.map(quotation)] };
}

/**
 * JSON for a <script type="application/ld+json">: "<" written as \u003c so that no text in it
 * (a statement quoting "</script>") can end the element early. Still the same JSON.
 */
export function jsonLdScript(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
