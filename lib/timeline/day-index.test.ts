import { describe, expect, it } from "vitest";
import { buildDayIndex, DAY_INDEX_DAYS } from "./day-index";

describe("buildDayIndex", () => {
  const talk = { firstDay: "2006-02-04", lastDay: "2006-02-08", venueTimeZone: "Asia/Shanghai" };

  it("lists a short talk's days, folding the empty ones", () => {
    const index = buildDayIndex(talk, [{ day: "2006-02-04", count: 1 }, { day: "2006-02-07", count: 8 }], 2);
    expect(index).toMatchObject({ kind: "days", first: "2006-02-04", last: "2006-02-07", undated: 2 });
    if (index.kind !== "days") throw new Error();
    expect(index.slots.map((s) => (s.kind === "day" ? s.day : `${s.first}…${s.last}`))).toEqual([
      "2006-02-04",
      "2006-02-05…2006-02-06",
      "2006-02-07",
      "2006-02-08…2006-02-08",
    ]);
  });

  it("lists a long talk by months of the years that hold something, whatever its span", () => {
    const days = Array.from({ length: DAY_INDEX_DAYS + 1 }, (_, i) => ({ day: `2003-0${1 + (i % 3)}-${String(1 + Math.floor(i / 3)).padStart(2, "0")}`, count: 2 }));
    days.sort((a, b) => (a.day < b.day ? -1 : 1));
    days.push({ day: "9999-12-31", count: 1 });
    const index = buildDayIndex({ firstDay: "2003-01-01", lastDay: null, venueTimeZone: "Asia/Shanghai" }, days, 0);
    if (index.kind !== "months") throw new Error("expected months");
    expect(index.years.map((y) => y.year)).toEqual(["2003", "9999"]);
    expect(index.years[0]!.months.slice(0, 4)).toEqual([
      { month: "2003-01", first: "2003-01-01", days: 21, count: 42 },
      { month: "2003-02", first: "2003-02-01", days: 21, count: 42 },
      { month: "2003-03", first: "2003-03-01", days: 21, count: 42 },
      null,
    ]);
    expect(index.years[1]!.months[11]).toEqual({ month: "9999-12", first: "9999-12-31", days: 1, count: 1 });
    expect(index.last).toBe("9999-12-31");
  });
});
