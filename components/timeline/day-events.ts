// The DOM event the live updates (components/talk/live-updates.tsx) dispatch on `window` when
// days of the talk changed, so deferred days already loaded in the page load themselves again.
export const DAY_CHANGED_EVENT = "parley:day-changed";

/** `days`: local days ("YYYY-MM-DD" or "unknown"); "all" when a change may show on any day. */
export type DayChangedDetail = { days: string[] | "all" };
