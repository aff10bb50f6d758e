// What several exports of a talk share (docs/decisions/016-exports.md): the venue's clock and
// offset at an instant, the statement's speaker in words, and the addresses they link to.
// Pure: the site's address is given by the caller (lib/data/exports.ts reads it from the env).
import { venueClock } from "../time/venue-clock";
import { zoneOffsetMs } from "../time/zone-calendar";
import type { ExportStatement, TalkExport } from "../talk-document/export";

/** "+08:00", "-02:30", "-00:44:30" (an offset with seconds keeps them). */
export function formatUtcOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const hh = String(Math.floor(total / 3600)).padStart(2, "0");
  const mm = String(Math.floor((total % 3600) / 60)).padStart(2, "0");
  const ss = total % 60;
  return `${sign}${hh}:${mm}${ss ? `:${String(ss).padStart(2, "0")}` : ""}`;
}

/** The venue's day, "HH:MM" and offset at an instant. */
export function venueReading(instant: Date, timeZone: string): { day: string; time: string; offset: string } {
  return { ...venueClock(instant, timeZone), offset: formatUtcOffset(zoneOffsetMs(timeZone, instant.getTime())) };
}

/** Names by slug and key, for the exports that write names rather than slugs. */
export type ExportNames = {
  party: Map<string, TalkExport["parties"][number]>;
  envoy: Map<string, TalkExport["envoys"][number]>;
  issue: Map<string, TalkExport["issues"][number]>;
  source: Map<string, TalkExport["sources"][number]>;
  session: Map<string, TalkExport["sessions"][number]>;
};

export function exportNames(x: TalkExport): ExportNames {
  return {
    party: new Map(x.parties.map((p) => [p.slug, p])),
    envoy: new Map(x.envoys.map((e) => [e.slug, e])),
    issue: new Map(x.issues.map((i) => [i.slug, i])),
    source: new Map(x.sources.map((s) => [s.key, s])),
    session: new Map(x.sessions.map((s) => [s.ref, s])),
  };
}

/** "Song Il Ho (DPRK)", or the party's name when it spoke as a whole. */
export function speakerName(
  s: Pick<ExportStatement, "party" | "envoy">,
  names: { party: Map<string, { name: string; shortName: string }>; envoy: Map<string, { name: string }> },
): string {
  const party = names.party.get(s.party);
  const envoy = s.envoy ? names.envoy.get(s.envoy) : undefined;
  if (envoy) return `${envoy.name} (${party?.shortName ?? s.party})`;
  return party?.name ?? s.party;
}

/** A source as a reader cites it: "Publisher, “Title”, 2006-02-07, https://…". */
export function citation(source: TalkExport["sources"][number]): string {
  return [source.publisher, `“${source.title}”`, source.publishedOn, source.url].filter(Boolean).join(", ");
}

/** Where a statement is on its day's page (the timeline's own anchor), or among the undated ones. */
export function statementPath(slug: string, day: string | null, statementId: string): string {
  return `/talks/${slug}/days/${day ?? "unknown"}#statement-${statementId}`;
}
