import { describe, expect, it } from "vitest";
import {
  TALK_SPAN_MAX_YEARS,
  countRows,
  dayOutsideTalk,
  isDayInTalk,
  lastAllowedDay,
  strandedRowsProblem,
  summarizeTalkDays,
  talkDaysProblem,
  talkSpanLimit,
} from "./talk-span";

const closed = { firstDay: "2006-02-04", lastDay: "2006-02-08" };
const open = { firstDay: "2006-02-04", lastDay: null };
const none = { sessions: 0, statements: 0, assessments: 0, linkages: 0 };

describe("a talk's span", () => {
  it("reaches 50 years from the first day, on the same calendar day", () => {
    expect(TALK_SPAN_MAX_YEARS).toBe(50);
    expect(talkSpanLimit("2006-02-04")).toBe("2056-02-04");
    // 29 February 2008 + 50 years: 2058 has no 29 February, so the last day is the 28th.
    expect(talkSpanLimit("2008-02-29")).toBe("2058-02-28");
    // …and when the year has one, it stays the 29th.
    expect(talkSpanLimit("2000-02-29")).toBe("2050-02-28");
    expect(talkSpanLimit("1996-02-29")).toBe("2046-02-28");
    expect(talkSpanLimit("1952-02-29")).toBe("2002-02-28");
    expect(talkSpanLimit("1950-02-28")).toBe("2000-02-28");
  });

  it("accepts a last day up to the limit and refuses one a day later, or before the first", () => {
    expect(talkDaysProblem({ firstDay: "2006-02-04", lastDay: "2056-02-04" })).toBeNull();
    expect(talkDaysProblem({ firstDay: "2008-02-29", lastDay: "2058-02-28" })).toBeNull();
    expect(talkDaysProblem({ firstDay: "2008-02-29", lastDay: "2058-03-01" })).toEqual({
      field: "lastDay",
      message: "A talk spans at most 50 years, so its last day can be 28 February 2058 at the latest.",
    });
    expect(talkDaysProblem({ firstDay: "2006-02-04", lastDay: "9999-12-31" })?.message).toBe(
      "A talk spans at most 50 years, so its last day can be 4 February 2056 at the latest.",
    );
    expect(talkDaysProblem({ firstDay: "2006-02-04", lastDay: "2006-02-03" })).toEqual({ field: "lastDay", message: "The last day cannot be before the first." });
    expect(talkDaysProblem(open)).toBeNull();
    expect(talkDaysProblem({ firstDay: "2006-02-04", lastDay: "2006-02-04" })).toBeNull();
  });

  it("gives an open talk days up to the limit, and a closed one its own", () => {
    expect(lastAllowedDay(open)).toBe("2056-02-04");
    expect(lastAllowedDay(closed)).toBe("2006-02-08");
    // A talk saved before the limit existed keeps its last day, but its rows stop at the limit.
    expect(lastAllowedDay({ firstDay: "2006-02-04", lastDay: "2106-02-04" })).toBe("2056-02-04");
    // Near the end of the calendar the limit is the last day YYYY-MM-DD can name.
    expect(lastAllowedDay({ firstDay: "9990-01-01", lastDay: null })).toBe("9999-12-31");
  });
});

describe("a dated row's day", () => {
  it("falls inside [first day, last day] of a closed talk", () => {
    expect(isDayInTalk(closed, "2006-02-04")).toBe(true);
    expect(isDayInTalk(closed, "2006-02-08")).toBe(true);
    expect(dayOutsideTalk(closed, "2006-02-06")).toBeNull();
    expect(dayOutsideTalk(closed, "2006-02-09")).toBe("That day is outside the talk (4–8 February 2006).");
    expect(dayOutsideTalk(closed, "2006-02-03")).toBe("That day is outside the talk (4–8 February 2006).");
    expect(dayOutsideTalk(closed, "2106-01-01")).toBe("That day is outside the talk (4–8 February 2006).");
  });

  it("falls inside [first day, first day + 50 years] of an open talk", () => {
    expect(dayOutsideTalk(open, "2055-02-04")).toBeNull();
    expect(dayOutsideTalk(open, "2056-02-04")).toBeNull();
    const refusal = "That day is outside the talk (from 4 February 2006): the talk is open, so its days run to 4 February 2056 at most.";
    expect(dayOutsideTalk(open, "2056-02-05")).toBe(refusal);
    expect(dayOutsideTalk(open, "9999-12-31")).toBe(refusal);
    expect(dayOutsideTalk(open, "2006-02-03")).toBe(refusal);
  });

  it("summarizes the talk's days for a form's hint", () => {
    expect(summarizeTalkDays(closed)).toBe("4–8 February 2006");
    expect(summarizeTalkDays(open)).toBe("4 February 2006 to 4 February 2056 at most, while the talk is open");
  });

  it("stops at the limit in a talk that ends later than the rule allows, and says why", () => {
    expect(dayOutsideTalk({ firstDay: "2006-02-04", lastDay: "2106-02-04" }, "2080-01-01", "9999-12-31")).toBe(
      "9999-12-31 is outside the talk (from 4 February 2006): a talk spans at most 50 years, so its days run to 4 February 2056 at most.",
    );
  });
});

describe("changing a talk's days under its rows", () => {
  it("counts the rows in words", () => {
    expect(countRows(none)).toBeNull();
    expect(countRows({ ...none, statements: 1 })).toBe("1 statement");
    expect(countRows({ ...none, sessions: 2, statements: 5 })).toBe("2 sessions and 5 statements");
    expect(countRows({ sessions: 1, statements: 2, assessments: 1, linkages: 3 })).toBe("1 session, 2 statements, 1 gap assessment and 3 linkages");
  });

  it("names the field, how many rows of which kind, and the day they lie beyond", () => {
    const next = { firstDay: "2006-02-04", lastDay: "2006-02-06" };
    expect(strandedRowsProblem(next, { before: none, after: none })).toBeNull();
    expect(strandedRowsProblem(next, { before: none, after: { ...none, sessions: 2, statements: 5, days: ["2006-02-07", "2006-02-08"] } })).toEqual({
      field: "lastDay",
      message: "2 sessions and 5 statements lie after 6 February 2006 (on 7 February 2006 and 8 February 2006); move or delete them first.",
    });
    expect(strandedRowsProblem({ ...next, firstDay: "2006-02-05" }, { before: { ...none, assessments: 1 }, after: none })).toEqual({
      field: "firstDay",
      message: "1 gap assessment lies before 5 February 2006; move or delete it first.",
    });
  });

  it("names at most four days, then how many more", () => {
    const days = ["2006-02-07", "2006-02-08", "2006-02-09", "2006-02-10", "2006-02-11", "2006-02-12"];
    expect(strandedRowsProblem({ firstDay: "2006-02-04", lastDay: "2006-02-06" }, { before: none, after: { ...none, statements: 6, days } })?.message).toBe(
      "6 statements lie after 6 February 2006 (on 7 February 2006, 8 February 2006, 9 February 2006, 10 February 2006 and 2 other days); move or delete them first.",
    );
  });

  it("blames the first day when an open talk's limit moves back past its rows", () => {
    expect(strandedRowsProblem({ firstDay: "1990-01-01", lastDay: null }, { before: none, after: { ...none, statements: 1 } })).toEqual({
      field: "firstDay",
      message: "1 statement lies after 1 January 2040, 50 years after the first day, where an open talk’s days end; move or delete it first.",
    });
  });
});
