// The DOM event the live updates (components/talk/live-updates.tsx) dispatch on `window` when
// days of the talk changed, so the windows of days the browser loaded after the page load again
// (components/timeline/more-days.tsx).
export const DAY_CHANGED_EVENT = "parley:day-changed";

/** `days`: local days ("YYYY-MM-DD" or "unknown"); "all" when a change may show on any day. */
export type DayChangedDetail = { days: string[] | "all" };

/**
 * Dispatched on `window` by a form that saved in place (components/timeline/inline-add.tsx): the
 * page's live updates bring those days up to date in their next refresh, as for a change someone
 * else made, instead of the save's answer carrying a re-render of the whole page.
 */
export const SAVED_IN_PLACE_EVENT = "parley:saved-in-place";
