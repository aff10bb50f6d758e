// The talk page's reads (lib/data/talks.ts) on a real SQLite database: the window of days it
// shows, with empty stretches folded; that the windows of a long talk, read one after another,
// hold every item once; that the reads kept in memory are dropped when the talk changes, even by
// another connection; and that a legacy row dated 9999-12-31 costs one day, not millions.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTalkDocument } from "../../bench/timeline/generate";
import { createDb, type Db } from "../../lib/db";
import type { DatabaseConfig } from "../../lib/env";
import { PartyUpdateInput } from "../../lib/entities/party";
import { StatementInput } from "../../lib/entities/statement";
import { updateParty } from "../../lib/mutations/catalog";
import { createStatement } from "../../lib/mutations/statements";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { WINDOW_DAYS, WINDOW_ITEMS } from "../../lib/timeline/window";
import type { WindowContent } from "../../lib/data/talks";
import { loadSeedTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const BEIJING = "japan-dprk-beijing-2006";
const LONG = "test-windows-round";

let config: DatabaseConfig;
let db: Db;
let data: typeof import("../../lib/data/talks");

beforeAll(async () => {
  config = await migratedSqlite("talk-page");
  // The reads use the app's one client, which takes its database from DATABASE_URL on first use.
  process.env.DATABASE_URL = config.url;
  db = await (await import("../../lib/db")).getDb();
  await loadSeedTalk(db, "test");
  const long = generateTalkDocument({ seed: 11, slug: LONG, firstDay: "2025-03-10", days: 20, sessions: 120, statements: 1_500, timeZone: "Europe/Zurich" });
  await loadTalkDocument(db, TalkDocumentSchema.parse(long), "test");
  data = await import("../../lib/data/talks");
});

afterAll(async () => {
  await db?.$disconnect();
});

/** What a window lists, as words: "Day 1", "Days 2–3 empty", "unknown". */
const shape = (w: WindowContent) => [
  ...w.slots.map((s) =>
    s.kind === "day" ? `Day ${s.number.toLocaleString("en-GB")}` : s.count === 1 ? `Day ${s.firstNumber} empty` : `Days ${s.firstNumber}–${(s.firstNumber + s.count - 1).toLocaleString("en-GB")} empty`,
  ),
  ...(w.undated ? ["unknown"] : []),
];
const statementIds = (w: WindowContent) => [
  ...w.slots.flatMap((s) => (s.kind === "day" ? [...s.value.sessions.flatMap((g) => g.statements), ...s.value.outside] : [])),
  ...(w.undated ? [...w.undated.sessions.flatMap((g) => g.statements), ...w.undated.statements] : []),
].map((s) => s.id);
const itemsOf = (w: WindowContent) =>
  w.slots.reduce((n, s) => (s.kind === "day" ? n + s.value.sessions.length + statementIds({ ...w, slots: [s], undated: null }).length + s.value.assessments.length : n), 0);

describe("the talk page", () => {
  it("shows the Beijing talk whole: day 1, days 2–3 folded into one line, day 4, and what has no known day", async () => {
    const page = (await data.getTalkPage(BEIJING, {}, null))!;
    expect(shape(page.window)).toEqual(["Day 1", "Days 2–3 empty", "Day 4", "unknown"]);
    expect(page.window).toMatchObject({ previous: null, next: null, first: "2006-02-04", last: "unknown" });
    // Undated: two sessions and eight statements (the "huge difference" among them: the report dates it to no day).
    expect(page.index).toMatchObject({ kind: "days", first: "2006-02-04", last: "2006-02-07", undated: 10 });
    // The strip's columns are the window's: a day, the folded stretch, a day.
    expect(page.convergence[0]!.cells.map((c) => c.kind)).toEqual(["day", "empty", "day"]);
    expect(page.sources.map((s) => [s.number, s.href])).toEqual([[1, "#source-1"]]);
  });

  it("shows a long talk a window at a time, and the windows read one after another hold every statement once", async () => {
    const first = (await data.getTalkPage(LONG, {}, null))!;
    expect(first.window.previous).toBeNull();
    expect(first.window.next).not.toBeNull();
    const seen: string[] = [];
    let window: WindowContent | null = first.window;
    let windows = 0;
    while (window) {
      windows++;
      expect(itemsOf(window) <= WINDOW_ITEMS || window.slots.filter((s) => s.kind === "day").length === 1).toBe(true);
      expect(window.slots.filter((s) => s.kind === "day").length).toBeLessThanOrEqual(WINDOW_DAYS);
      seen.push(...statementIds(window));
      window = window.next ? (await data.getTalkDays(LONG, {}, window.next))!.window : null;
    }
    expect(windows).toBeGreaterThan(3);
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen).toHaveLength(await db.statement.count({ where: { talk: { slug: LONG }, deletedAt: null } }));

    // A window from a later day says where the one before it starts: going back lands on the same days.
    const later = (await data.getTalkPage(LONG, {}, first.window.next))!;
    expect(later.window.previous).toBe("2025-03-10");
  });

  it("reads the talk again once it changes, also when another connection changed it", async () => {
    const before = (await data.getTalkPage(BEIJING, {}, null))!;
    const other = await createDb(config);
    try {
      const text = `Japan will answer in writing (${randomUUID()}).`;
      await createStatement(
        other,
        StatementInput.parse({ talk: BEIJING, speaker: "envoy:kunio-umeda", capacity: "head_of_delegation", kind: "position", saidPrecision: "day", saidOn: "2006-02-06", setting: "press_briefing", text }),
        { id: null, name: "Another instance" },
      );
      const after = (await data.getTalkPage(BEIJING, {}, null))!;
      expect(shape(after.window)).toEqual(["Day 1", "Day 2 empty", "Day 3", "Day 4", "unknown"]);
      expect(after.totals.statements).toBe(before.totals.statements + 1);
      // A shared record (a party, cited by this talk) renamed elsewhere shows too.
      const japan = await other.party.findUniqueOrThrow({ where: { slug: "japan" } });
      await updateParty(other, PartyUpdateInput.parse({ id: japan.id, version: japan.version, name: japan.name, shortName: "Nippon", isoCode: japan.isoCode ?? "" }), { id: null, name: "Another instance" });
      const renamed = (await data.getTalkPage(BEIJING, {}, null))!;
      expect(renamed.window.undated!.statements.some((s) => s.party.shortName === "Nippon")).toBe(true);
    } finally {
      await other.$disconnect();
    }
  });

  it("lists on day 4 the 8 statements reported that day whose own day is not known, apart, filters applied", async () => {
    const day = (await data.getTalkDay(BEIJING, {}, "2006-02-07"))!;
    expect(statementIds(day.day)).toHaveLength(1); // said on day 4: Song Il Ho's "no significant progress"
    expect(day.reported).toHaveLength(8);
    expect(day.reported.every((s) => s.saidOn === null && s.reportedOn === "2006-02-07")).toBe(true);
    // Their sources are among the day's source notes.
    expect(day.sources.length).toBeGreaterThan(0);
    const dprk = (await data.getTalkDay(BEIJING, { party: "dprk" }, "2006-02-07"))!;
    expect(dprk.reported.every((s) => s.party.slug === "dprk")).toBe(true);
    expect(dprk.reported.length).toBeLessThan(day.reported.length);
    // Not on another day, nor on the undated page itself.
    expect((await data.getTalkDay(BEIJING, {}, "2006-02-04"))!.reported).toEqual([]);
    expect((await data.getTalkDay(BEIJING, {}, "unknown"))!.reported).toEqual([]);
  });

  it("lists a legacy row dated 9999-12-31 as one more day, after one folded stretch", async () => {
    const talk = await db.talk.findUniqueOrThrow({ where: { slug: LONG }, select: { id: true } });
    const party = await db.party.findFirstOrThrow({ where: { talks: { some: { talkId: talk.id } } }, select: { id: true } });
    // Written around the rule that refuses it now, as a database from before it may hold one
    // (with a revision, as every write then made one: that is what tells the pages it changed).
    await db.statement.create({ data: { talkId: talk.id, partyId: party.id, saidOn: "9999-12-31", saidPrecision: "day", kind: "position", text: "Typed as the year 9999." } });
    await db.revision.create({ data: { entityType: "statement", entityId: randomUUID(), talkId: talk.id, action: "create", actorName: "test" } });
    const page = (await data.getTalkPage(LONG, {}, null))!;
    expect(page.index.last).toBe("9999-12-31");
    const last = (await data.getTalkPage(LONG, {}, "9999-12-31"))!;
    expect(shape(last.window).slice(0, 2)).toEqual(["Days 21–2,912,739 empty", "Day 2,912,740"]);
    const day = (await data.getTalkDay(LONG, {}, "9999-12-31"))!;
    expect(statementIds(day.day)).toHaveLength(1);
    expect(day.next).toBe("unknown"); // the items with no known day come after every day
  });
});

describe("the print view", () => {
  it("reads every day of a long talk in full, each statement once, a window at a time", async () => {
    const print = (await data.openTalkPrint(LONG, { kind: "denial" }))!;
    const seen: string[] = [];
    for await (const window of print.windows()) seen.push(...statementIds(window));
    expect(seen).toHaveLength(new Set(seen).size);
    expect(seen).toHaveLength(await db.statement.count({ where: { talk: { slug: LONG }, deletedAt: null, kind: "denial" } }));
  });
});
