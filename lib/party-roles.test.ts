import { describe, expect, it } from "vitest";
import { describeSides, sidesText } from "./party-roles";

const japan = { slug: "japan", shortName: "Japan", role: "principal" as const };
const dprk = { slug: "dprk", shortName: "DPRK", role: "principal" as const };
const china = { slug: "china", shortName: "China", role: "host" as const };

describe("describeSides", () => {
  it("says the principals, then who hosts", () => {
    expect(sidesText([japan, dprk, china])).toBe("Japan · DPRK — hosted by China");
  });
  it("says only the principals when every party is one", () => {
    expect(sidesText([japan, dprk])).toBe("Japan · DPRK");
    expect(describeSides([japan, dprk]).others).toEqual([]);
  });
  it("groups each role, in the order host, mediator, observer", () => {
    const norway = { slug: "norway", shortName: "Norway", role: "mediator" as const };
    const un = { slug: "un", shortName: "UN", role: "observer" as const };
    const us = { slug: "us", shortName: "US", role: "observer" as const };
    expect(sidesText([un, japan, norway, dprk, us, china])).toBe("Japan · DPRK — hosted by China — mediated by Norway — observed by UN and US");
  });
});
