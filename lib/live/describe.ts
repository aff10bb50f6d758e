// What a revision means to someone reading the talk: which days of the timeline it touched, and a
// sentence for the screen reader ("New statement by Song Il Ho on Day 4 · Tuesday 7 February
// 2006"). Pure: the revision rows and the names they refer to come in, the events go out.
import { sessionDay, statementDay } from "../timeline/build";
import { formatLocalDay, isLocalDay } from "../time/local-day";
import { talkDayNumber } from "../time/zone-calendar";
import { formatCursor } from "./cursor";

/** The day key of sessions and statements whose day is not known (as on the day pages). */
export const UNDATED = "unknown";

export type RevisionAction = "create" | "update" | "delete" | "restore";

export type RevisionRow = {
  id: string;
  at: Date;
  /** The talk it is filed under; null for shared records (parties, envoys, issues, sources). */
  talkId?: string | null;
  entityType: string;
  entityId: string;
  action: RevisionAction;
  before: unknown;
  after: unknown;
};

/** One change, as the event stream sends it (JSON) and the browser receives it. */
export type LiveChange = {
  /** The revision's cursor: the event's id, handed back as Last-Event-ID. */
  id: string;
  entityType: string;
  entityId: string;
  action: RevisionAction;
  /** The local days ("YYYY-MM-DD", or "unknown") whose content changed. */
  days: string[];
  /** True when the change may show on every day (the talk's own details, its time zone). */
  everyDay: boolean;
  /** The day it is on now (after the change), else before; null when not about a day. */
  day: string | null;
  /** "Day 4 · Tuesday 7 February 2006", "Day not reported", or null. */
  dayLabel: string | null;
  /** Short: "New statement by Song Il Ho on day 4". */
  summary: string;
  /** For the live region: "New statement by Song Il Ho on Day 4 · Tuesday 7 February 2006". */
  announcement: string;
};

export type DescribeContext = {
  /** The talk's first day and zone: day numbers and the day of timed items. */
  talk: { firstDay: string; venueTimeZone: string };
  /** Names by id and by slug. */
  envoys: ReadonlyMap<string, string>;
  parties: ReadonlyMap<string, string>;
  issues: ReadonlyMap<string, string>;
};

type Fields = Record<string, unknown>;

const asFields = (value: unknown): Fields | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as Fields) : null);
const text = (f: Fields | null, key: string): string | null => {
  const v = f?.[key];
  return typeof v === "string" && v !== "" ? v : null;
};
const instant = (f: Fields | null, key: string): Date | null => {
  const v = text(f, key);
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};
const localDay = (f: Fields | null, key: string): string | null => {
  const v = text(f, key);
  return v && isLocalDay(v) ? v : null;
};

/**
 * An envoy, party or issue a revision names: by slug in the editors' snapshots (lib/mutations/
 * snapshot.ts: `envoy: "song-il-ho"`), by id in rows written by the seed and imports (`envoyId`).
 */
const named = (f: Fields | null, what: "envoy" | "party" | "issue"): string | null => text(f, `${what}Id`) ?? text(f, what);

/** The envoys, parties and issues (ids or slugs) a batch names, to look their names up in one query each. */
export function referencedNames(rows: RevisionRow[]): { envoys: string[]; parties: string[]; issues: string[] } {
  const found = { envoys: new Set<string>(), parties: new Set<string>(), issues: new Set<string>() };
  for (const row of rows) {
    for (const f of [asFields(row.before), asFields(row.after)]) {
      for (const [what, set] of [["envoy", found.envoys], ["party", found.parties], ["issue", found.issues]] as const) {
        const key = named(f, what);
        if (key) set.add(key);
      }
    }
  }
  return { envoys: [...found.envoys], parties: [...found.parties], issues: [...found.issues] };
}

