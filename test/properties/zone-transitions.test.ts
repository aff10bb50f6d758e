// Issue 10: around every change of offset that the runtime's time-zone data knows between 1970
// and 2037, in every zone Intl names, Parley's calendar arithmetic agrees with the clocks:
//
//   instant → local day:          the day and time the zone's clocks show (Intl, the ground truth)
//                                 are what venueClock and localDayOf say, the day is not one
//                                 Parley thinks was skipped, and venueInstants(day, time) finds the
//                                 instant again;
//   local day → instants → day:   any clock time Parley finds instants for on a day shows that day
//                                 and time at each of them; a day Parley calls skipped has none,
//                                 and the calendar around a change skips exactly the dates the
//                                 jump crossed.
//
// The changes are found by scanning each zone's offsets (lib/time/zone-calendar.ts clockChanges,
// every 7 days, each narrowed to the second); the instants and clock times checked around each
// are drawn by fast-check, with a fixed seed so a failure is the same on every machine.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addLocalDays, localDayOf } from "../../lib/time/local-day";
import { venueClock, venueInstants } from "../../lib/time/venue-clock";
import { clockChanges, isSkippedDay, skippedDays, zoneOffsetMs, type ClockChange } from "../../lib/time/zone-calendar";

const FROM = Date.UTC(1970, 0, 1);
const TO = Date.UTC(2038, 0, 1);
const WEEK = 7 * 24 * 3_600_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const zones = Intl.supportedValuesOf("timeZone");
const changes: { zone: string; change: ClockChange }[] = zones.flatMap((zone) => clockChanges(zone, FROM, TO, WEEK).map((change) => ({ zone, change })));

/** The day and "HH:MM" the zone's clocks show, straight from Intl. */
function groundTruth(zone: string, instant: number): { day: string; time: string } {
  const local = new Date(instant + zoneOffsetMs(zone, instant)).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

/**
 * An instant near `at` when the zone's clock shows a whole minute (offsets may carry seconds):
 * the one at or before it, unless that falls before a change of offset, then the one after.
 */
function wholeLocalMinute(zone: string, at: number): number {
  const offset = zoneOffsetMs(zone, at);
  const past = (((at + offset) % MINUTE) + MINUTE) % MINUTE;
  if (past === 0 || zoneOffsetMs(zone, at - past) === offset) return at - past;
  return at + (MINUTE - past);
}

describe("every clock change 1970–2037 in every zone", () => {
  it("finds changes in every zone that has them (a scan that finds nothing proves nothing)", () => {
    expect(zones.length).toBeGreaterThan(300);
    expect(changes.length).toBeGreaterThan(10_000);
    const apia = changes.filter((c) => c.zone === "Pacific/Apia" && c.change.at === Date.UTC(2011, 11, 30, 10));
    expect(apia).toHaveLength(1);
  });

  it("instant → local day: Parley reads every instant around a change as the clocks showed it, and finds it again from that reading", () => {
    const pick = fc.record({ i: fc.nat({ max: changes.length - 1 }), delta: fc.integer({ min: -36 * HOUR, max: 36 * HOUR }) });
    const check = (zone: string, instant: number) => {
      const at = wholeLocalMinute(zone, instant);
      const truth = groundTruth(zone, at);
      expect(venueClock(new Date(at), zone)).toEqual(truth);
      expect(localDayOf(new Date(at), zone)).toBe(truth.day);
      expect(isSkippedDay(zone, truth.day)).toBe(false);
      expect(venueInstants(truth.day, truth.time, zone).map((d) => d.getTime())).toContain(at);
    };
    // The moments either side of each change, every one of them…
    for (const { zone, change } of changes) {
      check(zone, change.at - 1000);
      check(zone, change.at);
    }
    // …and instants drawn anywhere within a day and a half of one.
    fc.assert(
      fc.property(pick, ({ i, delta }) => {
        const { zone, change } = changes[i]!;
        check(zone, change.at + delta);
      }),
      { numRuns: 20_000, seed: 20261201 },
    );
  });

  it("local day → instants → local day: a clock time Parley finds on a day shows that day, and a skipped day has none", () => {
    const pick = fc.record({ i: fc.nat({ max: changes.length - 1 }), dayShift: fc.integer({ min: -1, max: 1 }), minute: fc.integer({ min: 0, max: 24 * 60 - 1 }) });
    fc.assert(
      fc.property(pick, ({ i, dayShift, minute }) => {
        const { zone, change } = changes[i]!;
        const day = addLocalDays(groundTruth(zone, change.at).day, dayShift);
        const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
        const instants = venueInstants(day, time, zone);
        for (const instant of instants) expect(groundTruth(zone, instant.getTime())).toEqual({ day, time });
        if (isSkippedDay(zone, day)) expect(instants).toEqual([]);
      }),
      { numRuns: 20_000, seed: 20261201 },
    );
  });

  it("skips exactly the dates a jump crosses: none for a change under a day, every crossed date for a move across the date line", () => {
    for (const { zone, change } of changes) {
      const before = groundTruth(zone, change.at - 1000).day;
      const after = groundTruth(zone, change.at).day;
      const between = after > before ? skippedDays(zone, addLocalDays(before, 1), addLocalDays(after, -1)) : [];
      const crossed: string[] = [];
      for (let d = addLocalDays(before, 1); d < after; d = addLocalDays(d, 1)) crossed.push(d);
      expect({ zone, at: new Date(change.at).toISOString(), skipped: between }).toEqual({ zone, at: new Date(change.at).toISOString(), skipped: crossed });
      if (Math.abs(change.after - change.before) < 24 * HOUR) expect(crossed).toEqual([]);
    }
  });
});
