// How much of a talk a page renders in full: a window of days from a given day, within a budget
// of items and of days, whatever the talk's size or span. The talk page sends its first window at
// once; later windows load as the reader nears them (or open as pages of their own without
// JavaScript); the print view renders them all, one window after another. Pure: window.test.ts.

/** Sessions, statements and assessments a window renders in full, at most (at least one day). */
export const WINDOW_ITEMS = 60;
/** Days (that hold something) a window renders, at most: keeps the gap strip a month wide. */
export const WINDOW_DAYS = 31;

/** The day key of sessions and statements whose day is not known: after every dated day. */
export const UNDATED_DAY = "unknown";

export type DaySize = { day: string; items: number };
export type WindowBudget = { items: number; days: number };
export const DEFAULT_BUDGET: WindowBudget = { items: WINDOW_ITEMS, days: WINDOW_DAYS };

export type TimelineWindow = {
  /** Index of the first day in the window and one past its last. */
  start: number;
  end: number;
  /** Where the window just before this one starts, or null at the beginning. */
  previous: string | null;
  /** Where the next window starts (the day after this one's last), or null at the end. */
  next: string | null;
};

/**
 * The window of `days` (in order; "unknown" last) that starts at `from`: the first day on or after
 * it (the last day when none is), or the first day when `from` is null.
 */
export function windowAt(days: readonly DaySize[], from: string | null, budget: WindowBudget = DEFAULT_BUDGET): TimelineWindow {
  if (days.length === 0) return { start: 0, end: 0, previous: null, next: null };
  let start = from === null ? 0 : days.findIndex((d) => d.day >= from);
  if (start < 0) start = days.length - 1;
  const end = fill(days, start, 1, budget);
  const previousStart = start === 0 ? null : fill(days, start - 1, -1, budget) + 1;
  return {
    start,
    end,
    previous: previousStart === null ? null : days[previousStart]!.day,
    next: end < days.length ? days[end]!.day : null,
  };
}

/** From `at`, walking by `step`, the index one past the last day that fits the budget. */
function fill(days: readonly DaySize[], at: number, step: 1 | -1, budget: WindowBudget): number {
  let items = 0;
  let i = at;
  for (let taken = 0; i >= 0 && i < days.length; i += step, taken++) {
    const size = days[i]!.items;
    if (taken > 0 && (items + size > budget.items || taken >= budget.days)) break;
    items += size;
  }
  return i;
}
