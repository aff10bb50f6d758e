import { describe, expect, it } from "vitest";
import { dayNumber, gapStrip, groupByDay, groupByDayAndParty, groupByTalk, isStance } from "./group";

const beijing = { slug: "beijing", title: "Beijing talks", firstDay: "2006-02-04", venueTimeZone: "Asia/Shanghai" };
const geneva = { slug: "geneva", title: "Geneva talks", firstDay: "2007-03-01", venueTimeZone: "Europe/Zurich" };
const japan = { slug: "japan", shortName: "Japan" };
const dprk = { slug: "dprk", shortName: "DPRK" };

type S = { id: string; saidOn: string | null; saidAt: Date | null; sequence: number; talk: typeof beijing; party: typeof japan };
const st = (
  id: string,
  o: { saidOn?: string | null; saidAt?: string; sequence?: number; talk?: typeof beijing; party?: typeof japan } = {},
): S => ({
  id,
  saidOn: o.saidOn ?? null,
  saidAt: o.saidAt ? new Date(o.saidAt) : null,
  sequence: o.sequence ?? 0,
  talk: o.talk ?? beijing,
  party: o.party ?? japan,
});
const inTalks = (xs: S[]) => xs.map((statement) => ({ talk: statement.talk, statement }));
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe("groupByDay", () => {
  it("orders days, numbers them from the talk's first day, and keeps undated statements apart, last", () => {
    const g = groupByDay(beijing, [
      st("undated", { sequence: 1 }),
      st("day4", { saidOn: "2006-02-07" }),
      st("day1", { saidOn: "2006-02-04" }),
    ]);
    expect(g.days.map((d) => [d.day, d.number, ids(d.statements)])).toEqual([
      ["2006-02-04", 1, ["day1"]],
      ["2006-02-07", 4, ["day4"]],
    ]);
    expect(ids(g.undated)).toEqual(["undated"]);
  });

  it("puts a statement made at 01:30 in Beijing on that Beijing day, though it is the day before in UTC and here", () => {
    // 2006-02-05 01:30 in Beijing is 2006-02-04 17:30 UTC and 09:30 on the 4th in Los Angeles (the test zone).
    const g = groupByDay(beijing, [st("late", { saidOn: "2006-02-05", saidAt: "2006-02-04T17:30:00Z" })]);
    expect(g.days.map((d) => [d.day, d.number])).toEqual([["2006-02-05", 2]]);
  });

  it("within a day puts timed statements first in time order, then untimed ones in recorded order", () => {
    const g = groupByDay(beijing, [
      st("untimed-2", { saidOn: "2006-02-07", sequence: 2 }),
      st("at-15", { saidOn: "2006-02-07", saidAt: "2006-02-07T07:00:00Z", sequence: 9 }),
      st("untimed-1", { saidOn: "2006-02-07", sequence: 1 }),
      st("at-10", { saidOn: "2006-02-07", saidAt: "2006-02-07T02:00:00Z", sequence: 8 }),
    ]);
    expect(ids(g.days[0]!.statements)).toEqual(["at-10", "at-15", "untimed-1", "untimed-2"]);
  });

  it("keeps undated statements in their recorded order", () => {
    const g = groupByDay(beijing, [st("b", { sequence: 5 }), st("a", { sequence: 2 }), st("c", { sequence: 7 })]);
    expect(ids(g.undated)).toEqual(["a", "b", "c"]);
  });

  it("gives no day number to a day before the talk opened, rather than day 0 or a negative one", () => {
    expect(dayNumber({ firstDay: "2006-02-04", venueTimeZone: "Asia/Shanghai" }, "2006-02-03")).toBeNull();
    expect(groupByDay(beijing, [st("early", { saidOn: "2006-02-02" })]).days[0]!.number).toBeNull();
  });
});

describe("groupByTalk", () => {
  it("makes one group per talk, talks in time order whatever order the statements came in, with counts", () => {
    const groups = groupByTalk(
      inTalks([
        st("g1", { talk: geneva, saidOn: "2007-03-02" }),
        st("b-undated", { talk: beijing }),
        st("b4", { talk: beijing, saidOn: "2006-02-07" }),
      ]),
    );
    expect(groups.map((g) => [g.talk.slug, g.count])).toEqual([
      ["beijing", 2],
      ["geneva", 1],
    ]);
    expect(ids(groups[0]!.days[0]!.statements)).toEqual(["b4"]);
    expect(ids(groups[0]!.undated)).toEqual(["b-undated"]);
    expect(groups[1]!.days[0]!.number).toBe(2);
  });

  it("uses each talk's own venue zone to find a statement's day", () => {
    // 2007-03-01 23:30 UTC is 00:30 on 2 March in Zurich (CET, UTC+1).
    const [g] = groupByTalk(inTalks([st("z", { talk: geneva, saidOn: "2007-03-02", saidAt: "2007-03-01T23:30:00Z" })]));
    expect(g!.days.map((d) => d.day)).toEqual(["2007-03-02"]);
  });

  it("returns nothing for no statements", () => {
    expect(groupByTalk([])).toEqual([]);
  });
});

