import { describe, expect, it } from "vitest";
import { occurrenceLabel, occurrenceOf, readVenueTime, typedVenueTime, venueClock, venueInstant, venueInstants } from "./venue-clock";

// vitest.config.ts runs these in America/Los_Angeles: neither UTC nor any venue's zone.
const GENEVA = { timeZone: "Europe/Zurich", place: "Geneva" };

describe("venue clock times", () => {
  it("runs in a zone that is not the venue's", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/Los_Angeles");
  });

  it("reads 09:30 in Beijing as 01:30 UTC, whatever the server's zone", () => {
    expect(venueInstant("2006-02-07", "09:30", "Asia/Shanghai")?.toISOString()).toBe("2006-02-07T01:30:00.000Z");
  });

  it("keeps the venue's day for a time after midnight there (the day before in UTC)", () => {
    const at = venueInstant("2006-02-05", "01:30", "Asia/Shanghai")!;
    expect(at.toISOString()).toBe("2006-02-04T17:30:00.000Z");
    expect(venueClock(at, "Asia/Shanghai")).toEqual({ day: "2006-02-05", time: "01:30" });
  });

  it("refuses what is not a day and a 24-hour clock time", () => {
    expect(venueInstant("2006-02-30", "09:30", "Asia/Shanghai")).toBeNull();
    expect(venueInstant("2006-02-07", "9:30", "Asia/Shanghai")).toBeNull();
    expect(venueInstant("2006-02-07", "24:00", "Asia/Shanghai")).toBeNull();
  });
});

describe("the hour skipped when Geneva's clocks go forward (Sunday 29 March 2026, 02:00 → 03:00)", () => {
  it("has no 02:00 to 02:59, and the minutes either side are single instants", () => {
    expect(venueInstants("2026-03-29", "02:00", "Europe/Zurich")).toEqual([]);
    expect(venueInstants("2026-03-29", "02:30", "Europe/Zurich")).toEqual([]);
    expect(venueInstants("2026-03-29", "02:59", "Europe/Zurich")).toEqual([]);
    expect(venueInstants("2026-03-29", "01:59", "Europe/Zurich").map((d) => d.toISOString())).toEqual(["2026-03-29T00:59:00.000Z"]);
    expect(venueInstants("2026-03-29", "03:00", "Europe/Zurich").map((d) => d.toISOString())).toEqual(["2026-03-29T01:00:00.000Z"]);
  });

  it("refuses a skipped time with a sentence naming the place, the day and the jump", () => {
    expect(readVenueTime("2026-03-29", "02:30", "Europe/Zurich")).toEqual({ ok: false, problem: "skipped", instants: [] });
    expect(venueInstant("2026-03-29", "02:30", "Europe/Zurich", "first")).toBeNull();
    expect(typedVenueTime({ day: "2026-03-29", time: "02:30", ...GENEVA })).toEqual({
      instant: null,
      problem: "02:30 does not exist in Geneva on Sunday 29 March 2026: the clocks go forward from 02:00 straight to 03:00. Enter the time as the clocks showed it.",
    });
  });
});

describe("the hour repeated when Geneva's clocks go back (Sunday 25 October 2026, 03:00 → 02:00)", () => {
  it("finds both 02:30s, an hour apart, and only one 01:59 and 03:00", () => {
    expect(venueInstants("2026-10-25", "02:30", "Europe/Zurich").map((d) => d.toISOString())).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]);
    expect(venueInstants("2026-10-25", "01:59", "Europe/Zurich")).toHaveLength(1);
    expect(venueInstants("2026-10-25", "03:00", "Europe/Zurich")).toHaveLength(1);
  });

  it("does not guess: without a choice the time is refused, naming both readings", () => {
    expect(venueInstant("2026-10-25", "02:30", "Europe/Zurich")).toBeNull();
    expect(readVenueTime("2026-10-25", "02:30", "Europe/Zurich")).toMatchObject({ ok: false, problem: "ambiguous" });
    expect(typedVenueTime({ day: "2026-10-25", time: "02:30", ...GENEVA }).problem).toBe(
      "02:30 happens twice in Geneva on Sunday 25 October 2026, as the clocks go back from 03:00 to 02:00: choose 02:30 CEST (summer time, first) or 02:30 CET (winter time, second).",
    );
  });

  it("takes the reading the editor chose, and says which one a saved instant is", () => {
    const first = venueInstant("2026-10-25", "02:30", "Europe/Zurich", "first")!;
    const second = venueInstant("2026-10-25", "02:30", "Europe/Zurich", "second")!;
    expect([first.toISOString(), second.toISOString()]).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]);
    expect([occurrenceOf(first, "Europe/Zurich"), occurrenceOf(second, "Europe/Zurich")]).toEqual(["first", "second"]);
    expect(venueClock(second, "Europe/Zurich")).toEqual({ day: "2026-10-25", time: "02:30" });
    expect(occurrenceOf(venueInstant("2026-10-25", "03:30", "Europe/Zurich")!, "Europe/Zurich")).toBeNull();
  });

  it("labels the two readings by zone and season", () => {
    const both = venueInstants("2026-10-25", "02:30", "Europe/Zurich") as [Date, Date];
    expect(occurrenceLabel(both, "first", "Europe/Zurich")).toBe("02:30 CEST (summer time, first)");
    expect(occurrenceLabel(both, "second", "Europe/Zurich")).toBe("02:30 CET (winter time, second)");
  });

  it("works the same for a zone whose change is not an hour (Lord Howe Island, 30 minutes)", () => {
    const both = venueInstants("2026-04-05", "01:45", "Australia/Lord_Howe");
    expect(both.map((d) => d.toISOString())).toEqual(["2026-04-04T14:45:00.000Z", "2026-04-04T15:15:00.000Z"]);
    expect(venueInstants("2026-10-04", "02:15", "Australia/Lord_Howe")).toEqual([]);
  });
});
