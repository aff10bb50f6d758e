import { describe, expect, it } from "vitest";
import { venueClock, venueInstant } from "./venue-clock";

describe("venue clock times", () => {
  it("reads 09:30 in Beijing as 01:30 UTC, whatever the server's zone", () => {
    expect(venueInstant("2006-02-07", "09:30", "Asia/Shanghai")?.toISOString()).toBe("2006-02-07T01:30:00.000Z");
  });

  it("keeps the venue's day for a time after midnight there (the day before in UTC)", () => {
    const at = venueInstant("2006-02-05", "01:30", "Asia/Shanghai")!;
    expect(at.toISOString()).toBe("2006-02-04T17:30:00.000Z");
    expect(venueClock(at, "Asia/Shanghai")).toEqual({ day: "2006-02-05", time: "01:30" });
  });

  it("refuses a time the venue's clocks skip when they go forward", () => {
    expect(venueInstant("2026-03-29", "02:30", "Europe/Zurich")).toBeNull();
    expect(venueInstant("2026-03-29", "03:30", "Europe/Zurich")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("takes the later of a time that happens twice when clocks go back, and round-trips it", () => {
    const at = venueInstant("2026-10-25", "02:30", "Europe/Zurich")!;
    expect(at.toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(venueClock(at, "Europe/Zurich")).toEqual({ day: "2026-10-25", time: "02:30" });
  });

  it("refuses what is not a day and a 24-hour clock time", () => {
    expect(venueInstant("2006-02-30", "09:30", "Asia/Shanghai")).toBeNull();
    expect(venueInstant("2006-02-07", "9:30", "Asia/Shanghai")).toBeNull();
    expect(venueInstant("2006-02-07", "24:00", "Asia/Shanghai")).toBeNull();
  });
});
