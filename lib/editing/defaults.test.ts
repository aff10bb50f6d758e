import { describe, expect, it } from "vitest";
import { capacityForSpeaker, nextSessionDay } from "./defaults";

describe("capacityForSpeaker", () => {
  it("maps the envoy's role in the talk, a spokesperson's title, and a party as a whole", () => {
    expect(capacityForSpeaker({ kind: "envoy", role: "head", title: "Ambassador" })).toBe("head_of_delegation");
    expect(capacityForSpeaker({ kind: "envoy", role: "member", title: null })).toBe("delegation_member");
    expect(capacityForSpeaker({ kind: "envoy", role: "member", title: "Foreign Ministry Spokesperson" })).toBe("spokesperson");
    expect(capacityForSpeaker({ kind: "envoy", role: "member", title: "chief spokesman" })).toBe("spokesperson");
    // A word that only contains it is not a spokesperson's title.
    expect(capacityForSpeaker({ kind: "envoy", role: "head", title: "Spokesmanship adviser" })).toBe("head_of_delegation");
    expect(capacityForSpeaker({ kind: "party" })).toBe("government");
  });
});

describe("nextSessionDay", () => {
  const geneva = { venueTimeZone: "Europe/Zurich", firstDay: "2026-03-27", lastDay: "2026-03-28" };
  it("is the next calendar day, across a change of the clocks (Geneva, 29 March 2026, 23 hours long)", () => {
    expect(nextSessionDay(geneva, "2026-03-28")).toBe("2026-03-29");
    expect(nextSessionDay(geneva, "2026-03-29")).toBe("2026-03-30");
    expect(nextSessionDay({ ...geneva, firstDay: "2026-10-24", lastDay: null }, "2026-10-24")).toBe("2026-10-25");
  });
  it("skips a date the venue's clocks jumped over (Apia, 30 December 2011) and crosses a year", () => {
    const apia = { venueTimeZone: "Pacific/Apia", firstDay: "2011-12-28", lastDay: null };
    expect(nextSessionDay(apia, "2011-12-29")).toBe("2011-12-31");
    expect(nextSessionDay(apia, "2011-12-31")).toBe("2012-01-01");
  });
  it("offers a day after a set last day (the form warns), but none past an open talk's 50 years", () => {
    expect(nextSessionDay(geneva, "2026-03-28")).toBe("2026-03-29");
    expect(nextSessionDay({ venueTimeZone: "UTC", firstDay: "2006-02-04", lastDay: null }, "2056-02-04")).toBeNull();
  });
});
