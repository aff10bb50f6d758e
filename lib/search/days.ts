// Days as SQLite's search index tags them, so that a range of days is a handful of index words
// instead of a comparison on every match (docs/decisions/015-search.md). A record on 2023-02-03 is
// tagged with the day at six scales: z2 (millennium), c20 (century), x202 (decade), y2023, m202302,
// d20230203 (the migration's triggers write them; dayTags writes the same for tests). A range is
// covered by the fewest such blocks: 2023-02-03 to 2023-03-31 is d20230203 … d20230228 and m202303.
// Pure: lib/search/days.test.ts checks that a day is in a range exactly when it has a tag of the cover.
import { LAST_LOCAL_DAY, type LocalDay } from "../time/local-day";

/** Where an open range starts: before any day a record can hold. */
const EARLIEST: LocalDay = "0000-01-01";

/** The tags of a day (YYYY-MM-DD), as the triggers write them. */
export function dayTags(day: LocalDay): string[] {
  const digits = day.replaceAll("-", "");
  return [`z${day.slice(0, 1)}`, `c${day.slice(0, 2)}`, `x${day.slice(0, 3)}`, `y${day.slice(0, 4)}`, `m${digits.slice(0, 6)}`, `d${digits}`];
}

// Not Date.UTC, which reads the years 0–99 as 1900–1999.
const leap = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const lastDayOfMonth = (year: number, month: number) => (month === 2 ? (leap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** The day after (the years 0–99 too, which lib/time's days do not reach). */
function nextDay(day: LocalDay): LocalDay {
  const [y, m, d] = [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
  if (d < lastDayOfMonth(y, m)) return `${day.slice(0, 8)}${pad(d + 1, 2)}`;
  return m < 12 ? `${day.slice(0, 5)}${pad(m + 1, 2)}-01` : `${pad(y + 1, 4)}-01-01`;
}

/** The blocks a day starts, largest first, each with its tag and its last day. */
function blocksStartingAt(day: LocalDay): { tag: string; last: LocalDay }[] {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  const blocks: { tag: string; last: LocalDay }[] = [];
  if (month === 1 && date === 1) {
    for (const [size, letter, digits] of [
      [1000, "z", 1],
      [100, "c", 2],
      [10, "x", 3],
      [1, "y", 4],
    ] as const) {
      if (year % size === 0) blocks.push({ tag: `${letter}${pad(year, 4).slice(0, digits)}`, last: `${pad(year + size - 1, 4)}-12-31` });
    }
  }
  if (date === 1) blocks.push({ tag: `m${day.slice(0, 4)}${day.slice(5, 7)}`, last: `${day.slice(0, 8)}${pad(lastDayOfMonth(year, month), 2)}` });
  blocks.push({ tag: `d${day.replaceAll("-", "")}`, last: day });
  return blocks;
}

/**
 * The tags that cover the days from `from` to `to` (either may be open), largest blocks first
 * taken: at most a few dozen for any range. Empty when the range holds no day.
 */
export function rangeTags(from: LocalDay | undefined, to: LocalDay | undefined): string[] {
  const first = from && from > EARLIEST ? from : EARLIEST;
  const last = to && to < LAST_LOCAL_DAY ? to : LAST_LOCAL_DAY;
  const tags: string[] = [];
  let day = first;
  while (day <= last) {
    const block = blocksStartingAt(day).find((b) => b.last <= last)!;
    tags.push(block.tag);
    if (block.last === LAST_LOCAL_DAY) break;
    day = nextDay(block.last);
  }
  return tags;
}
