// Zone names as IANA's database spells them, whatever the runtime's Intl lists or the editor types.
import { describe, expect, it } from "vitest";
import { IANA_NAME_OF, canonicalTimeZone, venueZoneChoices, zoneNamesDuring } from "./zones";

describe("venue time-zone names", () => {
  it("keeps the IANA canonical name for any spelling and case Intl accepts", () => {
    expect(canonicalTimeZone("europe/zurich")).toBe("Europe/Zurich");
    expect(canonicalTimeZone(" Asia/Calcutta ")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("asia/katmandu")).toBe("Asia/Kathmandu");
    expect(canonicalTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Pacific/Apia")).toBe("Pacific/Apia");
    expect(canonicalTimeZone("Beijing")).toBeNull();
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
  });

  it("maps each of Intl's retired names to an IANA name the runtime takes for the same zone", () => {
    for (const [cldr, iana] of Object.entries(IANA_NAME_OF)) {
      expect(new Intl.DateTimeFormat("en", { timeZone: iana }).resolvedOptions().timeZone, iana).toBe(cldr);
    }
  });

  it("offers only canonical names, each once, in order", () => {
    const zones = venueZoneChoices();
    expect(zones).toEqual(expect.arrayContaining(["Asia/Kolkata", "Asia/Kathmandu", "Europe/Kyiv", "Pacific/Apia", "Europe/Zurich"]));
    for (const retired of Object.keys(IANA_NAME_OF)) expect(zones).not.toContain(retired);
    expect(new Set(zones).size).toBe(zones.length);
    expect([...zones].sort()).toEqual(zones);
  });

  it("names the offsets a round used: both when it spans a change of the clocks", () => {
    expect(zoneNamesDuring("Europe/Zurich", "2026-03-27", "2026-03-30")).toEqual(["CET", "CEST"]);
    expect(zoneNamesDuring("Europe/Zurich", "2026-03-02", "2026-03-06")).toEqual(["CET"]);
    expect(zoneNamesDuring("Asia/Shanghai", "2006-02-04", null)).toHaveLength(1);
  });
});
