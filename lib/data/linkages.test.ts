import { describe, expect, it } from "vitest";
import { statementChoices } from "./linkages";

const talk = { firstDay: "2006-02-04", venueTimeZone: "Asia/Shanghai" };
const japan = { slug: "japan", shortName: "Japan" };
const dprk = { slug: "dprk", shortName: "DPRK" };

describe("the linkage form's statements", () => {
  it("groups them by day in order, the days not reported last, each with its speaker, first words and party", () => {
    const choices = statementChoices(talk, [
      { id: "u", saidOn: null, sequence: 1, text: "Undated.", party: dprk, envoy: null },
      { id: "b", saidOn: "2006-02-07", sequence: 5, text: "Later that day.", party: japan, envoy: { name: "Kunio Umeda" } },
      { id: "a", saidOn: "2006-02-07", sequence: 2, text: "x".repeat(100), party: dprk, envoy: { name: "Song Il Ho" } },
      { id: "c", saidOn: "2006-02-04", sequence: 9, text: "First day.", party: japan, envoy: null },
    ]);
    expect(choices.map((c) => [c.value, c.group, c.tag])).toEqual([
      ["c", "Day 1 · Saturday 4 February 2006", "japan"],
      ["a", "Day 4 · Tuesday 7 February 2006", "dprk"],
      ["b", "Day 4 · Tuesday 7 February 2006", "japan"],
      ["u", "Day not reported", "dprk"],
    ]);
    expect(choices.map((c) => c.label)).toEqual(["Japan: First day.", `Song Il Ho: ${"x".repeat(69)}…`, "Kunio Umeda: Later that day.", "DPRK: Undated."]);
  });
});
