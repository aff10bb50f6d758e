// The venue's calendar where it is not every date in turn: Apia skipped Friday 30 December 2011
// crossing the date line, Kwajalein skipped 21 August 1993; Lord Howe moves its clocks by half an
// hour; Kathmandu sits at +05:45; Monrovia was 44 min 30 s behind UTC until 1972.
import { describe, expect, it } from "vitest";
import { slotDays } from "../timeline/day-runs";
import { resolveSessionTimes, sessionSpan } from "./session-times";
import { venueInstants, venueTimeProblem, readVenueTime } from "./venue-clock";
import {
  clockChangeOn,
  clockChanges,
  describeJump,
  isSkippedDay,
  nextZoneDay,
  skippedDayProblem,
  skippedDays,
  talkDayNumber,
  zoneDaysBetween,
  zoneOffsetMs,
} from "./zone-calendar";

const APIA = "Pacific/Apia";
const H = 3_600_000;

describe("Apia, Samoa: Friday 30 December 2011 did not happen", () => {
  it("is the one date skipped there, and no other zone's date in 2011 but Fakaofo's", () => {
    expect(skippedDays(APIA, "2011-01-01", "2012-12-31")).toEqual(["2011-12-30"]);
    expect(isSkippedDay(APIA, "2011-12-30")).toBe(true);
    expect(isSkippedDay(APIA, "2011-12-29")).toBe(false);
    expect(skippedDays("Pacific/Fakaofo", "2011-01-01", "2011-12-31")).toEqual(["2011-12-30"]);
    expect(skippedDays("Europe/Zurich", "1900-01-01", "2099-12-31")).toEqual([]);
  });

  it("numbers the talk's days without it: Thursday is day 2, Saturday day 3", () => {
    const talk = { firstDay: "2011-12-28", venueTimeZone: APIA };
    expect([talkDayNumber(talk, "2011-12-28"), talkDayNumber(talk, "2011-12-29"), talkDayNumber(talk, "2011-12-31"), talkDayNumber(talk, "2012-01-01")]).toEqual([1, 2, 3, 4]);
    expect(zoneDaysBetween(APIA, "2011-12-28", "2012-01-01")).toBe(4);
    expect(nextZoneDay(APIA, "2011-12-29")).toBe("2011-12-31");
    expect(nextZoneDay(APIA, "2011-12-31")).toBe("2012-01-01");
  });

  it("lists no empty day for it: a run over the skipped date counts the days that happened", () => {
    const talk = { firstDay: "2011-12-28", lastDay: "2012-01-02", venueTimeZone: APIA };
    const slots = slotDays(talk, ["2011-12-28", "2012-01-02"], (d) => d);
    expect(slots).toEqual([
      { kind: "day", day: "2011-12-28", number: 1, value: "2011-12-28" },
      { kind: "empty", first: "2011-12-29", last: "2012-01-01", firstNumber: 2, count: 3 },
      { kind: "day", day: "2012-01-02", number: 5, value: "2012-01-02" },
    ]);
    // A stretch that is only the skipped date is no stretch at all.
    expect(slotDays(talk, ["2011-12-29", "2011-12-31"], (d) => d).filter((s) => s.kind === "empty" && s.first === "2011-12-30")).toEqual([]);
  });

  it("refuses the date with a sentence naming the jump, and any time on it", () => {
    const sentence = "Friday 30 December 2011 did not happen in Apia: the clocks went from 23:59:59 on Thursday 29 December 2011 straight to 00:00 on Saturday 31 December 2011.";
    expect(skippedDayProblem(APIA, "2011-12-30", "Apia")).toBe(sentence);
    expect(skippedDayProblem(APIA, "2011-12-29", "Apia")).toBeNull();
    const reading = readVenueTime("2011-12-30", "10:00", APIA);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(venueTimeProblem(reading, { day: "2011-12-30", time: "10:00", timeZone: APIA, place: "Apia" })).toBe(`${sentence} Enter the day and time as the clocks showed them.`);
  });

  it("takes a session from Thursday 23:00 to 00:30, ending on Saturday 31 December, an hour and a half later", () => {
    const times = resolveSessionTimes({ localDay: "2011-12-29", startTime: "23:00", endTime: "00:30" }, APIA, "Apia");
    expect(times.problems).toEqual({});
    expect(times.endDay).toBe("2011-12-31");
    expect(times.endsNextDay).toBe(true);
    expect(times.endsAt!.getTime() - times.startsAt!.getTime()).toBe(1.5 * H);
    expect(times.endNote).toBe("Ends 00:30 the next day, Saturday 31 December (1 h 30 min).");
    expect(sessionSpan(times.startsAt!, times.endsAt, APIA).end).toMatchObject({ day: "2011-12-31", dayOffset: 1, dayLabel: "the next day, Sat 31 Dec" });
  });
});

