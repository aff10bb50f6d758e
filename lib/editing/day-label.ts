// A day of a talk as the editing pages name it, on the server (breadcrumbs, session choices) and
// in the browser (the breadcrumb that follows the day chosen in a form). Pure.
import { formatLocalDayShort, type LocalDay } from "../time/local-day";
import { talkDayNumber } from "../time/zone-calendar";

/** "Day 4 · Tue 7 Feb" or "Day not reported". */
export function dayLabel(talk: { firstDay: LocalDay; venueTimeZone: string }, day: LocalDay | null): string {
  return day ? `Day ${talkDayNumber(talk, day)} · ${formatLocalDayShort(day)}` : "Day not reported";
}
