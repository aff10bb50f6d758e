import { describe, expect, it } from "vitest";
import { addLocalDays, eachLocalDay, formatDayRange, formatLocalDay, isLocalDay, isTimeZone, localDayOf } from "./local-day";
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
    expect(zoneAbbreviation(new Date("2026-03-29T00:30:00Z"), "Europe/Zurich")).not.toBe(
      zoneAbbreviation(new Date("2026-03-29T01:30:00Z"), "Europe/Zurich"),
    );
  });
});
