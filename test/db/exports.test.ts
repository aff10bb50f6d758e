// A talk's exports as their consumers read them (docs/decisions/016-exports.md), through the route
// handlers on a real SQLite database: the statements CSV by csv-parse, the sessions calendar by
// ical.js, the Atom feeds by @rowanmanning/feed-parser (and fast-xml-parser's strict validator;
// each entry links to what changed since just before it),
// the JSON document and the TimelineJS JSON by JSON.parse — on the Beijing talk, the 5,000-statement
// bench talk and a Geneva round across the change to summer time. And how every export answers:
// its type and name, 304 on a matching ETag, 404 for a missing talk, 401 when reading needs an
// account. (TimelineJS itself reads its JSON in Chromium: e2e/exports.spec.ts.)
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { parse as parseCsv } from "csv-parse/sync";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateTalkDocument, LARGE_TALK } from "../../bench/timeline/generate";
import type { Db } from "../../lib/db";
import { STATEMENT_CSV_COLUMNS, statementsCsv } from "../../lib/exports/statements-csv";
import { exportTalkDocument, serializeTalkDocument } from "../../lib/talk-document/export";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema, type TalkDocument } from "../../lib/talk-document/schema";
import { buildTalkDocument, createStatement, loadSeedTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

// Nobody is signed in: a request without a session cookie (read only when reading needs an account).
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(new Headers()) }));

const ROOT = path.resolve(import.meta.dirname, "../..");
const BEIJING = "japan-dprk-beijing-2006";
const GENEVA = "test-geneva-dst-2026";
const SITE = "http://localhost:3000";

