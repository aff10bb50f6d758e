// The Beijing data set, checked against the news report it comes from, in a real database
// loaded by the real `npm run db:seed` script.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../lib/db";
import { formatLocalDay, localDaysBetween } from "../../lib/time/local-day";
import { migratedSqlite } from "../support/sqlite-template";

const ROOT = path.resolve(import.meta.dirname, "../..");
// The report's sentences that the data set quotes, kept in the repository (the report itself is not).
const REPORT = path.join(ROOT, "docs/reference/beijing-talks-2006-quotes.md");
const SLUG = "japan-dprk-beijing-2006";

let db: Db;
let url: string;

function seed(): string {
  return execFileSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "scripts/db/seed.ts")], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
}

beforeAll(async () => {
  const config = await migratedSqlite("seed");
  url = config.url;
  expect(seed()).toContain("Loaded Japan–DPRK normalization talks");
  db = await createDb(config);
});

afterAll(async () => {
  await db?.$disconnect();
});

const talk = () => db.talk.findUniqueOrThrow({ where: { slug: SLUG } });

describe("the Beijing 2006 seed", () => {
  it("opens in Beijing on Saturday 4 February 2006, venue time Asia/Shanghai, end not yet known", async () => {
    const t = await talk();
    expect(t).toMatchObject({ venueCity: "Beijing", venueTimeZone: "Asia/Shanghai", firstDay: "2006-02-04", lastDay: null, status: "ongoing" });
    expect(formatLocalDay(t.firstDay)).toBe("Saturday 4 February 2006");
  });

  it("takes its facts from the report written on day 4, Tuesday 7 February", async () => {
    const t = await talk();
    const sources = await db.source.findMany();
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ title: "North Korea, Japan Still far Apart on Issue of Abducted Japanese", publishedOn: "2006-02-07", url: null });
    expect(localDaysBetween(t.firstDay, "2006-02-07") + 1).toBe(4);
    expect(formatLocalDay("2006-02-07")).toBe("Tuesday 7 February 2006");
  });

  it("has Japan and the DPRK, with Kunio Umeda and Song Il Ho, and no role the report does not give", async () => {
    const t = await talk();
    const parties = await db.talkParty.findMany({ where: { talkId: t.id }, orderBy: { position: "asc" }, select: { party: true } });
    expect(parties.map((p) => [p.party.shortName, p.party.isoCode])).toEqual([
      ["Japan", "JPN"],
      ["DPRK", "PRK"],
    ]);
    const envoys = await db.talkEnvoy.findMany({ where: { talkId: t.id }, select: { role: true, envoy: { select: { name: true, party: { select: { slug: true } } } } } });
    expect(envoys.map((e) => [e.envoy.name, e.envoy.party.slug, e.role]).sort()).toEqual([
      // "Japanese envoy Kunio Umeda": an envoy of Japan's, not said to lead its delegation.
      ["Kunio Umeda", "japan", "member"],
      // "Song Il Ho, North Korea's chief envoy".
      ["Song Il Ho", "dprk", "head"],
    ]);
  });

  it("heads a delegation, and speaks as its head, only where the report calls the envoy its side's chief", async () => {
    const report = readFileSync(REPORT, "utf8");
    const t = await talk();
    const envoys = await db.talkEnvoy.findMany({ where: { talkId: t.id }, select: { role: true, envoy: { select: { id: true, name: true } } } });
    for (const { role, envoy } of envoys) {
      // How the report introduces the envoy: "<name>, <who>" or "<who> <name>".
      const named = new RegExp(`${envoy.name}, ([^,]+),|([A-Z][\\w ]+?) ${envoy.name}`).exec(report);
      expect(named, `the report names ${envoy.name}`).not.toBeNull();
      const words = (named![1] ?? named![2])!;
      const chief = /\b(chief|head)\b/i.test(words);
      expect([envoy.name, role], `the report calls ${envoy.name} "${words}"`).toEqual([envoy.name, chief ? "head" : "member"]);
      const capacities = await db.statement.findMany({ where: { talkId: t.id, envoyId: envoy.id }, select: { capacity: true } });
      expect(capacities.length).toBeGreaterThan(0);
      for (const { capacity } of capacities) expect([envoy.name, capacity]).toEqual([envoy.name, chief ? "head_of_delegation" : "delegation_member"]);
    }
  });

  it("dates to day 4 only what the report dates to Tuesday, and says no more in its summary and assessment", async () => {
    const dated = await db.statement.findMany({ where: { talk: { slug: SLUG }, saidOn: { not: null } }, select: { text: true, saidOn: true, envoy: { select: { name: true } } } });
    expect(dated.map((s) => [s.envoy?.name, s.saidOn, s.text])).toEqual([
      ["Song Il Ho", "2006-02-07", "The two meetings held on the abduction issue have not produced significant progress."],
    ]);
    const t = await talk();
    const note = (await db.assessment.findFirstOrThrow({ select: { note: true } })).note;
    for (const text of [t.summary, note]) {
      expect(text).not.toMatch(/both (chief )?envoys/i);
      expect(text).toMatch(/days the report does not give/);
      expect(text).toMatch(/North Korea's chief envoy, Song Il Ho/);
      expect(text).toMatch(/Japan's envoy, Kunio Umeda/);
    }
  });

  it("puts abductions and normalization of relations on the agenda", async () => {
    const issues = await db.talkIssue.findMany({ where: { talk: { slug: SLUG } }, orderBy: { position: "asc" }, select: { issue: { select: { slug: true } } } });
    expect(issues.map((i) => i.issue.slug)).toEqual(["abductions", "normalization"]);
  });

  it("records the two abduction meetings as without significant progress, on days the report does not give", async () => {
    const meetings = await db.session.findMany({
      where: { talk: { slug: SLUG }, issues: { some: { issue: { slug: "abductions" } } } },
      orderBy: { sequence: "asc" },
    });
    expect(meetings).toHaveLength(2);
    for (const m of meetings) expect(m).toMatchObject({ outcome: "no_progress", localDay: null, startsAt: null, endsAt: null });
    // No session anywhere invents a clock time the report does not give.
    expect(await db.session.count({ where: { startsAt: { not: null } } })).toBe(0);
  });

  it("keeps the envoys' quoted words exactly as the report quotes them", async () => {
    const quoted = await db.statement.findMany({
      where: { quotedWords: { not: null } },
      select: { quotedWords: true, saidOn: true, saidPrecision: true, envoy: { select: { name: true } } },
      orderBy: { sequence: "asc" },
    });
    expect(quoted.map((s) => [s.envoy?.name, s.quotedWords, s.saidOn, s.saidPrecision])).toEqual([
      // The report dates only Song Il Ho's first statement ("on Tuesday"), and none of Umeda's.
      ["Song Il Ho", "huge difference", null, "unknown"],
      ["Kunio Umeda", "very regrettable", null, "unknown"],
    ]);
  });

  it("finds every quoted phrase in quotation marks in the report itself", async () => {
    const report = readFileSync(REPORT, "utf8");
    const quoted = await db.statement.findMany({ where: { quotedWords: { not: null } }, select: { quotedWords: true } });
    expect(quoted.length).toBeGreaterThan(0);
    for (const { quotedWords } of quoted) expect(report).toMatch(new RegExp(`"${quotedWords}[.,]?"`));
  });

  it("gives each party's position and sources every statement to the report", async () => {
    const statements = await db.statement.findMany({
      where: { talk: { slug: SLUG } },
      select: { kind: true, envoyId: true, party: { select: { slug: true } }, _count: { select: { sources: true } } },
    });
    expect(statements.length).toBeGreaterThanOrEqual(9);
    expect(statements.every((s) => s._count.sources >= 1)).toBe(true);
    const positions = statements.filter((s) => s.kind === "position" && s.envoyId === null).map((s) => s.party.slug);
    expect(positions.sort()).toEqual(["dprk", "japan"]);
  });

  it("assesses the gap on abductions as deadlocked on day 4", async () => {
    const assessments = await db.assessment.findMany({ select: { localDay: true, gap: true, issue: { select: { slug: true } } } });
    expect(assessments).toEqual([{ localDay: "2006-02-07", gap: "deadlocked", issue: { slug: "abductions" } }]);
  });

  it("records Japan's condition: no normalization before the abduction issue is resolved", async () => {
    const linkage = await db.linkage.findFirstOrThrow({ select: { party: { select: { slug: true } }, issue: { select: { slug: true } }, conditionIssue: { select: { slug: true } } } });
    expect(linkage).toEqual({ party: { slug: "japan" }, issue: { slug: "normalization" }, conditionIssue: { slug: "abductions" } });
  });

  it("writes a create revision for every row it loads", async () => {
    const statements = await db.statement.count();
    expect(await db.revision.count({ where: { entityType: "statement", action: "create", actorName: "seed" } })).toBe(statements);
  });

  it("is idempotent: seeding again changes nothing", async () => {
    const count = async () => Promise.all([db.talk.count(), db.session.count(), db.statement.count(), db.source.count(), db.revision.count()]);
    const before = await count();
    expect(seed()).toContain("already loaded");
    expect(await count()).toEqual(before);
  });
});
