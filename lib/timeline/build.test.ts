import { describe, expect, it } from "vitest";
import { buildTimeline } from "./build";

const session = (id: string, o: { localDay?: string | null; startsAt?: string; sequence?: number }) => ({
  id,
  localDay: o.localDay ?? null,
  startsAt: o.startsAt ? new Date(o.startsAt) : null,
  sequence: o.sequence ?? 0,
});
const statement = (id: string, o: { sessionId?: string; saidOn?: string | null; saidAt?: string; sequence?: number }) => ({
  id,
  sessionId: o.sessionId ?? null,
  saidOn: o.saidOn ?? null,
  saidAt: o.saidAt ? new Date(o.saidAt) : null,
  sequence: o.sequence ?? 0,
});
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe("buildTimeline", () => {
  const beijing = { firstDay: "2006-02-04", lastDay: "2006-02-08", venueTimeZone: "Asia/Shanghai" };

  it("puts a session at 01:30 Beijing time on the Beijing day, though UTC is still the day before", () => {
    // 2006-02-05 01:30 in Beijing is 2006-02-04 17:30 UTC.
    const t = buildTimeline(beijing, [session("late", { localDay: "2006-02-05", startsAt: "2006-02-04T17:30:00Z" })], []);
    expect(t.days.map((d) => [d.day, d.sessions.map((g) => g.session.id)])).toEqual([["2006-02-05", ["late"]]]);
  });

  it("puts a session at 23:45 Beijing time on that day, not the next", () => {
    const t = buildTimeline(beijing, [session("s", { startsAt: "2006-02-06T15:45:00Z" })], []);
    expect(t.days.find((d) => d.day === "2006-02-06")!.sessions).toHaveLength(1);
  });

  it("lists only the days that hold something, numbered from the talk's first day", () => {
    const t = buildTimeline(beijing, [session("a", { localDay: "2006-02-04" })], [statement("x", { saidOn: "2006-02-07" })]);
    expect(t.days.map((d) => [d.number, d.day])).toEqual([
      [1, "2006-02-04"],
      [4, "2006-02-07"],
    ]);
  });

  it("costs what was recorded, not the calendar: a statement dated 9999-12-31 adds one day", () => {
    const t = buildTimeline({ ...beijing, lastDay: null }, [], [statement("far", { saidOn: "9999-12-31" })]);
    expect(t.days.map((d) => d.day)).toEqual(["9999-12-31"]);
  });

  it("places a date-only statement on its day, outside the sessions, with no clock time invented", () => {
    const t = buildTimeline(
      beijing,
      [session("a", { localDay: "2006-02-07", startsAt: "2006-02-07T01:00:00Z" })],
      [statement("dateOnly", { saidOn: "2006-02-07" })],
    );
    const day = t.days.find((d) => d.day === "2006-02-07")!;
    expect(ids(day.outside)).toEqual(["dateOnly"]);
    expect(day.outside[0]!.saidAt).toBeNull();
  });

  it("puts statements under their session in time order, untimed ones after in recorded order", () => {
    const t = buildTimeline(
      beijing,
      [session("s", { localDay: "2006-02-05" })],
      [
        statement("b", { sessionId: "s", saidOn: "2006-02-05", sequence: 2 }),
        statement("late", { sessionId: "s", saidOn: "2006-02-05", saidAt: "2006-02-05T06:00:00Z" }),
        statement("early", { sessionId: "s", saidOn: "2006-02-05", saidAt: "2006-02-05T02:00:00Z" }),
        statement("a", { sessionId: "s", saidOn: "2006-02-05", sequence: 1 }),
      ],
    );
    expect(ids(t.days[0]!.sessions[0]!.statements)).toEqual(["early", "late", "a", "b"]);
  });

  it("keeps undated sessions and statements apart instead of guessing a day", () => {
    const t = buildTimeline(
      beijing,
      [session("u1", { sequence: 1 }), session("u2", { sequence: 2 })],
      [statement("said-in-u1", { sessionId: "u1" }), statement("loose", {})],
    );
    expect(t.undated.sessions.map((g) => g.session.id)).toEqual(["u1", "u2"]);
    expect(ids(t.undated.sessions[0]!.statements)).toEqual(["said-in-u1"]);
    expect(ids(t.undated.statements)).toEqual(["loose"]);
    expect(t.days).toEqual([]);
  });

  it("shows a statement on its own day when it was said on another day than its session", () => {
    const t = buildTimeline(
      beijing,
      [session("s", { localDay: "2006-02-05" })],
      [statement("next-day", { sessionId: "s", saidOn: "2006-02-06" })],
    );
    expect(t.days[0]!.sessions[0]!.statements).toEqual([]);
    expect(ids(t.days[1]!.outside)).toEqual(["next-day"]);
  });

  it("lands items on the right local day across the change to summer time in Geneva (last Sunday of March)", () => {
    // Clocks in Geneva go forward at 02:00 on Sunday 29 March 2026 (CET → CEST).
    const geneva = { firstDay: "2026-03-27", lastDay: "2026-03-31", venueTimeZone: "Europe/Zurich" };
    const t = buildTimeline(
      geneva,
      [
        session("sat-2330", { startsAt: "2026-03-28T22:30:00Z" }), // 23:30 CET Saturday
        session("sun-0030", { startsAt: "2026-03-28T23:30:00Z" }), // 00:30 CET Sunday
        session("sun-2330", { startsAt: "2026-03-29T21:30:00Z" }), // 23:30 CEST Sunday
        session("mon-0030", { startsAt: "2026-03-29T22:30:00Z" }), // 00:30 CEST Monday
      ],
      [],
    );
    const at = (day: string) => t.days.find((d) => d.day === day)!.sessions.map((g) => g.session.id);
    expect(at("2026-03-28")).toEqual(["sat-2330"]);
    expect(at("2026-03-29")).toEqual(["sun-0030", "sun-2330"]);
    expect(at("2026-03-30")).toEqual(["mon-0030"]);
  });
});