export function describeRevision(row: RevisionRow, ctx: DescribeContext): LiveChange {
  const before = asFields(row.before);
  const after = asFields(row.after);
  const current = after ?? before;
  const tz = ctx.talk.venueTimeZone;

  let dayOf: (f: Fields | null) => string | null = () => null;
  let subject: string;
  let everyDay = false;
  switch (row.entityType) {
    case "statement": {
      dayOf = (f) => (f ? (statementDay({ saidOn: localDay(f, "saidOn"), saidAt: instant(f, "saidAt") }, tz) ?? UNDATED) : null);
      const who = ctx.envoys.get(named(current, "envoy") ?? "") ?? ctx.parties.get(named(current, "party") ?? "");
      subject = who ? `statement by ${who}` : "statement";
      break;
    }
    case "session": {
      dayOf = (f) =>
        f ? (sessionDay({ localDay: localDay(f, "localDay"), startsAt: instant(f, "startsAt") }, tz) ?? UNDATED) : null;
      const title = text(current, "title");
      subject = title ? `session “${title}”` : "session";
      break;
    }
    case "assessment": {
      dayOf = (f) => localDay(f, "localDay");
      const issue = ctx.issues.get(named(current, "issue") ?? "");
      subject = issue ? `gap assessment on ${issue}` : "gap assessment";
      break;
    }
    case "linkage": {
      const party = ctx.parties.get(named(current, "party") ?? "");
      subject = party ? `linkage set by ${party}` : "linkage";
      break;
    }
    case "talk":
      subject = "the talk’s details";
      everyDay = true;
      break;
    // Shared records (./changes.ts sends only those the talk uses): their names and titles
    // show on any day.
    case "party":
      subject = `party ${text(current, "shortName") ?? text(current, "name") ?? ""}`.trim();
      everyDay = true;
      break;
    case "envoy":
      subject = `envoy ${text(current, "name") ?? ""}`.trim();
      everyDay = true;
      break;
    case "issue":
      subject = text(current, "name") ? `issue “${text(current, "name")}”` : "issue";
      everyDay = true;
      break;
    case "source":
      subject = text(current, "title") ? `source “${text(current, "title")}”` : "source";
      everyDay = true;
      break;
    case "series":
      subject = text(current, "name") ? `series “${text(current, "name")}”` : "series";
      everyDay = true;
      break;
    default:
      // A kind of row this code does not know yet: say something true, reload everything.
      subject = row.entityType.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
      everyDay = true;
  }

  const dayBefore = dayOf(before);
  const dayAfter = dayOf(after);
  const day = dayAfter ?? dayBefore;
  const days = [...new Set([dayBefore, dayAfter].filter((d): d is string => d !== null))];
  const moved = dayBefore !== null && dayAfter !== null && dayBefore !== dayAfter;

  const dayNumber = (d: string) => talkDayNumber(ctx.talk, d);
  const shortDay = (d: string) => (d === UNDATED ? "day not reported" : `day ${dayNumber(d)}`);
  const longDay = (d: string) => (d === UNDATED ? "Day not reported" : `Day ${dayNumber(d)} · ${formatLocalDay(d)}`);
  const where = (d: string | null, label: (d: string) => string) => (d === null ? "" : d === UNDATED ? ` (${label(d).toLowerCase()})` : ` on ${label(d)}`);

  const sentence = (label: (d: string) => string): string => {
    const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
    if (row.entityType === "talk") return row.action === "create" ? "Talk created" : `The talk’s details were ${PAST[row.action]}`;
    if (moved && row.action === "update") return `${Subject} moved from ${label(dayBefore)} to ${label(dayAfter)}`;
    if (row.action === "create") return `New ${subject}${where(day, label)}`;
    return `${Subject}${where(day, label)} ${PAST[row.action]}`;
  };

  return {
    id: formatCursor({ at: row.at.getTime(), id: row.id }),
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    days,
    everyDay,
    day,
    dayLabel: day === null ? null : longDay(day),
    summary: sentence(shortDay),
    announcement: sentence(longDay),
  };
}

const PAST: Record<RevisionAction, string> = { create: "created", update: "edited", delete: "removed", restore: "restored" };
