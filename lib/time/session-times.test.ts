import { describe, expect, it } from "vitest";
import { buildTimeline } from "../timeline/build";
import { resolveSessionTimes, sessionSpan, typedTimeHelp } from "./session-times";

// vitest.config.ts runs these in America/Los_Angeles: neither UTC nor the venues' zones.
const BEIJING = "Asia/Shanghai";
const GENEVA = "Europe/Zurich";
const times = (input: Partial<Parameters<typeof resolveSessionTimes>[0]>, timeZone = GENEVA, place = "Geneva") =>
  resolveSessionTimes({ localDay: null, startTime: null, endTime: null, ...input }, timeZone, place);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("a session that ends after midnight at the venue", () => {
  it("ends the next day when the end is earlier than the start, and says so", () => {
    const t = times({ localDay: "2026-03-04", startTime: "22:30", endTime: "01:15" });
    expect(t.problems).toEqual({});
    expect([iso(t.startsAt), iso(t.endsAt)]).toEqual(["2026-03-04T21:30:00.000Z", "2026-03-05T00:15:00.000Z"]);
    expect(t).toMatchObject({ endDay: "2026-03-05", endsNextDay: true, endNote: "Ends 01:15 the next day, Thursday 5 March (2 h 45 min)." });
  });

  it("ends the same day when the end is later than the start", () => {
    const t = times({ localDay: "2006-02-06", startTime: "10:00", endTime: "12:30" }, BEIJING, "Beijing");
    expect([iso(t.startsAt), iso(t.endsAt)]).toEqual(["2006-02-06T02:00:00.000Z", "2006-02-06T04:30:00.000Z"]);
    expect(t).toMatchObject({ endDay: "2006-02-06", endsNextDay: false, endNote: "Ends 12:30 the same day (2 h 30 min)." });
  });

  it("stays on the day it started on the timeline", () => {
    const t = times({ localDay: "2006-02-06", startTime: "22:30", endTime: "01:15" }, BEIJING, "Beijing");
    expect(iso(t.endsAt)).toBe("2006-02-06T17:15:00.000Z");
    const timeline = buildTimeline(
      { firstDay: "2006-02-04", lastDay: "2006-02-08", venueTimeZone: BEIJING },
      [{ id: "late", localDay: "2006-02-06", startsAt: t.startsAt, endsAt: t.endsAt, sequence: 0 }],
      [],
    );
    expect(timeline.days.find((d) => d.sessions.length)?.day).toBe("2006-02-06");
  });

  it("counts the night's real length when the clocks change in it", () => {
    // Geneva goes back an hour at 03:00 on 25 October 2026 and forward at 02:00 on 29 March: a night
    // that spans the change is an hour longer or shorter than the clock says; one that ends before it is not.
    expect(times({ localDay: "2026-10-24", startTime: "22:30", endTime: "01:15" }).endNote).toBe("Ends 01:15 the next day, Sunday 25 October (2 h 45 min).");
    expect(times({ localDay: "2026-10-24", startTime: "22:30", endTime: "03:15" }).endNote).toBe("Ends 03:15 the next day, Sunday 25 October (5 h 45 min).");
    expect(times({ localDay: "2026-03-28", startTime: "22:30", endTime: "03:15" }).endNote).toBe("Ends 03:15 the next day, Sunday 29 March (3 h 45 min).");
  });
});

describe("sessions of 24 hours or more", () => {
  it("are refused: an end at the start's own clock time would be 24 hours later", () => {
    const t = times({ localDay: "2026-03-04", startTime: "10:00", endTime: "10:00" });
    expect(t.endsAt).toBeNull();
    expect(t.problems.endTime).toBe(
      "That is 10:00 the next day, Thursday 5 March, 24 h after the start: a session cannot last 24 hours or more. Check the times, or record it as two sessions.",
    );
  });

  it("are refused when the clocks going back stretch a night past 24 hours", () => {
    // 22:30 on Saturday to 22:15 on Sunday is 23 h 45 min on the clock, but 24 h 45 min in time.
    expect(times({ localDay: "2026-10-24", startTime: "22:30", endTime: "22:15" }).problems.endTime).toMatch(/^That is 22:15 the next day, Sunday 25 October, 24 h 45 min after the start: a session cannot last 24 hours or more\./);
    // The same clock times a week later are 23 h 45 min apart, and fine.
    expect(times({ localDay: "2026-10-31", startTime: "22:30", endTime: "22:15" }).problems).toEqual({});
  });
});

