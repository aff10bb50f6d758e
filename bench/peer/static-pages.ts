// The static reference: the same statements as a plain server-rendered HTML list, no script, no
// framework. A heading per day that has statements (`<section id="day-YYYY-MM-DD">` with an
// `<h2>`), then an ordered list of the day's statements (venue time, party, text), in time order;
// statements whose day is not known come last under "Day not reported". Minimal CSS, inline. This
// is the limit a server-rendered list can reach: what the browser needs to show the same words.
import type { TalkDocument } from "../../lib/talk-document/schema";

const PART_OF_DAY: Record<string, string> = { morning: "morning", afternoon: "afternoon", evening: "evening", night: "night" };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Days with statements, in order (the static list shows only these). */
export function statementDays(doc: TalkDocument): string[] {
  return [...new Set(doc.statements.flatMap((s) => (s.saidOn ? [s.saidOn] : [])))].sort();
}

/** The static list of `doc`'s statements as one HTML page. */
export function staticListHtml(doc: TalkDocument): string {
  const tz = doc.talk.venueTimeZone;
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: tz, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const dayName = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const party = new Map(doc.parties.map((p) => [p.slug, p.shortName ?? p.name]));
  const byDay = new Map<string, typeof doc.statements>();
  for (const s of doc.statements) {
    const day = s.saidOn ?? "unknown";
    let list = byDay.get(day);
    if (!list) byDay.set(day, (list = []));
    list.push(s);
  }
  const when = (s: TalkDocument["statements"][number]) =>
    s.saidPrecision === "minute" && s.saidAt ? time.format(new Date(s.saidAt)) : s.saidPrecision === "part_of_day" && s.partOfDay ? PART_OF_DAY[s.partOfDay]! : "";
  const days = [...statementDays(doc), ...(byDay.has("unknown") ? ["unknown"] : [])];
  const out: string[] = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(doc.talk.title)} (static list)</title>`,
    `<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:0 1rem;color:#222}h2{font-size:1.1rem;margin:1.5rem 0 .25rem}ol{margin:0;padding-left:1.5rem}li{margin:.25rem 0}time{font-variant-numeric:tabular-nums;color:#555}</style>`,
    `</head><body><main id="main"><h1>${escapeHtml(doc.talk.title)}</h1>`,
    `<p>${doc.statements.length.toLocaleString("en-US")} statements, ${escapeHtml(doc.talk.firstDay ?? "")} to ${escapeHtml(doc.talk.lastDay ?? "")}.</p>`,
  ];
  for (const day of days) {
    const statements = [...byDay.get(day)!].sort((a, b) => (a.saidAt ?? "~").localeCompare(b.saidAt ?? "~"));
    const heading = day === "unknown" ? "Day not reported" : dayName.format(new Date(`${day}T00:00:00Z`));
    out.push(`<section id="day-${day}"><h2>${heading}</h2><ol>`);
    for (const s of statements) {
      const t = when(s);
      out.push(`<li>${t ? `<time>${t}</time> ` : ""}<b>${escapeHtml(party.get(s.party) ?? s.party)}</b>: ${escapeHtml(s.text)}</li>`);
    }
    out.push(`</ol></section>`);
  }
  out.push(`</main></body></html>\n`);
  return out.join("\n");
}