type Route = (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response>;
let db: Db;
let routes: { csv: Route; json: Route; ics: Route; atom: Route; timelinejs: Route; allAtom: (request: Request) => Promise<Response> };

const importRoutes = async () => ({
  csv: (await import("../../app/talks/[slug]/statements.csv/route")).GET,
  json: (await import("../../app/talks/[slug]/talk.json/route")).GET,
  ics: (await import("../../app/talks/[slug]/sessions.ics/route")).GET,
  atom: (await import("../../app/talks/[slug]/feed.xml/route")).GET,
  timelinejs: (await import("../../app/talks/[slug]/timelinejs.json/route")).GET,
  allAtom: (await import("../../app/feed.xml/route")).GET,
});

const get = (route: Route, slug: string, headers: Record<string, string> = {}) =>
  route(new Request(`${SITE}/talks/${encodeURIComponent(slug)}/export`, { headers }), { params: Promise.resolve({ slug }) });

/** The Geneva fixture, with a session across the night the clocks go forward and titles that need escaping. */
function genevaDocument(): TalkDocument {
  const doc = JSON.parse(readFileSync(path.join(ROOT, "e2e/fixtures/geneva-dst-2026.json"), "utf8")) as TalkDocument;
  doc.sessions.push({
    ref: "sun-across",
    localDay: "2026-03-29",
    // 01:30 CET to 03:30 CEST: one hour, though the clocks show two.
    startsAt: "2026-03-29T01:30:00+01:00",
    endsAt: "2026-03-29T03:30:00+02:00",
    kind: "plenary",
    title: "Night plenary; water, borders — and a long title that a calendar line must fold: «Genève» ✓",
    summary: "Line one.\nLine two, with a backslash \\ and a semicolon;",
    outcome: "progress",
    issues: [],
    sources: [],
  });
  doc.sessions.push({ ref: "day-only", localDay: "2026-03-30", kind: null, title: "Closing meeting", summary: "", outcome: "unknown", issues: [], sources: [] });
  doc.sessions.push({ ref: "no-day", localDay: null, kind: null, title: "A meeting on a day not reported", summary: "", outcome: "unknown", issues: [], sources: [] });
  return TalkDocumentSchema.parse(doc);
}

/** Texts a spreadsheet would run as formulas, and cells RFC 4180 must quote. */
const HOSTILE_TEXTS = [
  "=HYPERLINK(\"http://evil.example\",\"click\")",
  "+1 more, said the envoy",
  "-2 in the polls; \"no comment\"",
  "@SUM(A1:A2)",
  "\tTabbed start",
  "Two lines\r\nin one statement, with \"quotes\"",
  "Plain words, “curly quotes” and 北京",
];

beforeAll(async () => {
  const config = await migratedSqlite("exports");
  process.env.DATABASE_URL = config.url;
  db = await (await import("../../lib/db")).getDb();
  await loadSeedTalk(db, "seed");
  await loadTalkDocument(db, generateTalkDocument(LARGE_TALK), "bench");
  await loadTalkDocument(db, genevaDocument(), "test");
  const hostile = buildTalkDocument({
    talk: { slug: "test-hostile-csv" },
    statements: HOSTILE_TEXTS.map((text, i) => ({ ref: `s-${i}`, party: "aurelia", capacity: "government", saidOn: "2026-03-02", saidPrecision: "day", setting: "unknown", kind: "position", text, issues: [], sources: [] })),
  });
  const { talkId } = await loadTalkDocument(db, hostile, "test");
  // A document's texts are trimmed; a cell that starts with a tab can only come from an older row.
  await db.statement.updateMany({ where: { talkId, text: "Tabbed start" }, data: { text: "\tTabbed start" } });
  routes = await importRoutes();
});

afterAll(async () => {
  await db?.$disconnect();
});

const csvRows = (body: string) => parseCsv<Record<string, string>>(body, { bom: true, columns: true, record_delimiter: "\r\n", relax_column_count: false });

describe("the statements CSV", () => {
  it("is RFC 4180 CSV in UTF-8 with a BOM and CRLF, a header of the documented columns, and a row per live statement", async () => {
    const response = await get(routes.csv, BEIJING);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="japan-dprk-beijing-2006-statements.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = new TextDecoder().decode(bytes);
    expect(body.replaceAll("\r\n", "")).not.toMatch(/\n/);

    const header = parseCsv(body, { bom: true, to_line: 1 })[0] as string[];
    expect(header).toEqual(STATEMENT_CSV_COLUMNS.map((c) => c.name));
    const rows = csvRows(body);
    const doc = (await exportTalkDocument(db, BEIJING))!;
    expect(rows).toHaveLength(doc.statements.length);
    // Song Il Ho's first statement, dated day 4; the "huge difference" one, whose day is not given.
    const dated = rows.find((r) => r.speaker === "Song Il Ho (DPRK)" && r.day === "2006-02-07")!;
    expect(dated).toMatchObject({ day_number: "4", precision: "day", time: "", party: "dprk", envoy: "song-il-ho", capacity: "head_of_delegation", sources: "news-report-2006-02-07" });
    const huge = rows.find((r) => r.quoted_words === "huge difference")!;
    expect(huge).toMatchObject({ day: "", day_number: "", precision: "unknown", reported_on: "2006-02-07", party_name: "Democratic People's Republic of Korea" });
    expect(huge.text).toContain("huge difference");
    expect(huge.source_citations).toContain("“North Korea, Japan Still far Apart on Issue of Abducted Japanese”, 2006-02-07");
  });

  it("defuses formulas with a leading apostrophe and keeps commas, quotes and line breaks in one cell", async () => {
    const body = await (await get(routes.csv, "test-hostile-csv")).text();
    const texts = csvRows(body).map((r) => r.text!);
    expect(texts).toEqual([
      "'=HYPERLINK(\"http://evil.example\",\"click\")",
      "'+1 more, said the envoy",
      "'-2 in the polls; \"no comment\"",
      "'@SUM(A1:A2)",
      "'\tTabbed start",
      "Two lines\r\nin one statement, with \"quotes\"",
      "Plain words, “curly quotes” and 北京",
    ]);
    // The import reads each cell back as it was.
    expect(texts.map((t) => statementsCsv.readCell(t))).toEqual(HOSTILE_TEXTS);
  });

  it("holds the 5,000-statement bench talk: one row each, its venue times and offsets on both sides of the clock change", async () => {
    const rows = csvRows(await (await get(routes.csv, LARGE_TALK.slug)).text());
    expect(rows).toHaveLength(LARGE_TALK.statements);
    expect(new Set(rows.map((r) => r.statement_id)).size).toBe(LARGE_TALK.statements);
    const timed = rows.filter((r) => r.precision === "minute");
    expect(timed.length).toBeGreaterThan(100);
    for (const r of timed) {
      expect(r.time).toMatch(/^\d\d:\d\d$/);
      expect(r.utc_offset).toBe(r.day! < "2025-03-30" || (r.day === "2025-03-30" && r.time! < "02:00") ? "UTC+01:00" : "UTC+02:00");
    }
    expect(rows.filter((r) => r.precision !== "minute").every((r) => r.time === "" && r.utc_offset === "")).toBe(true);
    expect(rows.filter((r) => r.precision === "unknown").every((r) => r.day === "")).toBe(true);
  });

  it("is documented column by column in docs/statements-csv.md", () => {
    const doc = readFileSync(path.join(ROOT, "docs/statements-csv.md"), "utf8");
    const documented = [...doc.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented).toEqual(STATEMENT_CSV_COLUMNS.map((c) => c.name));
  });
});

describe("the talk document", () => {
  it("is the lossless parley.talk/v1 export, as a file to download", async () => {
    const response = await get(routes.json, BEIJING);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="japan-dprk-beijing-2006.parley.json"');
    expect(await response.text()).toBe(serializeTalkDocument((await exportTalkDocument(db, BEIJING))!));
  });
});

describe("the sessions calendar", () => {
  const events = (text: string) => {
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
    return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
  };

  it("has an all-day event for each Beijing session whose day is known, and none for the two meetings on unknown days", async () => {
    const response = await get(routes.ics, BEIJING);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="japan-dprk-beijing-2006-sessions.ics"');
    const text = await response.text();
    const doc = (await exportTalkDocument(db, BEIJING))!;
    const { events: list } = events(text);
    const known = doc.sessions.filter((s) => s.localDay !== null);
    expect(doc.sessions.length - known.length).toBe(2);
    expect(list.map((e) => e.summary)).toEqual(known.map((s) => s.title));
    for (const [i, e] of list.entries()) {
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(known[i]!.localDay);
      expect(e.endDate.toString()).toBe(nextDay(known[i]!.localDay!));
      expect(e.location).toBe("Beijing");
    }
    // A calendar with no timed session needs no zone.
    expect(text).not.toContain("BEGIN:VTIMEZONE");
  });

  it("gives the Geneva sessions the venue's zone: a session across the clock change lasts one hour, the instants are the stored ones", async () => {
    const text = await (await get(routes.ics, GENEVA)).text();
    const { calendar, events: list } = events(text);
    const zone = calendar.getFirstSubcomponent("vtimezone")!;
    expect(zone.getFirstPropertyValue("tzid")).toBe("Europe/Zurich");
    const byTitle = new Map(list.map((e) => [e.summary, e]));
    expect(byTitle.has("A meeting on a day not reported")).toBe(false);
    expect(list).toHaveLength(5);

    const across = list.find((e) => e.summary.startsWith("Night plenary"))!;
    expect(across.summary).toBe("Night plenary; water, borders — and a long title that a calendar line must fold: «Genève» ✓");
    expect(across.description).toContain("Line one.\nLine two, with a backslash \\ and a semicolon;");
    expect(across.startDate.zone?.tzid).toBe("Europe/Zurich");
    expect(across.startDate.toString()).toBe("2026-03-29T01:30:00");
    expect(across.endDate.toString()).toBe("2026-03-29T03:30:00");
    expect(across.startDate.toJSDate().toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(across.endDate.toJSDate().toISOString()).toBe("2026-03-29T01:30:00.000Z");

    const late = byTitle.get("Late plenary")!;
    expect([late.startDate.toJSDate().toISOString(), late.endDate.toJSDate().toISOString()]).toEqual(["2026-03-28T22:30:00.000Z", "2026-03-28T22:55:00.000Z"]);
    const monday = byTitle.get("Monday bilateral")!;
    expect(monday.startDate.toString()).toBe("2026-03-30T00:30:00");
    expect(monday.startDate.toJSDate().toISOString()).toBe("2026-03-29T22:30:00.000Z");
    const closing = byTitle.get("Closing meeting")!;
    expect(closing.startDate.isDate).toBe(true);
    expect(closing.startDate.toString()).toBe("2026-03-30");

    // Lines are folded at 75 octets, and the same session keeps its UID.
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\n /);
    const again = events(await (await get(routes.ics, GENEVA)).text()).events;
    expect(again.map((e) => e.uid)).toEqual(list.map((e) => e.uid));
    expect(new Set(list.map((e) => e.uid)).size).toBe(list.length);
  });

  it("describes the zone's real changes in the years covered (the bench round crosses 30 March 2025)", async () => {
    const text = await (await get(routes.ics, LARGE_TALK.slug)).text();
    const { events: list } = events(text);
    const doc = (await exportTalkDocument(db, LARGE_TALK.slug))!;
    expect(list).toHaveLength(doc.sessions.filter((s) => s.localDay !== null).length);
    expect(text).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20250330T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200");
    expect(text).toContain("BEGIN:STANDARD\r\nDTSTART:20251026T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100");
    // Every timed session's instants read back as stored.
    const timed = new Map(doc.sessions.filter((s) => s.startsAt).map((s) => [s.title + s.startsAt, s]));
    let checked = 0;
    for (const e of list) {
      if (e.startDate.isDate) continue;
      const start = e.startDate.toJSDate().getTime();
      const match = [...timed.values()].find((s) => s.title === e.summary && Date.parse(s.startsAt!) === start);
      expect(match, `${e.summary} at ${e.startDate.toString()}`).toBeDefined();
      if (match!.endsAt) expect(e.endDate.toJSDate().getTime()).toBe(Date.parse(match!.endsAt));
      checked++;
    }
    expect(checked).toBe(timed.size);
  });
});

describe("the Atom feeds", () => {
  it("list a talk's statements newest first, each with a urn:uuid id, its place on its day's page, its speaker and its words as text", async () => {
    const response = await get(routes.atom, BEIJING);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parseFeed(xml);
    const doc = (await exportTalkDocument(db, BEIJING))!;
    expect(feed.meta.type).toBe("atom");
    expect(feed.self).toBe(`${SITE}/talks/${BEIJING}/feed.xml`);
    expect(feed.items).toHaveLength(doc.statements.length);
    for (const item of feed.items) {
      expect(item.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(item.url).toMatch(new RegExp(`^${SITE}/talks/${BEIJING}/days/(\\d{4}-\\d\\d-\\d\\d|unknown)#statement-`));
      expect(item.authors[0]?.name).toBeTruthy();
    }
    const huge = feed.items.find((i) => i.title?.includes("huge difference"))!;
    expect(huge.authors[0]!.name).toBe("Song Il Ho (DPRK)");
    expect(huge.url).toContain("/days/unknown#statement-");
  });

  it("put a statement recorded now first, in its talk's feed and in the feed of all talks, its text escaped", async () => {
    const talk = (await db.talk.findUniqueOrThrow({ where: { slug: BEIJING }, select: { id: true } }));
    const words = `Japan said <script>alert("x")</script> & more ]]> at ${Date.now()}`;
    const { id } = await createStatement(db, { id: talk.id, slug: BEIJING, firstDay: "2006-02-04", lastDay: null, venueTimeZone: "Asia/Shanghai", parties: ["japan"], issues: [] }, { saidOn: "2006-02-07", text: words });
    for (const xml of [await (await get(routes.atom, BEIJING)).text(), await (await routes.allAtom(new Request(`${SITE}/feed.xml`))).text()]) {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).not.toContain("<script>");
      const feed = parseFeed(xml);
      const first = feed.items[0]!;
      expect(first.url).toBe(`${SITE}/talks/${BEIJING}/days/2006-02-07#statement-${id}`);
      // The content is HTML whose first paragraph, read as HTML, is the words as they were typed
      // (this parser hands it back with its entities decoded).
      expect(first.content).toContain(words);
      const html = /<content type="html"><!\[CDATA\[(.*?)\]\]><\/content>/s.exec(xml)![1]!;
      expect(decodeEntities(/^<p>(.*?)<\/p>/.exec(html)![1]!)).toBe(words);
      // It leads to what changed in its talk since just before it was recorded: the talk and its brief.
      const since = new URLSearchParams({ since: new Date(first.updated!.getTime() - 1).toISOString() });
      expect(html).toContain(`<a href="${SITE}/talks/${BEIJING}?${since}">What changed in Japan–DPRK normalization talks, Beijing, February 2006 since just before this</a>`);
      expect(html).toContain(`<a href="${SITE}/talks/${BEIJING}/brief?${since}">its brief, with those changes marked</a>`);
      const updated = feed.items.map((i) => i.updated!.getTime());
      expect(updated).toEqual([...updated].sort((a, b) => b - a));
    }
    const all = parseFeed(await (await routes.allAtom(new Request(`${SITE}/feed.xml`))).text());
    expect(all.items).toHaveLength(50);
    expect(all.self).toBe(`${SITE}/feed.xml`);
  });
});

describe("the TimelineJS JSON", () => {
  it("has one slide per statement whose day is known, on the venue's clock, and says how many are left out", async () => {
    const response = await get(routes.timelinejs, LARGE_TALK.slug);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const data = (await response.json()) as { title: { text: { text: string } }; events: { unique_id: string; start_date: Record<string, number | string>; group: string }[] };
    const doc = (await exportTalkDocument(db, LARGE_TALK.slug))!;
    const dated = doc.statements.filter((s) => s.saidOn !== null);
    expect(data.events).toHaveLength(dated.length);
    expect(data.title.text.text).toContain(`${(doc.statements.length - dated.length).toLocaleString("en-GB")} statements are not on this timeline`);
    const timed = data.events.filter((e) => e.start_date.hour !== undefined);
    expect(timed).toHaveLength(dated.filter((s) => s.saidPrecision === "minute").length);
    expect(new Set(data.events.map((e) => e.group))).toEqual(new Set(["Aurelia", "Borealis", "Castellan", "Delmar", "Eastmark", "Fennland"]));
  });
});

describe("every export", () => {
  const all = () => [routes.csv, routes.json, routes.ics, routes.atom, routes.timelinejs];

  it("answers 304 to a reader who has this version, and a new version after a change", async () => {
    for (const route of all()) {
      const first = await get(route, GENEVA);
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(first.headers.get("cache-control")).toBe("public, no-cache");
      const again = await get(route, GENEVA, { "if-none-match": `W/${etag}, "other"` });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
    }
    const before = (await get(routes.csv, BEIJING)).headers.get("etag");
    const talk = await db.talk.findUniqueOrThrow({ where: { slug: BEIJING }, select: { id: true } });
    await createStatement(db, { id: talk.id, slug: BEIJING, firstDay: "2006-02-04", lastDay: null, venueTimeZone: "Asia/Shanghai", parties: ["japan"], issues: [] }, { saidOn: "2006-02-05" });
    const after = await get(routes.csv, BEIJING, { "if-none-match": before! });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
  });

  it("answers 404 with a sentence for a talk that does not exist, whatever the address holds", async () => {
    for (const route of all()) {
      for (const slug of ["no-such-talk", "../../etc/passwd", "x".repeat(5_000), "北京", "%00", "' OR 1=1 --"]) {
        const response = await get(route, slug);
        expect(response.status, slug.slice(0, 20)).toBe(404);
        expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
        expect(await response.text()).toMatch(/^There is no talk at \/talks\//);
      }
    }
  });

  it("answers 401 to a reader who is not signed in when reading needs an account", async () => {
    process.env.PARLEY_PUBLIC_READ = "false";
    vi.resetModules();
    vi.doMock("../../lib/auth/auth", () => ({
      COOKIE_PREFIX: "parley",
      SESSION_EXPIRES_IN_S: 604800,
      SESSION_UPDATE_AGE_S: 86400,
      sessionDatabaseOf: () => undefined,
      getAuth: () => Promise.resolve({ api: { getSession: () => Promise.resolve(null) } }),
    }));
    try {
      const closed = await importRoutes();
      for (const route of [closed.csv, closed.json, closed.ics, closed.atom, closed.timelinejs]) {
        const response = await get(route, BEIJING);
        expect(response.status).toBe(401);
        expect(await response.text()).toBe("Sign in to read Parley.\n");
      }
      expect((await closed.allAtom(new Request(`${SITE}/feed.xml`))).status).toBe(401);
    } finally {
      delete process.env.PARLEY_PUBLIC_READ;
      vi.doUnmock("../../lib/auth/auth");
      vi.resetModules();
    }
  });
});

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function decodeEntities(html: string): string {
  return html.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e]!);
}
