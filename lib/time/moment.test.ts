import { describe, expect, it } from "vitest";
import { formatMoment, readMoment } from "./moment";

const NOW = new Date("2026-12-02T04:00:00Z");

describe("a moment named in a URL", () => {
  it("reads the venue's date and time on the venue's clock", () => {
    expect(readMoment("2006-02-06T18:00", "Asia/Shanghai", NOW)).toEqual({ ok: true, instant: new Date("2006-02-06T10:00:00Z"), future: false });
    expect(readMoment("2006-02-06", "Asia/Shanghai", NOW)).toMatchObject({ instant: new Date("2006-02-05T16:00:00Z") });
  });

  it("reads a full instant with its offset as it is", () => {
    expect(readMoment("2006-02-06T10:00:00.000Z", "Asia/Shanghai", NOW)).toMatchObject({ instant: new Date("2006-02-06T10:00:00Z") });
    expect(readMoment("2006-02-06T18:00+08:00", "Europe/Zurich", NOW)).toMatchObject({ instant: new Date("2006-02-06T10:00:00Z") });
  });

  it("takes a moment still to come as now, and says so", () => {
    expect(readMoment("2031-01-01T00:00", "Asia/Shanghai", NOW)).toEqual({ ok: true, instant: NOW, future: true });
  });

  it("refuses what is not a moment, with a message", () => {
    for (const bad of ["yesterday", "2006-02-30T10:00", "2006-02-06T25:00", "2006-02-06T10:00+8"]) {
      const reading = readMoment(bad, "Asia/Shanghai", NOW);
      expect(reading.ok).toBe(false);
      expect(!reading.ok && reading.message).toContain("is not a moment Parley can read");
    }
  });

  it("names a moment as the banner does", () => {
    expect(formatMoment(new Date("2006-02-06T10:00:00Z"), "Asia/Shanghai", "Beijing")).toBe("Monday 6 February 2006, 18:00 (Beijing)");
  });
});
