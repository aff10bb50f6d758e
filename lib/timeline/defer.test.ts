import { describe, expect, it } from "vitest";
import { daysToRender } from "./defer";

const days = (...items: number[]) => items.map((n, i) => ({ day: `d${i + 1}`, items: n }));

describe("daysToRender", () => {
  it("renders a talk whole while it fits the budget", () => {
    expect([...daysToRender(days(100, 0, 100, 40), 240)]).toEqual(["d1", "d2", "d3", "d4"]);
  });

  it("renders the first days until the budget is spent, and defers the rest", () => {
    expect([...daysToRender(days(100, 0, 100, 41, 5), 240)]).toEqual(["d1", "d2", "d3"]);
  });

  it("always renders the first day, however large", () => {
    expect([...daysToRender(days(900, 1), 240)]).toEqual(["d1"]);
  });
});
