// A talk in the JSON TimelineJS3 reads (the format of its `TL.Timeline(container, data)`: a title
// slide and `events`, each with `start_date` {year, month, day, hour, minute}, `text` {headline,
// text}, `group` and `unique_id`), so a newsroom can put the round in the tool it already uses.
//
// One slide per statement whose day is known, on the venue's calendar and clock: TimelineJS has
// no time zones and shows the numbers it is given, so they are the venue's, and `display_date`
// says so in words ("Tuesday 7 February 2006, 14:30 GMT+8"). No hour where only the day or part of
// the day is known, so TimelineJS shows no more precision than was recorded. A statement whose day
// the sources do not give has no place on a time axis: it gets no slide, and the title slide says
// how many there are and where they are listed (docs/decisions/016-exports.md). Text fields are
// HTML to TimelineJS (it sanitizes them), so every value is escaped.
import { escapeHtml } from "../html";
import { CAPACITY_LABEL, PART_OF_DAY_LABEL, STATEMENT_KIND_LABEL } from "../labels";
import type { TalkExport } from "../talk-document/export";
import { formatDayRange, formatLocalDay } from "../time/local-day";
import { zoneAbbreviation } from "../time/instant";
import { talkDayNumber } from "../time/zone-calendar";
import { citation, exportNames, speakerName, statementPath, venueReading } from "./common";

export const TIMELINEJS_CONTENT_TYPE = "application/json; charset=utf-8";
export const timelineJsFilename = (slug: string) => `${slug}-timelinejs.json`;

type TLDate = { year: number; month: number; day: number; hour?: number; minute?: number; display_date: string };
export type TimelineJsSlide = {
  unique_id: string;
  start_date: TLDate;
  text: { headline: string; text: string };
  group: string;
  display_date: string;
};
export type TimelineJsData = { scale: "human"; title: { unique_id: string; text: { headline: string; text: string } }; events: TimelineJsSlide[] };

/** `siteUrl`: the address readers use (no trailing slash), for the links back to Parley. */
export function buildTimelineJs(x: TalkExport, siteUrl: string): TimelineJsData {
  const zone = x.talk.venueTimeZone;
  const names = exportNames(x);
  const dated = x.statements.filter((s) => s.saidOn !== null);
  const undated = x.statements.length - dated.length;
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

  const events = dated.map((s): TimelineJsSlide => {
    const day = s.saidOn!;
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    const reading = s.saidPrecision === "minute" && s.saidAt ? venueReading(s.saidAt, zone) : null;
    const when = reading
      ? `${formatLocalDay(day)}, ${reading.time} ${zoneAbbreviation(s.saidAt!, zone)}`
      : s.saidPrecision === "part_of_day" && s.partOfDay
        ? `${formatLocalDay(day)}, ${PART_OF_DAY_LABEL[s.partOfDay]}`
        : formatLocalDay(day);
    const [hh, mm] = reading ? (reading.time.split(":").map(Number) as [number, number]) : [];
    const session = s.session ? names.session.get(s.session) : undefined;
    const sources = s.sources.map((k) => names.source.get(k)).filter((src) => src !== undefined);
    const details = [
      `Day ${talkDayNumber(x.talk, day)}`,
      STATEMENT_KIND_LABEL[s.kind],
      CAPACITY_LABEL[s.capacity],
      session ? `in “${session.title}”` : null,
      s.issues.length ? s.issues.map((i) => names.issue.get(i)?.name ?? i).join(", ") : null,
    ].filter(Boolean);
    return {
      unique_id: `statement-${s.id}`,
      start_date: { year, month, day: date, ...(reading ? { hour: hh, minute: mm } : {}), display_date: when },
      display_date: when,
      text: {
        headline: escapeHtml(speakerName(s, names)),
        text: [
          p(s.text),
          p(details.join(" · ")),
          sources.length ? p(`Sources: ${sources.map(citation).join("; ")}`) : p("Unsourced"),
          `<p>${link(`${siteUrl}${statementPath(x.talk.slug, day, s.id)}`, "On Parley")}</p>`,
        ].join(""),
      },
      group: names.party.get(s.party)?.shortName ?? s.party,
    };
  });

  const intro = [
    p(`${x.talk.venueCity} · ${formatDayRange(x.talk.firstDay, x.talk.lastDay)}. Days and clock times are ${x.talk.venueCity}’s (${zone}).`),
    x.talk.summary ? p(x.talk.summary) : "",
    undated > 0
      ? `<p>${escapeHtml(`${undated === 1 ? "One statement is" : `${undated.toLocaleString("en-GB")} statements are`} not on this timeline: the sources do not say on which day ${undated === 1 ? "it was" : "they were"} made. `)}${link(`${siteUrl}/talks/${x.talk.slug}/days/unknown`, "They are listed on Parley")}.</p>`
      : "",
    `<p>${link(`${siteUrl}/talks/${x.talk.slug}`, "The talk on Parley")}</p>`,
  ].join("");
  return { scale: "human", title: { unique_id: `talk-${x.talk.slug}`, text: { headline: escapeHtml(x.talk.title), text: intro } }, events };
}
