import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addLocalDays, FIRST_LOCAL_DAY } from "../time/local-day";
import { dayTags, rangeTags } from "./days";

const day = fc.integer({ min: 1_000, max: 3_600_000 }).map((n) => addLocalDays(FIRST_LOCAL_DAY, n));
const nearby = (d: string) => fc.integer({ min: -800, max: 800 }).map((n) => addLocalDays(d, n));

describe("days as the search index tags them", () => {
  it("tags a day at six scales", () => {
    expect(dayTags("2023-02-03")).toEqual(["z2", "c20", "x202", "y2023", "m202302", "d20230203"]);
  });

  it("covers a range with the largest blocks it holds", () => {
    expect(rangeTags("2023-02-03", "2023-02-05")).toEqual(["d20230203", "d20230204", "d20230205"]);
    expect(rangeTags("2023-02-27", "2023-04-01")).toEqual(["d20230227", "d20230228", "m202303", "d20230401"]);
    expect(rangeTags("2020-01-01", "2039-12-31")).toEqual(["x202", "x203"]);
    expect(rangeTags("2026-03-05", undefined).length).toBeLessThan(80);
    expect(rangeTags(undefined, "2006-02-07").length).toBeLessThan(80);
    expect(rangeTags("2024-02-29", "2024-02-28")).toEqual([]);
  });

  it("a day is in a range exactly when one of its tags is in the range's cover", () => {
    fc.assert(
      fc.property(
        day.chain((d) => fc.tuple(fc.option(nearby(d), { nil: undefined }), fc.option(nearby(d), { nil: undefined }), nearby(d))),
        ([from, to, d]) => {
          const cover = new Set(rangeTags(from, to));
          const inRange = (!from || d >= from) && (!to || d <= to);
          expect(dayTags(d).some((t) => cover.has(t))).toBe(inRange);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
