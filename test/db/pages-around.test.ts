// The envoy, party and issue reads against a real SQLite database loaded with the Beijing seed:
// what they return, and that nothing soft-deleted reaches a reader.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { loadSeedTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";


let db: Db;
let data: {
  getEnvoyPage: typeof import("../../lib/data/envoys").getEnvoyPage;
  getPartyPage: typeof import("../../lib/data/parties").getPartyPage;
  getIssuePage: typeof import("../../lib/data/issues").getIssuePage;
};

beforeAll(async () => {
  const { url } = await migratedSqlite("pages");
  // The reads use the app's one client, which takes its database from DATABASE_URL on first use.
  process.env.DATABASE_URL = url;
  const { getDb } = await import("../../lib/db");
  db = await getDb();
  await loadSeedTalk(db, "test");
  const [envoys, parties, issues] = await Promise.all([
    import("../../lib/data/envoys"),
    import("../../lib/data/parties"),
    import("../../lib/data/issues"),
  ]);
  data = { getEnvoyPage: envoys.getEnvoyPage, getPartyPage: parties.getPartyPage, getIssuePage: issues.getIssuePage };
});

afterAll(async () => {
  await db?.$disconnect();
});

const texts = (xs: { text: string }[]) => xs.map((x) => x.text);

describe("getEnvoyPage", () => {
  it("gives Song Il Ho's party, his role, his statement of day 4 of the Beijing talks and the one the report does not date", async () => {
    const page = (await data.getEnvoyPage("song-il-ho"))!;
    expect(page.envoy).toEqual({
      slug: "song-il-ho",
      name: "Song Il Ho",
      nameOriginal: null,
      title: "Chief envoy of North Korea",
      party: { slug: "dprk", name: "Democratic People's Republic of Korea", shortName: "DPRK" },
    });
    expect(page.roles.map((r) => [r.talk.slug, r.role])).toEqual([["japan-dprk-beijing-2006", "head"]]);
    expect(page.statementCount).toBe(2);
    const [talk] = page.statements;
    expect(talk!.talk.venueTimeZone).toBe("Asia/Shanghai");
    expect(talk!.days.map((d) => [d.day, d.number, d.statements.map((s) => s.quotedWords)])).toEqual([["2006-02-07", 4, [null]]]);
    expect(talk!.undated.map((s) => s.quotedWords)).toEqual(["huge difference"]);
    expect(talk!.undated[0]!.sources.map((s) => s.title)).toEqual([
      "North Korea, Japan Still far Apart on Issue of Abducted Japanese",
    ]);
  });

  it("puts Kunio Umeda's statements, whose day the report does not give, apart as undated", async () => {
    const [talk] = (await data.getEnvoyPage("kunio-umeda"))!.statements;
    expect(talk!.days).toEqual([]);
    expect(talk!.undated).toHaveLength(4);
  });

  it("returns null for an envoy that does not exist", async () => {
    expect(await data.getEnvoyPage("no-such-envoy")).toBeNull();
  });
});

describe("getPartyPage", () => {
  it("gives Japan's code, its talk, its envoy and its six statements, as a whole and through Kunio Umeda", async () => {
    const page = (await data.getPartyPage("japan"))!;
    expect(page.party).toEqual({ slug: "japan", name: "Japan", shortName: "Japan", isoCode: "JPN" });
    expect(page.talks.map((t) => t.slug)).toEqual(["japan-dprk-beijing-2006"]);
    // "Japanese envoy Kunio Umeda": a member of Japan's delegation, not said to lead it.
    expect(page.envoys.map((e) => [e.slug, e.roles.map((r) => r.role)])).toEqual([["kunio-umeda", ["member"]]]);
    expect(page.statementCount).toBe(6);
    const speakers = page.statements[0]!.undated.map((s) => s.envoy?.slug ?? s.party.slug);
    expect(new Set(speakers)).toEqual(new Set(["kunio-umeda", "japan"]));
  });
});

describe("getIssuePage", () => {
  it("shows what each side holds on the abductions, the day-4 deadlock and Japan's linkage", async () => {
    const page = (await data.getIssuePage("abductions"))!;
    expect(page.issue.name).toBe("Abductions of Japanese nationals");
    const [talk] = page.talks;
    expect(talk!.positions.columns.map((c) => [c.party.slug, c.count])).toEqual([
      ["japan", 3],
      ["dprk", 1],
    ]);
    expect(talk!.statementCount).toBe(9);
    expect(talk!.stanceCount).toBe(4);
    // Days 1–3 hold nothing on the abductions: one entry, then the assessed day 4.
    expect(talk!.gap).toMatchObject([
      { kind: "empty", first: "2006-02-04", last: "2006-02-06", firstNumber: 1, lastNumber: 3, count: 3 },
      { kind: "day", day: "2006-02-07", number: 4, assessment: { gap: "deadlocked" } },
    ]);
    expect(talk!.linkages).toHaveLength(1);
    expect(talk!.linkages[0]).toMatchObject({ party: { slug: "japan" }, issue: { slug: "normalization" }, conditionIssue: { slug: "abductions" } });
    expect(talk!.linkages[0]!.statementId).toEqual(expect.any(String));
  });

  it("lists every statement on the issue when asked for all of them", async () => {
    const [talk] = (await data.getIssuePage("abductions", "all"))!.talks;
    expect(talk!.positions.columns.map((c) => c.count)).toEqual([6, 3]);
    expect(talk!.positions.rows.map((r) => r.day)).toEqual(["2006-02-07", null]);
  });

  it("shows the linkage on the issue held back as well as on its condition", async () => {
    const [talk] = (await data.getIssuePage("normalization"))!.talks;
    expect(talk!.linkages.map((l) => l.text)).toEqual(["No diplomatic relations before the abduction issue is resolved."]);
  });
});

describe("soft-deleted records", () => {
  it("are never shown: a deleted statement disappears everywhere, a deleted source leaves its statement unsourced", async () => {
    const huge = await db.statement.findFirstOrThrow({ where: { quotedWords: "huge difference" }, select: { id: true } });
    const closed = await db.statement.findFirstOrThrow({ where: { text: { startsWith: "The abduction case is closed" } }, select: { id: true } });
    const now = new Date();
    await db.statement.update({ where: { id: huge.id }, data: { deletedAt: now } });
    await db.linkage.updateMany({ data: { deletedAt: now } });
    await db.source.updateMany({ data: { deletedAt: now } });
    await db.envoy.update({ where: { slug: "kunio-umeda" }, data: { deletedAt: now } });

    const song = (await data.getEnvoyPage("song-il-ho"))!;
    expect(texts(song.statements[0]!.days[0]!.statements)).not.toContainEqual(expect.stringContaining("huge difference"));
    expect(song.statementCount).toBe(1);

    const issue = (await data.getIssuePage("abductions", "all"))!;
    const all = issue.talks[0]!.positions.rows.flatMap((r) => r.cells.flat());
    expect(all.map((s) => s.id)).not.toContain(huge.id);
    expect(all.find((s) => s.id === closed.id)!.sources).toEqual([]);
    expect(issue.talks[0]!.linkages).toEqual([]);

    expect(await data.getEnvoyPage("kunio-umeda")).toBeNull();
    expect((await data.getPartyPage("japan"))!.envoys).toEqual([]);
  });
});
