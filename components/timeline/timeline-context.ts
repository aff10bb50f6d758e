// What the timeline's days need to know about the talk and the page they are on, built the same
// way by the talk page, its day pages, its print view and the later windows the browser loads.
import type { TalkFrame } from "@/lib/data/talks";
import { filtersToQuery, hasFilters } from "@/lib/timeline/filters";
import { UNDATED_DAY } from "@/lib/timeline/window";
import { nextSessionDay } from "@/lib/editing/defaults";
import type { WindowContent } from "@/lib/data/talk-window";
import { formatLocalDayShort } from "@/lib/time/local-day";
import type { TimelineContext } from "./timeline-days";

export { windowHref } from "./window-href";

/** The moments a view is of ("as known on", "what changed since"), as they stand in its address. */
export type Moments = { asOf?: string | null; since?: string | null };

/** The filters' query with the view's moments after them: "" or "?…" (docs/decisions/026-as-known-on-days-and-issues.md). */
export function queryWithMoments(filterQuery: string, moments: Moments = {}): string {
  const q = new URLSearchParams(filterQuery);
  if (moments.asOf) q.set("asOf", moments.asOf);
  if (moments.since) q.set("since", moments.since);
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * `moments`: on an "as known on" or "what changed since" view, its day links and statement
 * permalinks keep the moment, so that a day opened from it is the same moment's.
 */
export function timelineContext(frame: Pick<TalkFrame, "talk" | "parties" | "issues" | "filters">, editable: boolean, moments: Moments = {}): TimelineContext {
  return {
    talkPath: `/talks/${frame.talk.slug}`,
    timeZone: frame.talk.venueTimeZone,
    parties: frame.parties.map((p) => p.slug),
    issueNames: Object.fromEntries(frame.issues.map((i) => [i.slug, i.name])),
    filtered: hasFilters(frame.filters),
    query: queryWithMoments(filtersToQuery(frame.filters), moments),
    editable,
  };
}

/** Where a window of days starts, in words: "Tue 7 Feb 2006", or "the days not reported". */
export function windowLabel(from: string | null): string | null {
  if (from === null) return null;
  return from === UNDATED_DAY ? "the days not reported" : `${formatLocalDayShort(from)} ${from.slice(0, 4)}`;
}

/**
 * For editors, when the window reaches the talk's last day: the day after it, for "Add the next
 * day's session" on that day (issue 12). Without it (readers, an earlier window), unchanged.
 */
export function withNextDay(ctx: TimelineContext, talk: Pick<TalkFrame["talk"], "firstDay" | "lastDay" | "venueTimeZone">, window: WindowContent): TimelineContext {
  if (!ctx.editable || (window.next !== null && window.next !== UNDATED_DAY)) return ctx;
  const last = window.slots.at(-1);
  if (!last) return ctx;
  const day = last.kind === "day" ? last.day : last.last;
  const next = nextSessionDay({ ...talk, venueTimeZone: talk.venueTimeZone }, day);
  return next ? { ...ctx, nextDay: next } : ctx;
}
