// A recorded snapshot's values in words (names for slugs and ids, labels for enum values, days
// and instants in the venue's calendar), as a row's history and a refused save show them.
import "server-only";
import type { Db } from "../db";
import {
  CAPACITY_LABEL,
  DELEGATION_ROLE_LABEL,
  GAP_LABEL,
  OUTCOME_LABEL,
  PART_OF_DAY_LABEL,
  PARTY_ROLE_LABEL,
  SESSION_KIND_LABEL,
  SETTING_LABEL,
  STATEMENT_KIND_LABEL,
  TALK_STATUS_LABEL,
  TIME_PRECISION_LABEL,
} from "../labels";
import type { JsonValue, RecordedType, Snapshot } from "../entities/types";
import type { PartyRole } from "../enums";
import { formatLocalDay } from "../time/local-day";
import { zoneAbbreviation } from "../time/instant";
import { venueClock } from "../time/venue-clock";

export type Names = {
  party: Map<string, string>;
  envoy: Map<string, string>;
  issue: Map<string, string>;
  source: Map<string, string>;
  session: Map<string, string>;
  series: Map<string, string>;
};

const strings = (v: JsonValue | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : []);

/** Names of everything the snapshots refer to (deleted things too: history keeps their names). */
export async function loadNames(db: Db, snapshots: (Snapshot | null)[]): Promise<Names> {
  const want = { party: new Set<string>(), envoy: new Set<string>(), issue: new Set<string>(), source: new Set<string>(), session: new Set<string>(), series: new Set<string>() };
  for (const s of snapshots) {
    if (!s) continue;
    strings(s.party).forEach((x) => want.party.add(x));
    strings(s.parties).forEach((x) => want.party.add(x));
    if (Array.isArray(s.roles)) for (const r of s.roles) if (r && typeof r === "object" && !Array.isArray(r) && typeof r.party === "string") want.party.add(r.party);
    strings(s.envoy).forEach((x) => want.envoy.add(x));
    if (Array.isArray(s.envoys)) for (const e of s.envoys) if (e && typeof e === "object" && !Array.isArray(e) && typeof e.envoy === "string") want.envoy.add(e.envoy);
    strings(s.issue).forEach((x) => want.issue.add(x));
    strings(s.issues).forEach((x) => want.issue.add(x));
    strings(s.sources).forEach((x) => want.source.add(x));
    strings(s.session).forEach((x) => want.session.add(x));
    strings(s.series).forEach((x) => want.series.add(x));
  }
  const [parties, envoys, issues, sources, sessions, series] = await Promise.all([
    db.party.findMany({ where: { slug: { in: [...want.party] } }, select: { slug: true, shortName: true } }),
    db.envoy.findMany({ where: { slug: { in: [...want.envoy] } }, select: { slug: true, name: true } }),
    db.issue.findMany({ where: { slug: { in: [...want.issue] } }, select: { slug: true, name: true } }),
    db.source.findMany({ where: { id: { in: [...want.source] } }, select: { id: true, publisher: true, title: true } }),
    db.session.findMany({ where: { id: { in: [...want.session] } }, select: { id: true, title: true, localDay: true } }),
    want.series.size ? db.series.findMany({ where: { slug: { in: [...want.series] } }, select: { slug: true, name: true } }) : [],
  ]);
  return {
    party: new Map(parties.map((p) => [p.slug, p.shortName])),
    envoy: new Map(envoys.map((e) => [e.slug, e.name])),
    issue: new Map(issues.map((i) => [i.slug, i.name])),
    source: new Map(sources.map((s) => [s.id, `${s.publisher}, “${s.title}”`])),
    session: new Map(sessions.map((s) => [s.id, s.localDay ? `${s.title} (${formatLocalDay(s.localDay)})` : s.title])),
    series: new Map(series.map((s) => [s.slug, s.name])),
  };
}

export const NONE = "—";

const PARTY_ROLE_ONE = Object.fromEntries(Object.entries(PARTY_ROLE_LABEL).map(([k, v]) => [k, v.one])) as Record<PartyRole, string>;

