// The sessions of a talk as an iCalendar file (RFC 5545), for a calendar program:
// - a session whose start is known: DTSTART (and DTEND when its end is known) on the venue's
//   clock, with TZID naming the venue's zone and a VTIMEZONE for it, made from the changes of
//   offset the runtime's time-zone data has in the years the sessions cover (lib/time/zone-calendar.ts,
//   exact to the second), so a session across the night the clocks change keeps its real length;
// - a session whose day is known but not its start: an all-day event on that day (VALUE=DATE);
// - a session whose day is not known: no event (a calendar cannot hold "some day").
// Text is escaped and lines are folded at 75 octets, never inside a character. UIDs come from the
// session's id, so an edited session replaces itself in a subscribed calendar; DTSTAMP is when it
// last changed, so the same talk gives the same file. Written here rather than by a library: the
// one that would fit (ical-generator) reads a plain Date's clock in the server's own zone, or
// through @date-fns/tz's TZDate, which gets offsets with seconds wrong (docs/decisions/014, 016).
import type { ExportSession, TalkExport } from "../talk-document/export";
import { OUTCOME_LABEL, SESSION_KIND_LABEL } from "../labels";
import { addLocalDays, formatLocalDay } from "../time/local-day";
import { zoneAbbreviation } from "../time/instant";
import { clockChanges, zoneOffsetMs } from "../time/zone-calendar";
import { exportNames, citation } from "./common";

export const ICS_CONTENT_TYPE = "text/calendar; charset=utf-8";
export const icsFilename = (slug: string) => `${slug}-sessions.ics`;

/** `siteUrl`: the address readers use (no trailing slash), for each event's link. */
export function writeSessionsIcs(x: TalkExport, siteUrl: string): string {
  const zone = x.talk.venueTimeZone;
  const names = exportNames(x);
  const dated = x.sessions.filter((s) => s.localDay !== null);
  const timed = dated.filter((s) => s.startsAt !== null);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Parley//Sessions of a talk//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(`${x.talk.title} — sessions`)}`,
    `X-WR-TIMEZONE:${zone}`,
  ];
  if (timed.length > 0) {
    const instants = timed.flatMap((s) => [s.startsAt!.getTime(), ...(s.endsAt ? [s.endsAt.getTime()] : [])]);
    lines.push(...vtimezone(zone, Math.min(...instants), Math.max(...instants)));
  }
  for (const s of dated) lines.push(...vevent(s, x, names, siteUrl));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

function vevent(s: ExportSession, x: TalkExport, names: ReturnType<typeof exportNames>, siteUrl: string): string[] {
  const zone = x.talk.venueTimeZone;
  const url = `${siteUrl}/talks/${x.talk.slug}/days/${s.localDay}#session-${s.id}`;
  const when = s.startsAt
    ? [`DTSTART;TZID=${zone}:${localStamp(s.startsAt, zone)}`, ...(s.endsAt ? [`DTEND;TZID=${zone}:${localStamp(s.endsAt, zone)}`] : [])]
    : [`DTSTART;VALUE=DATE:${compactDay(s.localDay!)}`, `DTEND;VALUE=DATE:${compactDay(addLocalDays(s.localDay!, 1))}`];
  const description = [
    [s.kind ? SESSION_KIND_LABEL[s.kind] : "Kind of meeting not reported", OUTCOME_LABEL[s.outcome]].join(" · "),
    s.summary,
    s.outcomeNote ? `Outcome: ${s.outcomeNote}` : "",
    !s.startsAt ? `The sources give the day (${formatLocalDay(s.localDay!)}) but not the time.` : !s.endsAt ? "The sources do not give when it ended." : "",
    s.issues.length ? `Issues: ${s.issues.map((i) => names.issue.get(i)?.name ?? i).join(", ")}` : "",
    s.sources.length ? `Sources: ${s.sources.map((k) => names.source.get(k)).filter((src) => src !== undefined).map(citation).join("; ")}` : "Unsourced",
    url,
  ].filter(Boolean);
  return [
    "BEGIN:VEVENT",
    `UID:session-${s.id}@parley`,
    `DTSTAMP:${utcStamp(s.updatedAt)}`,
    ...when,
    `SUMMARY:${escapeText(s.title)}`,
    `DESCRIPTION:${escapeText(description.join("\n\n"))}`,
    `LOCATION:${escapeText(x.talk.venueCity)}`,
    `URL:${url}`,
    "END:VEVENT",
  ];
}

/**
 * The zone as iCalendar describes it, over [from, to] (epoch ms) widened to whole years: the
 * offset in force at the start, then one observance per change of offset, each a single onset
 * (no rules: the runtime's data says what happened, rules would only restate it). A change is
 * DAYLIGHT when it moves the clocks ahead of that year's standard time (the smaller of its
 * January and July offsets), STANDARD otherwise — Kathmandu's +05:30 → +05:45 is a new standard.
 */
export function vtimezone(zone: string, from: number, to: number): string[] {
  const start = Date.UTC(new Date(from).getUTCFullYear(), 0, 1) - 14 * 3_600_000;
  const end = Date.UTC(new Date(to).getUTCFullYear() + 1, 0, 1) + 14 * 3_600_000;
  const standardOf = (at: number) => {
    const year = new Date(at).getUTCFullYear();
    return Math.min(zoneOffsetMs(zone, Date.UTC(year, 0, 1)), zoneOffsetMs(zone, Date.UTC(year, 6, 1)));
  };
  const observance = (at: number, before: number, after: number) => {
    const kind = after > standardOf(at) ? "DAYLIGHT" : "STANDARD";
    return [
      `BEGIN:${kind}`,
      `DTSTART:${compactLocal(at + before)}`,
      `TZOFFSETFROM:${icsOffset(before)}`,
      `TZOFFSETTO:${icsOffset(after)}`,
      `TZNAME:${escapeText(zoneAbbreviation(new Date(at), zone))}`,
      `END:${kind}`,
    ];
  };
  const initial = zoneOffsetMs(zone, start);
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    `X-LIC-LOCATION:${zone}`,
    ...observance(start, initial, initial),
    ...clockChanges(zone, start, end).flatMap((c) => observance(c.at, c.before, c.after)),
    "END:VTIMEZONE",
  ];
}

/** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \n, other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

/** The octets of a character in UTF-8. */
const utf8Size = (char: string) => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/** A content line folded so that no line is longer than 75 octets, each break before a whole character. */
export function foldLine(line: string): string {
  // Most lines are short and ASCII: 75 characters or fewer of at most 3 octets each can be 225 octets, so count.
  if (line.length <= 25 || (line.length <= 75 && !/[^\x00-\x7f]/.test(line))) return line;
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Size(char);
    // A continuation line starts with a space, which counts.
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const digits = (iso: string) => iso.replace(/[-:]/g, "");
/** 20060204T093000: the venue's clock at an instant. */
const localStamp = (instant: Date, zone: string) => compactLocal(instant.getTime() + zoneOffsetMs(zone, instant.getTime()));
const compactLocal = (localMs: number) => digits(new Date(localMs).toISOString().slice(0, 19));
const utcStamp = (instant: Date) => `${digits(instant.toISOString().slice(0, 19))}Z`;
const compactDay = (day: string) => day.replaceAll("-", "");

/** +0100, -0230, -004430 (RFC 5545 utc-offset, seconds only when there are some). */
function icsOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const hhmm = `${String(Math.floor(total / 3600)).padStart(2, "0")}${String(Math.floor((total % 3600) / 60)).padStart(2, "0")}`;
  return `${sign}${hhmm}${total % 60 ? String(total % 60).padStart(2, "0") : ""}`;
}
