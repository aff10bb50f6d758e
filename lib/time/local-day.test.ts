import { describe, expect, it } from "vitest";
import {
  FIRST_LOCAL_DAY,
  LAST_LOCAL_DAY,
  addLocalDays,
  formatDayRangeShort,
  addLocalYears,
  eachLocalDay,
  formatDayRange,
  formatLocalDay,
  formatLocalDayDate,
  isLocalDay,
  isTimeZone,
  localDayOf,
  localDaysBetween,
} from "./local-day";
import { formatClock, zoneAbbreviation } from "./instant";

describe("local days", () => {
  it("accepts real calendar days only", () => {
    expect(isLocalDay("2006-02-04")).toBe(true);
    expect(isLocalDay("2006-02-30")).toBe(false);
    expect(isLocalDay("2006-2-4")).toBe(false);
    expect(isLocalDay("2006-02-04T00:00")).toBe(false);
  });

  it("labels a day the same whatever the server's own zone", () => {
    // The process zone is fixed by vitest's environment; the label must not depend on it.
    expect(formatLocalDay("2006-02-04")).toBe("Saturday 4 February 2006");
    expect(formatLocalDay("2026-03-29")).toBe("Sunday 29 March 2026");
  });

  it("steps over daylight-saving changes a whole day at a time", () => {
    expect(eachLocalDay("2026-03-28", "2026-03-30")).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(addLocalDays("2026-10-24", 2)).toBe("2026-10-26");
  });

  it("finds the venue's day of an instant", () => {
    expect(localDayOf(new Date("2006-02-04T17:30:00Z"), "Asia/Shanghai")).toBe("2006-02-05");
    expect(localDayOf(new Date("2006-02-04T17:30:00Z"), "America/New_York")).toBe("2006-02-04");
  });

  it("formats day ranges, including an open end", () => {
    expect(formatDayRange("2006-02-04", "2006-02-08")).toBe("4–8 February 2006");
    expect(formatDayRange("2006-02-27", "2006-03-02")).toBe("27 February – 2 March 2006");
    expect(formatDayRange("2006-02-04", null)).toBe("from 4 February 2006");
  });

  it("knows IANA zones", () => {
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("clock times", () => {
  it("shows the venue's wall-clock time on both sides of a daylight-saving change", () => {
    expect(formatClock(new Date("2026-03-29T00:30:00Z"), "Europe/Zurich")).toBe("01:30");
    expect(formatClock(new Date("2026-03-29T01:30:00Z"), "Europe/Zurich")).toBe("03:30");
    // Half past midnight is 00:30, not 24:30.
    expect(formatClock(new Date("2026-03-28T23:30:00Z"), "Europe/Zurich")).toBe("00:30");
    expect(zoneAbbreviation(new Date("2026-03-29T00:30:00Z"), "Europe/Zurich")).not.toBe(
      zoneAbbreviation(new Date("2026-03-29T01:30:00Z"), "Europe/Zurich"),
    );
  });
});

describe("calendar arithmetic whatever the server's zone", () => {
  // vitest runs in America/Los_Angeles (vitest.config.ts), whose clocks went forward on 8 March
  // 2026 and back on 1 November 2026: stepping the server's local calendar would lose a day here.
  it("adds days across the server's own daylight-saving changes", () => {
    expect(addLocalDays("2026-03-07", 2)).toBe("2026-03-09");
    expect(addLocalDays("2026-10-31", 2)).toBe("2026-11-02");
    expect(addLocalDays("2026-03-09", -2)).toBe("2026-03-07");
    expect(localDaysBetween("2026-03-07", "2026-03-09")).toBe(2);
    expect(eachLocalDay("2026-03-07", "2026-03-09")).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
  });

  it("adds years as anniversaries: 29 February falls on the 28th in a common year", () => {
    expect(addLocalYears("2006-02-04", 50)).toBe("2056-02-04");
    expect(addLocalYears("2008-02-29", 50)).toBe("2058-02-28");
    expect(addLocalYears("2008-02-29", 4)).toBe("2012-02-29");
    expect(addLocalYears("2026-03-07", 50)).toBe("2076-03-07");
    expect(addLocalYears("2056-02-04", -50)).toBe("2006-02-04");
  });

  it("stops at the last day YYYY-MM-DD can write", () => {
    expect(addLocalYears("9990-06-01", 50)).toBe(LAST_LOCAL_DAY);
    expect(LAST_LOCAL_DAY).toBe("9999-12-31");
    expect(addLocalYears("0120-06-01", -50)).toBe(FIRST_LOCAL_DAY);
  });

  it("names a day in a sentence without its weekday", () => {
    expect(formatLocalDayDate("2056-02-04")).toBe("4 February 2056");
    expect(formatLocalDayDate("9999-12-31")).toBe("31 December 9999");
  });

  it("writes a stretch of days compactly, with the years only when they differ", () => {
    expect(formatDayRangeShort("2006-02-05", "2006-02-06")).toBe("5–6 Feb");
    expect(formatDayRangeShort("2006-02-28", "2006-03-02")).toBe("28 Feb – 2 Mar");
    expect(formatDayRangeShort("2006-12-30", "9999-12-30")).toBe("Dec 2006 – Dec 9999");
  });
});