describe("times the clocks repeat or skip", () => {
  it("asks which 02:30 a start in the repeated hour is, and takes the one chosen", () => {
    const unchosen = times({ localDay: "2026-10-25", startTime: "02:30", endTime: "04:00" });
    expect(unchosen.startsAt).toBeNull();
    expect(unchosen.problems.startTime).toBe(
      "02:30 happens twice in Geneva on Sunday 25 October 2026, as the clocks go back from 03:00 to 02:00: choose 02:30 CEST (summer time, first) or 02:30 CET (winter time, second).",
    );
    expect(unchosen.choices.startTime).toEqual([
      { value: "first", label: "02:30 CEST (summer time, first)" },
      { value: "second", label: "02:30 CET (winter time, second)" },
    ]);
    const first = times({ localDay: "2026-10-25", startTime: "02:30", startOccurrence: "first", endTime: "04:00" });
    const second = times({ localDay: "2026-10-25", startTime: "02:30", startOccurrence: "second", endTime: "04:00" });
    expect([iso(first.startsAt), iso(second.startsAt)]).toEqual(["2026-10-25T00:30:00.000Z", "2026-10-25T01:30:00.000Z"]);
    expect([first.endNote, second.endNote]).toEqual(["Ends 04:00 the same day (2 h 30 min).", "Ends 04:00 the same day (1 h 30 min)."]);
    // The choice stays offered once made, so it can be changed.
    expect(first.choices.startTime).toHaveLength(2);
  });

  it("asks which end when both readings come after the start, and not when only one does", () => {
    const overnight = times({ localDay: "2026-10-24", startTime: "23:00", endTime: "02:30" });
    expect(overnight.problems.endTime).toMatch(/^02:30 happens twice in Geneva on Sunday 25 October 2026/);
    expect(times({ localDay: "2026-10-24", startTime: "23:00", endTime: "02:30", endOccurrence: "second" }).endNote).toBe("Ends 02:30 the next day, Sunday 25 October (4 h 30 min).");
    // From 02:45 summer time, the next 02:15 is the winter-time one, half an hour later, that night.
    const short = times({ localDay: "2026-10-25", startTime: "02:45", startOccurrence: "first", endTime: "02:15" });
    expect(short.problems).toEqual({});
    expect(short.choices.endTime).toBeUndefined();
    expect(short.endNote).toBe("Ends 02:15 the same day (30 min).");
  });

  it("refuses a start or an end in the skipped hour", () => {
    expect(times({ localDay: "2026-03-29", startTime: "02:30" }).problems.startTime).toBe(
      "02:30 does not exist in Geneva on Sunday 29 March 2026: the clocks go forward from 02:00 straight to 03:00. Enter the time as the clocks showed it.",
    );
    const late = times({ localDay: "2026-03-28", startTime: "23:00", endTime: "02:30" });
    expect(late.endsAt).toBeNull();
    expect(late.problems.endTime).toMatch(/^02:30 does not exist in Geneva on Sunday 29 March 2026/);
  });
});

describe("the timeline's view of a session's times", () => {
  it("names the next day for an end after midnight, on the venue's clock", () => {
    expect(sessionSpan(new Date("2006-02-06T14:30:00Z"), new Date("2006-02-06T17:15:00Z"), BEIJING)).toEqual({
      start: { time: "22:30", zone: "GMT+8" },
      end: { time: "01:15", zone: "GMT+8", day: "2006-02-07", dayOffset: 1, dayLabel: "the next day, Tue 7 Feb" },
    });
  });

  it("keeps a same-day session plain, and shows a zone change in the night", () => {
    expect(sessionSpan(new Date("2006-02-06T02:00:00Z"), new Date("2006-02-06T04:30:00Z"), BEIJING).end).toMatchObject({ time: "12:30", dayOffset: 0, dayLabel: "" });
    expect(sessionSpan(new Date("2026-03-28T22:00:00Z"), new Date("2026-03-29T01:15:00Z"), GENEVA)).toMatchObject({
      start: { time: "23:00", zone: "CET" },
      end: { time: "03:15", zone: "CEST", dayOffset: 1 },
    });
  });
});

describe("one typed venue time, as the statement form explains it", () => {
  it("offers the two readings of a time the clocks repeat, and says nothing of one they show once", () => {
    expect(typedTimeHelp("2026-10-25", "02:15", GENEVA, "Geneva").problem).toMatch(/^02:15 happens twice in Geneva on Sunday 25 October 2026/);
    expect(typedTimeHelp("2026-10-25", "02:15", GENEVA, "Geneva", "second")).toEqual({
      problem: null,
      choices: [
        { value: "first", label: "02:15 CEST (summer time, first)" },
        { value: "second", label: "02:15 CET (winter time, second)" },
      ],
    });
    expect(typedTimeHelp("2026-10-25", "03:15", GENEVA, "Geneva")).toEqual({ problem: null });
    expect(typedTimeHelp("2026-10-25", "", GENEVA, "Geneva")).toEqual({ problem: null });
  });

  it("says why a time the clocks skip cannot be saved", () => {
    expect(typedTimeHelp("2026-03-29", "02:30", GENEVA, "Geneva").problem).toMatch(/^02:30 does not exist in Geneva on Sunday 29 March 2026: the clocks go forward from 02:00 straight to 03:00/);
  });
});