describe("clock changes of any size", () => {
  it("Kathmandu's 15-minute move at midnight reads as the clocks showed it: from 00:00 straight to 00:15", () => {
    const [change] = clockChanges("Asia/Kathmandu", Date.UTC(1985, 11, 30), Date.UTC(1986, 0, 2));
    expect(change && [(change.after - change.before) / 60_000, describeJump(change)]).toEqual([15, "from 00:00 straight to 00:15"]);
    const skipped = readVenueTime("1986-01-01", "00:10", "Asia/Kathmandu");
    expect(!skipped.ok && venueTimeProblem(skipped, { day: "1986-01-01", time: "00:10", timeZone: "Asia/Kathmandu", place: "Kathmandu" })).toBe(
      "00:10 does not exist in Kathmandu on Wednesday 1 January 1986: the clocks go forward from 00:00 straight to 00:15. Enter the time as the clocks showed it.",
    );
  });

  it("Lord Howe moves by half an hour: the skipped and repeated half hours are named as such", () => {
    const changes = clockChanges("Australia/Lord_Howe", Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1));
    expect(changes.map((c) => [(c.after - c.before) / 60_000, describeJump(c)])).toEqual([
      [-30, "from 02:00 to 01:30"],
      [30, "from 02:00 straight to 02:30"],
    ]);
    const skipped = readVenueTime("2025-10-05", "02:15", "Australia/Lord_Howe");
    expect(skipped.ok).toBe(false);
    if (!skipped.ok) {
      expect(venueTimeProblem(skipped, { day: "2025-10-05", time: "02:15", timeZone: "Australia/Lord_Howe", place: "Lord Howe Island" })).toBe(
        "02:15 does not exist in Lord Howe Island on Sunday 5 October 2025: the clocks go forward from 02:00 straight to 02:30. Enter the time as the clocks showed it.",
      );
    }
    expect(venueInstants("2025-04-06", "01:45", "Australia/Lord_Howe")).toHaveLength(2);
    expect(clockChangeOn("Australia/Lord_Howe", "2025-04-06", "back")).toMatchObject({ before: 11 * H, after: 10.5 * H });
  });

  it("Kathmandu at +05:45 has not changed its clocks since 1986", () => {
    expect(zoneOffsetMs("Asia/Kathmandu", Date.UTC(2026, 0, 1))).toBe(5.75 * H);
    expect(clockChanges("Asia/Kathmandu", Date.UTC(1987, 0, 1), Date.UTC(2037, 0, 1))).toEqual([]);
    expect(talkDayNumber({ firstDay: "2026-01-01", venueTimeZone: "Asia/Kathmandu" }, "2026-03-01")).toBe(60);
  });

  it("Kwajalein crossed the date line the other way round in 1993, skipping Saturday 21 August", () => {
    expect(skippedDays("Pacific/Kwajalein", "1993-01-01", "1993-12-31")).toEqual(["1993-08-21"]);
    expect(skippedDayProblem("Pacific/Kwajalein", "1993-08-21", "Kwajalein")).toBe(
      "Saturday 21 August 1993 did not happen in Kwajalein: the clocks went from 23:59:59 on Friday 20 August 1993 straight to 00:00 on Sunday 22 August 1993.",
    );
  });

  it("reads offsets to the second: Monrovia, 44 min 30 s behind UTC until 7 January 1972", () => {
    expect(zoneOffsetMs("Africa/Monrovia", Date.UTC(1971, 5, 1))).toBe(-(44 * 60 + 30) * 1000);
    expect(clockChanges("Africa/Monrovia", Date.UTC(1970, 0, 1), Date.UTC(1975, 0, 1))).toEqual([
      { at: Date.UTC(1972, 0, 7, 0, 44, 30), before: -(44 * 60 + 30) * 1000, after: 0 },
    ]);
  });
});
