// Which days of a talk page are rendered in full on the server and which are deferred: loaded
// by the browser as the reader scrolls near them (or opened on their own day page without
// JavaScript). A talk of a few hundred items renders whole; a 5,000-statement talk sends its first
// screenfuls at once instead of 17 MB of HTML.
export const FULL_RENDER_BUDGET = 240;

export type DaySize = { day: string; items: number };

/** The days to render in full: from the first day on, until the budget is spent (at least one day). */
export function daysToRender(days: DaySize[], budget = FULL_RENDER_BUDGET): Set<string> {
  const total = days.reduce((n, d) => n + d.items, 0);
  if (total <= budget) return new Set(days.map((d) => d.day));
  const full = new Set<string>();
  let spent = 0;
  for (const d of days) {
    if (full.size > 0 && spent + d.items > budget) break;
    full.add(d.day);
    spent += d.items;
  }
  return full;
}
