import { describe, expect, it } from "vitest";
import { slotDays } from "./day-runs";

const talk = { firstDay: "2006-02-04", lastDay: "2006-02-08", venueTimeZone: "Asia/Shanghai" };
const days = (...list: string[]) => list;
const id = (d: string) => d;

describe("slotDays", () => {
  it("lists recorded days and folds each empty stretch into one run", () => {
    expect(slotDays(talk, days("2006-02-04", "2006-02-07"), id)).toEqual([
      { kind: "day", day: "2006-02-04", number: 1, value: "2006-02-04" },
      { kind: "empty", first: "2006-02-05", last: "2006-02-06", firstNumber: 2, count: 2 },
      { kind: "day", day: "2006-02-07", number: 4, value: "2006-02-07" },
      { kind: "empty", first: "2006-02-08", last: "2006-02-08", firstNumber: 5, count: 1 },
    ]);
  });

  it("opens with a run when the first days hold nothing", () => {
    expect(slotDays(talk, days("2006-02-06"), id)[0]).toEqual({ kind: "empty", first: "2006-02-04", last: "2006-02-05", firstNumber: 1, count: 2 });
  });

  it("keeps its length whatever the dates: a day in the year 9999 adds one run and one day", () => {
    const slots = slotDays({ firstDay: "2006-02-04", lastDay: null, venueTimeZone: "Asia/Shanghai" }, days("2006-02-04", "9999-12-31"), id);
    expect(slots).toHaveLength(3);
    expect(slots[1]).toMatchObject({ kind: "empty", first: "2006-02-05", last: "9999-12-30" });
    expect(slots[2]).toMatchObject({ kind: "day", day: "9999-12-31", number: 2_919_714 });
  });

  it("ends at 9999-12-31, the last day there is, without stepping past it", () => {
    const slots = slotDays({ firstDay: "9999-12-30", lastDay: "9999-12-31", venueTimeZone: "Asia/Shanghai" }, days("9999-12-31"), id);
    expect(slots.map((s) => s.kind)).toEqual(["empty", "day"]);
  });

  it("starts from a later day when asked, numbering days as the talk does", () => {
    expect(slotDays(talk, days("2006-02-07"), id, { from: "2006-02-06" })).toEqual([
      { kind: "empty", first: "2006-02-06", last: "2006-02-06", firstNumber: 3, count: 1 },
      { kind: "day", day: "2006-02-07", number: 4, value: "2006-02-07" },
      { kind: "empty", first: "2006-02-08", last: "2006-02-08", firstNumber: 5, count: 1 },
    ]);
  });

  it("runs an open talk to its latest recorded day, and shows a talk with nothing yet as its first day", () => {
    expect(slotDays({ firstDay: "2006-02-04", lastDay: null, venueTimeZone: "Asia/Shanghai" }, days("2006-02-05"), id)).toEqual([
      { kind: "empty", first: "2006-02-04", last: "2006-02-04", firstNumber: 1, count: 1 },
      { kind: "day", day: "2006-02-05", number: 2, value: "2006-02-05" },
    ]);
    expect(slotDays({ firstDay: "2006-02-04", lastDay: null, venueTimeZone: "Asia/Shanghai" }, [], id)).toEqual([
      { kind: "empty", first: "2006-02-04", last: "2006-02-04", firstNumber: 1, count: 1 },
    ]);
  });

  it("takes in a day recorded before the talk's first day, numbered before day 1", () => {
    expect(slotDays(talk, days("2006-02-01", "2006-02-05"), id).slice(0, 3)).toEqual([
      { kind: "day", day: "2006-02-01", number: -2, value: "2006-02-01" },
      { kind: "empty", first: "2006-02-02", last: "2006-02-04", firstNumber: -1, count: 3 },
      { kind: "day", day: "2006-02-05", number: 2, value: "2006-02-05" },
    ]);
  });
});