/** An enum value in the UI's words, capitalized as a table cell's value. */
function label<K extends string>(labels: Record<K, string>, v: JsonValue | undefined): string {
  if (typeof v === "string" && v in labels) {
    const words = labels[v as K];
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return v == null || v === "" ? NONE : scalarText(v);
}

/** A recorded value that is not a label or a day, as text: lists joined, anything else as JSON. */
function scalarText(v: JsonValue): string {
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return String(v);
  return Array.isArray(v) ? v.map(scalarText).join(", ") : JSON.stringify(v);
}

function instant(v: JsonValue | undefined, timeZone: string | null, city: string | null): string {
  if (typeof v !== "string") return NONE;
  const at = new Date(v);
  if (Number.isNaN(at.getTime())) return v;
  if (!timeZone) return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const { day, time } = venueClock(at, timeZone);
  // The zone's abbreviation too: in the hour repeated when clocks go back it says which 02:30.
  return `${formatLocalDay(day)}, ${time} ${zoneAbbreviation(at, timeZone)} (${city ?? timeZone})`;
}

/** One field's value in words; instants on the venue's clock, with its zone and (when given) its city. */
export function showValue(type: RecordedType, field: string, v: JsonValue | undefined, names: Names, timeZone: string | null, city: string | null = null): string {
  const list = (map: Map<string, string>) => {
    const xs = strings(v);
    return xs.length ? xs.map((x) => map.get(x) ?? x).join("; ") : NONE;
  };
  switch (field) {
    case "party":
      return list(names.party);
    case "parties":
      return list(names.party);
    case "envoy":
      return typeof v === "string" ? (names.envoy.get(v) ?? v) : "The party as a whole";
    case "envoys":
      return Array.isArray(v) && v.length
        ? v
            .map((e) => (e && typeof e === "object" && !Array.isArray(e) ? `${names.envoy.get(scalarText(e.envoy ?? null)) ?? scalarText(e.envoy ?? null)} (${label(DELEGATION_ROLE_LABEL, e.role)})` : ""))
            .join("; ")
        : NONE;
    case "roles":
      // Recorded only for parties that are not principals; none recorded means all are.
      return Array.isArray(v) && v.length
        ? v
            .map((r) => (r && typeof r === "object" && !Array.isArray(r) ? `${names.party.get(scalarText(r.party ?? null)) ?? scalarText(r.party ?? null)} (${label(PARTY_ROLE_ONE, r.role)})` : ""))
            .join("; ")
        : "All principals";
    case "series":
      return typeof v === "string" ? (names.series.get(v) ?? v) : "Not part of a series";
    case "round":
      return typeof v === "number" ? `Round ${v}` : NONE;
    case "issue":
    case "issues":
      return list(names.issue);
    case "sources":
      return list(names.source);
    case "session":
      return typeof v === "string" ? (names.session.get(v) ?? "a session no longer recorded") : "No session";
    case "capacity":
      return label(CAPACITY_LABEL, v);
    case "kind":
      return type === "session" ? (v == null ? "Not reported" : label(SESSION_KIND_LABEL, v)) : label(STATEMENT_KIND_LABEL, v);
    case "saidPrecision":
      return label(TIME_PRECISION_LABEL, v);
    case "partOfDay":
      return label(PART_OF_DAY_LABEL, v);
    case "setting":
      return label(SETTING_LABEL, v);
    case "outcome":
      return label(OUTCOME_LABEL, v);
    case "gap":
      return label(GAP_LABEL, v);
    case "status":
      return label(TALK_STATUS_LABEL, v);
    case "saidOn":
    case "reportedOn":
    case "localDay":
    case "firstDay":
    case "lastDay":
    case "publishedOn":
      return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatLocalDay(v) : v == null ? NONE : scalarText(v);
    case "saidAt":
    case "startsAt":
    case "endsAt":
      return instant(v, timeZone, city);
    default:
      return v == null || v === "" ? NONE : typeof v === "string" ? v : JSON.stringify(v);
  }
}

export function asSnapshot(v: unknown): Snapshot | null {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Snapshot) : null;
}