describe("groupByDayAndParty", () => {
  const slugs = (cells: { id: string }[][]) => cells.map(ids);

  it("gives every party of the talk a column in the talk's order, even one that has said nothing", () => {
    const grid = groupByDayAndParty(beijing, [japan, dprk], [st("d", { party: dprk, saidOn: "2006-02-07" })]);
    expect(grid.columns.map((c) => [c.party.slug, c.count])).toEqual([
      ["japan", 0],
      ["dprk", 1],
    ]);
    expect(grid.rows.map((r) => [r.day, r.number, slugs(r.cells)])).toEqual([["2006-02-07", 4, [[], ["d"]]]]);
  });

  it("lines the parties up by day, days in order, with the undated statements in a last row of their own", () => {
    const grid = groupByDayAndParty(
      beijing,
      [japan, dprk],
      [
        st("j-undated", { party: japan, sequence: 3 }),
        st("d-undated", { party: dprk, sequence: 1 }),
        st("d7", { party: dprk, saidOn: "2006-02-07" }),
        st("j5", { party: japan, saidOn: "2006-02-05" }),
        st("j7", { party: japan, saidOn: "2006-02-07", sequence: 2 }),
      ],
    );
    expect(grid.rows.map((r) => [r.day, slugs(r.cells)])).toEqual([
      ["2006-02-05", [["j5"], []]],
      ["2006-02-07", [["j7"], ["d7"]]],
      [null, [["j-undated"], ["d-undated"]]],
    ]);
  });

  it("adds a column for a party that spoke on the issue though it is not listed among the talk's parties", () => {
    const china = { slug: "china", shortName: "China" };
    const grid = groupByDayAndParty(beijing, [japan], [st("c", { party: china })]);
    expect(grid.columns.map((c) => c.party.slug)).toEqual(["japan", "china"]);
    expect(grid.rows.map((r) => slugs(r.cells))).toEqual([[[], ["c"]]]);
  });

  it("has no rows when nothing was said", () => {
    expect(groupByDayAndParty(beijing, [japan, dprk], []).rows).toEqual([]);
  });
});

describe("isStance", () => {
  it("counts positions, demands and denials as what a party holds, not its quotes or assessments", () => {
    expect(["position", "demand", "denial"].every((k) => isStance(k as never))).toBe(true);
    expect(isStance("assessment")).toBe(false);
    expect(isStance("direct_quote")).toBe(false);
    expect(isStance("paraphrase")).toBe(false);
  });
});

describe("gapStrip", () => {
  const talk = { firstDay: "2006-02-04", lastDay: null, venueTimeZone: "Asia/Shanghai" };
  const deadlocked = { localDay: "2006-02-07", gap: "deadlocked" as const };
  const brief = (slots: ReturnType<typeof gapStrip<typeof deadlocked>>) =>
    slots.map((s) => (s.kind === "day" ? `${s.number} ${s.day} ${s.assessment?.gap ?? "-"}` : `${s.firstNumber}–${s.lastNumber} empty (${s.count})`));

  it("runs an open talk to its latest assessment, the days before it as one stretch", () => {
    expect(brief(gapStrip(talk, [deadlocked]))).toEqual(["1–3 empty (3)", "4 2006-02-07 deadlocked"]);
  });

  it("lists a day with a statement on the issue though not assessed, and runs to the talk's last day", () => {
    const closed = { ...talk, lastDay: "2006-02-10" };
    expect(brief(gapStrip(closed, [deadlocked], ["2006-02-04", "2006-02-07"]))).toEqual([
      "1 2006-02-04 -",
      "2–3 empty (2)",
      "4 2006-02-07 deadlocked",
      "5–7 empty (3)",
    ]);
    // A recorded day after the last day widens the strip to it.
    expect(brief(gapStrip({ ...talk, lastDay: "2006-02-08" }, [deadlocked], ["2006-02-09"])).at(-1)).toBe("6 2006-02-09 -");
  });

  it("is one entry for a talk with no assessment and nothing recorded yet", () => {
    expect(gapStrip(talk, [])).toEqual([{ kind: "empty", first: "2006-02-04", last: "2006-02-04", firstNumber: 1, lastNumber: 1, count: 1 }]);
  });

  it("stays short whatever the dates: an assessment dated 9999-12-31 adds one stretch and one day", () => {
    const far = { localDay: "9999-12-31", gap: "widening" as const };
    const strip = gapStrip(talk, [deadlocked, far]);
    expect(strip).toHaveLength(4);
    expect(strip[2]).toMatchObject({ kind: "empty", first: "2006-02-08", last: "9999-12-30", firstNumber: 5 });
    expect(strip[3]).toMatchObject({ kind: "day", day: "9999-12-31", assessment: far });
  });

  it("leaves days before the talk's first unnumbered", () => {
    const strip = gapStrip({ ...talk, lastDay: "2006-02-05" }, [], ["2006-02-01", "2006-02-04"]);
    expect(brief(strip)).toEqual(["null 2006-02-01 -", "null–null empty (2)", "1 2006-02-04 -", "2–2 empty (1)"]);
  });
});
