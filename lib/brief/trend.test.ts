import { describe, expect, it } from "vitest";
import type { Gap } from "../enums";
import { gapTrend, type AssessedDay } from "./trend";

// Day N of a talk that opened on 1 March 2026.
const on = (number: number, gap: Gap): AssessedDay => ({ day: `2026-03-${String(number).padStart(2, "0")}`, number, gap });
const trend = (...days: AssessedDay[]) => gapTrend(days).text;

describe("gapTrend", () => {
  it("says so when the issue was never assessed", () => {
    expect(gapTrend([])).toEqual({ gap: null, since: null, latest: null, text: "not assessed" });
  });

  it("dates a deadlock from the first day of its unbroken stretch", () => {
    expect(trend(on(1, "narrowing"), on(2, "unchanged"), on(4, "deadlocked"), on(5, "deadlocked"), on(6, "deadlocked"))).toBe("deadlocked since day 4");
    expect(trend(on(4, "deadlocked"))).toBe("deadlocked since day 4");
  });

  it("does not let a day nobody assessed break the stretch", () => {
    expect(trend(on(2, "narrowing"), on(5, "narrowing"))).toBe("narrowing since day 2");
  });

  it("reads the assessments in day order whatever order they come in", () => {
    const result = gapTrend([on(5, "narrowing"), on(2, "narrowing"), on(1, "deadlocked")]);
    expect(result.text).toBe("narrowing since day 2");
    expect(result.since?.number).toBe(2);
    expect(result.latest?.number).toBe(5);
  });

  it("says a gap widened on the one day that says so, and is widening over several", () => {
    expect(trend(on(3, "narrowing"), on(5, "widening"))).toBe("widened on day 5");
    expect(trend(on(3, "narrowing"), on(4, "widening"), on(5, "widening"))).toBe("widening since day 4");
  });

  it("says when agreement came", () => {
    expect(trend(on(2, "narrowing"), on(3, "agreed"))).toBe("agreed on day 3");
    expect(trend(on(2, "agreed"), on(3, "agreed"))).toBe("agreed since day 2");
  });

  it("says what an unchanged gap was before, when that is known", () => {
    expect(trend(on(2, "narrowing"), on(3, "unchanged"), on(4, "unchanged"))).toBe("unchanged since day 3, after narrowing on day 2");
    expect(trend(on(1, "deadlocked"), on(2, "unchanged"))).toBe("unchanged since day 2, after deadlock on day 1");
    expect(trend(on(1, "unchanged"))).toBe("unchanged since day 1");
  });

  it("flags a judgement older than the talk's last day", () => {
    expect(gapTrend([on(4, "deadlocked")], { day: "2026-03-06", number: 6 }).text).toBe("deadlocked since day 4; not assessed after day 4");
    expect(gapTrend([on(4, "deadlocked")], { day: "2026-03-04", number: 4 }).text).toBe("deadlocked since day 4");
  });

  it("names a day before the talk opened by its date", () => {
    expect(trend({ day: "2026-02-27", number: null, gap: "deadlocked" }, on(1, "deadlocked"))).toBe("deadlocked since 2026-02-27");
  });
});
