import { describe, expect, it } from "vitest";
import { windowAt } from "./window";

const days = (...items: number[]) => items.map((n, i) => ({ day: `2006-02-${String(i + 1).padStart(2, "0")}`, items: n }));
const budget = { items: 240, days: 31 };

describe("windowAt", () => {
  it("renders a talk whole while it fits the budget", () => {
    expect(windowAt(days(100, 0, 100, 40), null, budget)).toEqual({ start: 0, end: 4, previous: null, next: null });
  });

  it("takes the first days until the budget is spent, and says where the next window starts", () => {
    expect(windowAt(days(100, 1, 100, 41, 5), null, budget)).toEqual({ start: 0, end: 3, previous: null, next: "2006-02-04" });
  });

  it("always takes the window's first day, however large", () => {
    expect(windowAt(days(900, 1), null, budget)).toMatchObject({ start: 0, end: 1, next: "2006-02-02" });
  });

  it("stops at the day budget too", () => {
    expect(windowAt(days(...Array<number>(40).fill(1)), null, budget)).toMatchObject({ start: 0, end: 31 });
  });

  it("starts at the first day on or after `from`, and finds the window before it", () => {
    const list = days(100, 100, 100, 100, 100);
    expect(windowAt(list, "2006-02-04", budget)).toEqual({ start: 3, end: 5, previous: "2006-02-02", next: null });
    expect(windowAt(list, "2006-02-03T", budget)).toMatchObject({ start: 3 });
  });

  it("shows the last day when `from` is past the end, and the undated items after every day", () => {
    const list = [...days(1, 1), { day: "unknown", items: 3 }];
    expect(windowAt(list, "2099-01-01", budget)).toMatchObject({ start: 2, end: 3 });
    expect(windowAt(list, "unknown", budget)).toMatchObject({ start: 2, previous: "2006-02-01" });
  });

  it("has nothing to show for a talk with nothing recorded", () => {
    expect(windowAt([], null, budget)).toEqual({ start: 0, end: 0, previous: null, next: null });
  });
});
