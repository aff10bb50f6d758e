// The read API (/api/v1/…, docs/decisions/017-read-api.md) on a real SQLite database, through its
// route handlers called with real Requests: every endpoint on the Beijing talk, each answer checked
// against the schema the OpenAPI document declares for it (ajv); the talk page's filters and day
// ranges; times never more precise than recorded; 400s naming the parameter, 404s, 405s; ETags and
// 304s, a new ETag after a write; deleted records gone; every statement of the 5,000-statement
// bench talk once, in order, walking the pages; and series with their rounds (decision 025).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTalkDocument, LARGE_TALK } from "../../bench/timeline/generate";
import type { Db } from "../../lib/db";
import { compareKeys } from "../../lib/api/cursor";
import { MAX_LIMIT, type ApiErrorBody, type AssessmentBody, type DayBody, type EnvoyBody, type IssueBody, type Paged, type PartyBody, type SearchResultsBody, type SeriesBody, type SeriesSummaryBody, type SessionBody, type SourceBody, type StatementBody, type TalkBody, type TalkSummaryBody } from "../../lib/api/schemas";
import { series as seriesEntity } from "../../lib/entities/series";
import { createCatalogRow, deleteCatalogRow, updateCatalogRow } from "../../lib/mutations/catalog";
import { loadTalkDocument } from "../../lib/talk-document/load";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { callApi, schemaErrors } from "../support/api";
import { createStatement, createTalk, loadSeedTalk, TEST_EDITOR, uniqueSlug, type TestTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

const BEIJING = "/api/v1/talks/japan-dprk-beijing-2006";
const BENCH = `/api/v1/talks/${LARGE_TALK.slug}`;

let db: Db;
let beijing: TestTalk;

beforeAll(async () => {
  const config = await migratedSqlite("read-api");
  process.env.DATABASE_URL = config.url;
  db = await (await import("../../lib/db")).getDb();
  beijing = await loadSeedTalk(db, "test");
  await loadTalkDocument(db, TalkDocumentSchema.parse(generateTalkDocument(LARGE_TALK)), "test");
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
});

/** GET, check the answer against the schema the OpenAPI document declares for its status, and return status and JSON. */
async function get<T = ApiErrorBody>(address: string, headers: Record<string, string> = {}) {
  const response = (await callApi(address, { headers }))!;
  expect(response, address).not.toBeNull();
  const text = await response.text();
  const body = (text ? JSON.parse(text) : null) as T;
  if (response.status !== 304) expect(schemaErrors(address, response.status, body), `${address} → ${response.status}`).toEqual([]);
  return { status: response.status, body, headers: response.headers };
}

/** Every item of a list, following `next` from page to page. */
async function walk<T>(address: string) {
  const items: T[] = [];
  let next: string | null = address;
  let pages = 0;
  while (next) {
    const { status, body, headers }: { status: number; body: Paged<T>; headers: Headers } = await get<Paged<T>>(next);
    expect(status).toBe(200);
    items.push(...body.data);
    expect(headers.get("link")).toBe(body.next ? `<${body.next}>; rel="next"` : null);
    next = body.next;
    pages++;
  }
  return { items, pages };
}

describe("the read API on the Beijing talk", () => {
  it("lists talks, the latest first, with their counts and links", async () => {
    const { body } = await get<Paged<TalkSummaryBody>>("/api/v1/talks");
    const slugs = body.data.map((t) => t.slug);
    expect(slugs).toEqual([LARGE_TALK.slug, beijing.slug]);
    expect(body.data[1]).toMatchObject({
      slug: beijing.slug,
      venueTimeZone: "Asia/Shanghai",
      firstDay: "2006-02-04",
      parties: [{ slug: "japan" }, { slug: "dprk" }],
      counts: { sessions: 3, statements: 9 },
      links: { self: BEIJING, statements: `${BEIJING}/statements`, page: `/talks/${beijing.slug}` },
    });
    expect((await get<Paged<TalkSummaryBody>>("/api/v1/talks?status=suspended")).body.data).toEqual([]);
    expect((await get<Paged<TalkSummaryBody>>("/api/v1/talks?status=ongoing")).body.data.map((t) => t.slug)).toContain(beijing.slug);
  });

  it("gives one talk with its parties, envoys, agenda and recorded days", async () => {
    const { body } = await get<{ data: TalkBody }>(BEIJING);
    expect(body.data).toMatchObject({
      slug: beijing.slug,
      parties: [{ slug: "japan", heads: [] }, { slug: "dprk", heads: [{ slug: "song-il-ho", name: "Song Il Ho" }] }],
      counts: { sessions: 3, statements: 9, assessments: 1 },
      recordedDays: { first: "2006-02-04", last: "2006-02-07", undated: 10 },
    });
    expect(body.data.envoys).toContainEqual({ slug: "kunio-umeda", name: "Kunio Umeda", title: "Japanese envoy", party: "japan", role: "member" });
  });

  it("lists the recorded days numbered as the talk numbers them, then the items whose day is not known", async () => {
    const { body } = await get<Paged<DayBody>>(`${BEIJING}/days`);
    expect(body.data.map((d) => [d.day, d.number, d.counts])).toEqual([
      ["2006-02-04", 1, { sessions: 1, statements: 0, assessments: 0 }],
      ["2006-02-07", 4, { sessions: 0, statements: 1, assessments: 1 }],
      ["unknown", null, { sessions: 2, statements: 8, assessments: 0 }],
    ]);
    expect(body.data[1]!.links).toEqual({
      page: `/talks/${beijing.slug}/days/2006-02-07`,
      sessions: `${BEIJING}/sessions?from=2006-02-07&to=2006-02-07`,
      statements: `${BEIJING}/statements?from=2006-02-07&to=2006-02-07`,
    });
    // Filtered as on the talk page: Japan spoke on no dated day (day 4 stays for its assessment, as on the page).
    const japan = (await get<Paged<DayBody>>(`${BEIJING}/days?party=japan`)).body.data;
    expect(japan.map((d) => [d.day, d.counts.statements, d.counts.assessments])).toEqual([["2006-02-07", 0, 1], ["unknown", 6, 0]]);
    expect(japan[1]!.links.statements).toBe(`${BEIJING}/statements?party=japan&from=unknown&to=unknown`);
  });

  it("lists statements in the timeline's order, filtered by the talk page's filters and a range of days", async () => {
    const all = (await get<Paged<StatementBody>>(`${BEIJING}/statements`)).body;
    expect(all.data).toHaveLength(9);
    expect(all.next).toBeNull();
    expect(all.data.map((s) => s.day)).toEqual(["2006-02-07", ...Array<null>(8).fill(null)]);
    const dated = all.data[0]!;
    expect(dated).toMatchObject({
      day: "2006-02-07",
      dayNumber: 4,
      said: { precision: "day", day: "2006-02-07", partOfDay: null, at: null, timeZone: "Asia/Shanghai" },
      party: { slug: "dprk", shortName: "DPRK" },
      envoy: { slug: "song-il-ho", name: "Song Il Ho" },
      sources: [{ key: "news-report-2006-02-07" }],
      links: { self: `${BEIJING}/statements/${dated.id}`, page: `/talks/${beijing.slug}/days/2006-02-07#statement-${dated.id}` },
    });
    // The day is not known: no day, no number, no time; the page is the "unknown" one.
    expect(all.data[1]).toMatchObject({ day: null, dayNumber: null, said: { precision: "unknown", day: null, at: null } });
    expect(all.data[1]!.links.page).toMatch(new RegExp(`/days/unknown#statement-`));

    const count = async (query: string) => (await get<Paged<StatementBody>>(`${BEIJING}/statements?${query}`)).body.data.length;
    expect(await count("party=japan")).toBe(6);
    expect(await count("envoy=song-il-ho")).toBe(2);
    expect(await count("party=japan&kind=demand")).toBe(2);
    expect(await count("issue=abductions")).toBeGreaterThan(0);
    expect(await count("from=2006-02-05&to=2006-02-07")).toBe(1);
    expect(await count("to=2006-02-07")).toBe(1);
    expect(await count("from=unknown")).toBe(8);
    expect(await count("from=2006-02-08")).toBe(8);
    // Not in this talk: nothing can match it, as the talk page says.
    expect(await count("party=borealis-no-such")).toBe(0);
    // Empty values are no filter, as on the page.
    expect(await count("party=&kind=")).toBe(9);

    const one = await get<{ data: StatementBody }>(`${BEIJING}/statements/${dated.id}`);
    expect(one.body.data).toEqual(dated);
  });

  it("gives a statement's instant only when known to the minute, with the venue's clock reading and offset", async () => {
    const talk = beijing;
    const timed = await createStatement(db, talk, { saidOn: "2006-02-05", saidPrecision: "minute", saidAt: "2006-02-04T17:30:00.000Z", envoy: "song-il-ho", party: "dprk" });
    const parted = await createStatement(db, talk, { saidOn: "2006-02-05", saidPrecision: "part_of_day", partOfDay: "evening", saidAt: "2006-02-05T11:00:00.000Z" });
    const { body } = await get<Paged<StatementBody>>(`${BEIJING}/statements?from=2006-02-05&to=2006-02-05`);
    const byId = new Map(body.data.map((s) => [s.id, s]));
    expect(byId.get(timed.id)!.said).toEqual({
      precision: "minute",
      day: "2006-02-05",
      partOfDay: null,
      at: { at: "2006-02-04T17:30:00.000Z", day: "2006-02-05", time: "01:30", utcOffset: "+08:00" },
      timeZone: "Asia/Shanghai",
    });
    expect(byId.get(parted.id)!.said).toEqual({ precision: "part_of_day", day: "2006-02-05", partOfDay: "evening", at: null, timeZone: "Asia/Shanghai" });
    expect(byId.get(timed.id)!.dayNumber).toBe(2);
    // The timed one comes first on its day.
    expect(body.data[0]!.id).toBe(timed.id);
  });

  it("lists sessions and gives one; filters by outcome", async () => {
    const { body } = await get<Paged<SessionBody>>(`${BEIJING}/sessions`);
    expect(body.data.map((s) => [s.day, s.outcome])).toEqual([
      ["2006-02-04", "unknown"],
      [null, "no_progress"],
      [null, "no_progress"],
    ]);
    expect(body.data[0]).toMatchObject({ dayNumber: 1, startsAt: null, endsAt: null, timeZone: "Asia/Shanghai" });
    expect((await get<Paged<SessionBody>>(`${BEIJING}/sessions?outcome=no_progress`)).body.data).toHaveLength(2);
    expect((await get<{ data: SessionBody }>(`${BEIJING}/sessions/${body.data[1]!.id}`)).body.data).toEqual(body.data[1]);
  });

  it("lists assessments, by issue and day", async () => {
    const { body } = await get<Paged<AssessmentBody>>(`${BEIJING}/assessments`);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ day: "2006-02-07", dayNumber: 4, issue: { slug: "abductions" }, gap: "deadlocked" });
    expect((await get<Paged<AssessmentBody>>(`${BEIJING}/assessments?issue=normalization`)).body.data).toEqual([]);
    expect((await get<Paged<AssessmentBody>>(`${BEIJING}/assessments?from=2006-02-08`)).body.data).toEqual([]);
  });

  it("lists and gives parties, envoys, issues and sources", async () => {
    const parties = await walk<PartyBody>("/api/v1/parties?limit=2");
    expect(parties.items.map((p) => p.slug)).toEqual([...parties.items.map((p) => p.slug)].sort());
    expect(parties.items.map((p) => p.slug)).toEqual(expect.arrayContaining(["japan", "dprk", "aurelia"]));
    expect(parties.pages).toBeGreaterThan(1);
    expect((await get<{ data: PartyBody }>("/api/v1/parties/japan")).body.data).toEqual({
      slug: "japan",
      name: "Japan",
      shortName: "Japan",
      isoCode: "JPN",
      links: { self: "/api/v1/parties/japan", page: "/parties/japan", envoys: "/api/v1/envoys?party=japan" },
    });
    expect((await get<Paged<EnvoyBody>>("/api/v1/envoys?party=dprk")).body.data.map((e) => e.slug)).toEqual(["song-il-ho"]);
    expect((await get<{ data: EnvoyBody }>("/api/v1/envoys/kunio-umeda")).body.data).toMatchObject({ name: "Kunio Umeda", party: { slug: "japan", shortName: "Japan" } });
    expect((await get<{ data: IssueBody }>("/api/v1/issues/abductions")).body.data).toMatchObject({ slug: "abductions", links: { page: "/issues/abductions" } });
    expect((await walk<IssueBody>("/api/v1/issues?limit=1")).items.map((i) => i.slug)).toEqual(expect.arrayContaining(["abductions", "normalization"]));
    expect((await get<{ data: SourceBody }>("/api/v1/sources/news-report-2006-02-07")).body.data).toMatchObject({ key: "news-report-2006-02-07", links: { page: "/sources/news-report-2006-02-07" } });
    const sources = await walk<SourceBody>("/api/v1/sources?limit=3");
    expect(new Set(sources.items.map((s) => s.key)).size).toBe(sources.items.length);
  });
});

describe("search through the API", () => {
  it("finds what the search page finds: a phrase, ranked, each result with its place on the site", async () => {
    const { status, body } = await get<SearchResultsBody>(`/api/v1/search?q=${encodeURIComponent('"huge difference"')}&talk=japan-dprk-beijing-2006`);
    expect(status).toBe(200);
    const statements = body.data.filter((r) => r.kind === "statement");
    expect(statements).toHaveLength(1);
    expect(statements[0]!.text).toContain("huge difference");
    expect(statements[0]).toMatchObject({ day: null, party: { slug: "dprk" }, envoy: { slug: "song-il-ho" }, talk: { slug: "japan-dprk-beijing-2006" } });
    expect(statements[0]!.links.page).toMatch(/^\/talks\/japan-dprk-beijing-2006\/days\/unknown#statement-/);
    expect(body.counts.statement).toBe(1);
    expect(body).toMatchObject({ page: 1, next: null });
  });

  it("filters like the page, pages by number, and reads any query as plain words", async () => {
    const dprk = await get<SearchResultsBody>("/api/v1/search?q=abduct*&party=dprk&talk=japan-dprk-beijing-2006");
    expect(dprk.status).toBe(200);
    const found = dprk.body.data.filter((r) => r.kind === "statement");
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((r) => r.kind === "statement" && r.party.slug === "dprk")).toBe(true);
    // The bench talk: many pages, `next` to the following one.
    const many = await get<SearchResultsBody>(`/api/v1/search?q=talks&talk=${LARGE_TALK.slug}`);
    if (many.body.pages > 1) expect(many.body.next).toBe(`/api/v1/search?q=talks&talk=${LARGE_TALK.slug}&page=2`);
    for (const q of ['"unbalanced', "NEAR(a b)", "-", "*", "a:b ^c", "\u0000"]) {
      expect((await get(`/api/v1/search?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
  });
});

describe("refusals", () => {
  it.each([
    ["/api/v1/search", "q"],
    ["/api/v1/search?q=%20", "q"],
    ["/api/v1/search?q=x&page=51", "page"],
    ["/api/v1/search?q=x&from=2006-02-30", "from"],
    ["/api/v1/search?q=x&kind=rant", "kind"],
    ["/api/v1/talks?limit=0", "limit"],
    ["/api/v1/talks?limit=201", "limit"],
    ["/api/v1/talks?limit=ten", "limit"],
    ["/api/v1/talks?limit=1.5", "limit"],
    ["/api/v1/talks?status=won", "status"],
    ["/api/v1/talks?cursor=nonsense!", "cursor"],
    ["/api/v1/talks?cursor=eyJ4Ijp0cnVlfQ", "cursor"],
    ["/api/v1/talks?colour=blue", "colour"],
    ["/api/v1/talks?limit=1&limit=2", "limit"],
    [`${BEIJING}/statements?kind=rant`, "kind"],
    [`${BEIJING}/statements?outcome=victory`, "outcome"],
    [`${BEIJING}/statements?from=2006-02-30`, "from"],
    [`${BEIJING}/statements?to=yesterday`, "to"],
    [`${BEIJING}/statements?party=Japan!`, "party"],
    [`${BEIJING}/statements?partie=japan`, "partie"],
    [`${BEIJING}/assessments?party=japan`, "party"],
    [`${BEIJING}/days?envoy=${"x".repeat(81)}`, "envoy"],
    [BEIJING + "?limit=2", "limit"],
    ["/api/v1/envoys?party=JAPAN", "party"],
    ["/api/v1/series?limit=0", "limit"],
    ["/api/v1/series?cursor=nonsense!", "cursor"],
    ["/api/v1/series/japan-dprk-normalization-talks?limit=2", "limit"],
  ])("%s → 400 naming %s", async (address, parameter) => {
    const { status, body, headers } = await get(address);
    expect(status).toBe(400);
    expect(body.error.code).toMatch(/^(bad|unknown)_parameter$/);
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message.length).toBeGreaterThan(10);
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a cursor of another list", async () => {
    const first = (await get<Paged<PartyBody>>("/api/v1/parties?limit=1")).body;
    const cursor = new URL(first.next!, "http://x").searchParams.get("cursor");
    const { status, body } = await get(`/api/v1/issues?cursor=${cursor}`);
    expect([status, body.error.parameter]).toEqual([400, "cursor"]);
  });

  it.each([
    "/api/v1/talks/no-such-talk",
    "/api/v1/talks/no-such-talk/statements",
    "/api/v1/talks/NOT%20A%20SLUG/days",
    `${BEIJING}/statements/no-such-id`,
    `${BEIJING}/statements/${"%F0%9F%98%80"}`,
    `${BEIJING}/sessions/no-such-id`,
    "/api/v1/parties/atlantis",
    "/api/v1/envoys/nobody",
    "/api/v1/issues/nothing",
    "/api/v1/sources/no-report",
    "/api/v1/series/no-such-series",
    "/api/v1/series/NOT%20A%20SLUG",
  ])("%s → 404", async (address) => {
    const { status, body } = await get(address);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
  });

  it("answers 405 to writes, and a CORS preflight for reads", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const response = (await callApi(`${BEIJING}/statements`, { method }))!;
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(((await response.json()) as ApiErrorBody).error.code).toBe("method_not_allowed");
    }
    const preflight = (await callApi(`${BEIJING}/statements`, { method: "OPTIONS", headers: { origin: "https://elsewhere.example", "access-control-request-headers": "if-none-match" } }))!;
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toMatch(/If-None-Match/);
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
  });
});

describe("caching", () => {
  it("answers 304 to the current ETag, and a new ETag once the talk changes", async () => {
    const address = `${BEIJING}/statements?party=dprk`;
    const first = await get<Paged<StatementBody>>(address);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers.get("cache-control")).toBe("public, no-cache");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("access-control-expose-headers")).toMatch(/ETag/);

    const again = await get(address, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect((await get(address, { "if-none-match": `"other", ${etag}` })).status).toBe(304);
    // Another address, another ETag, even at the same version.
    const other = await get(`${BEIJING}/statements?party=japan`, { "if-none-match": etag });
    expect(other.status).toBe(200);
    // HEAD: the same headers, no body.
    const head = (await callApi(address, { method: "HEAD" }))!;
    expect([head.status, head.headers.get("etag"), await head.text()]).toEqual([200, etag, ""]);

    const added = await createStatement(db, beijing, { party: "dprk", text: "Added after the first read." });
    const after = await get<Paged<StatementBody>>(address, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    expect(after.body.data.map((s) => s.id)).toContain(added.id);
    // The list of talks and the shared records have versions of their own.
    const talks = await get("/api/v1/talks");
    expect((await get("/api/v1/talks", { "if-none-match": talks.headers.get("etag")! })).status).toBe(304);
    const parties = await get("/api/v1/parties");
    expect((await get("/api/v1/parties", { "if-none-match": parties.headers.get("etag")! })).status).toBe(304);
  });

  it("never shows a deleted statement", async () => {
    const added = await createStatement(db, beijing, { party: "japan", text: "To be deleted." });
    expect((await get(`${BEIJING}/statements/${added.id}`)).status).toBe(200);
    const { deleteStatement } = await import("../../lib/mutations/statements");
    await deleteStatement(db, { talk: beijing.slug, id: added.id, version: 1 }, TEST_EDITOR);
    expect((await get(`${BEIJING}/statements/${added.id}`)).status).toBe(404);
    const { items } = await walk<StatementBody>(`${BEIJING}/statements?limit=5`);
    expect(items.map((s) => s.id)).not.toContain(added.id);
  });
});

describe("pagination over the 5,000-statement bench talk", () => {
  it("walks every statement once, in the timeline's order, a page at a time", async () => {
    const { items, pages } = await walk<StatementBody>(`${BENCH}/statements?limit=${MAX_LIMIT}`);
    const live = await db.statement.findMany({ where: { talk: { slug: LARGE_TALK.slug }, deletedAt: null }, select: { id: true } });
    expect(items).toHaveLength(live.length);
    expect(live.length).toBe(LARGE_TALK.statements);
    expect(new Set(items.map((s) => s.id))).toEqual(new Set(live.map((s) => s.id)));
    expect(pages).toBe(Math.ceil(live.length / MAX_LIMIT));
    // In order: by day ("unknown" last), a known time before none, then as recorded.
    const key = (s: StatementBody) => [s.day ?? "unknown", s.said.at ? 0 : 1, s.said.at ? Date.parse(s.said.at.at) : 0];
    for (let i = 1; i < items.length; i++) expect(compareKeys(key(items[i - 1]!), key(items[i]!)) <= 0, `statement ${i}`).toBe(true);
  });

  it("walks a filtered list and a range of days the same way, and days and sessions too", async () => {
    const filtered = await walk<StatementBody>(`${BENCH}/statements?party=aurelia&limit=137`);
    const all = (await walk<StatementBody>(`${BENCH}/statements?limit=${MAX_LIMIT}`)).items.filter((s) => s.party.slug === "aurelia");
    expect(filtered.items.map((s) => s.id)).toEqual(all.map((s) => s.id));

    const days = (await walk<DayBody>(`${BENCH}/days?limit=7`)).items;
    const counted = days.reduce((n, d) => n + d.counts.statements, 0);
    expect(counted).toBe(LARGE_TALK.statements);
    const week = days.filter((d) => d.day >= "2025-03-17" && d.day <= "2025-03-23").reduce((n, d) => n + d.counts.statements, 0);
    expect((await walk<StatementBody>(`${BENCH}/statements?from=2025-03-17&to=2025-03-23&limit=${MAX_LIMIT}`)).items).toHaveLength(week);
    // Days are numbered as the talk numbers them: 30 March 2025 (the change to summer time) is day 21.
    expect(days.find((d) => d.day === "2025-03-30")?.number).toBe(21);

    const sessions = await walk<SessionBody>(`${BENCH}/sessions?limit=${MAX_LIMIT}`);
    expect(new Set(sessions.items.map((s) => s.id)).size).toBe(LARGE_TALK.sessions);
  });
});

describe("series of talks (decision 025)", () => {
  const SEED_SERIES = { slug: "japan-dprk-normalization-talks", name: "Japan–DPRK normalization talks" };

  it("names a talk's series and round in the list of talks and in the talk; null for a talk in none", async () => {
    const talks = (await walk<TalkSummaryBody>("/api/v1/talks")).items;
    expect(talks.find((t) => t.slug === beijing.slug)).toMatchObject({ series: SEED_SERIES, round: null });
    expect(talks.find((t) => t.slug === LARGE_TALK.slug)).toMatchObject({ series: null, round: null });
    expect((await get<{ data: TalkBody }>(BEIJING)).body.data).toMatchObject({ series: SEED_SERIES, round: null });
    expect((await get<{ data: TalkBody }>(BENCH)).body.data).toMatchObject({ series: null, round: null });
  });

  it("lists series by slug with their rounds counted and span, and gives one with its rounds in order", async () => {
    const slug = uniqueSlug("water-talks");
    const series = { slug, name: "Aurelia–Borealis water talks" };
    // Round 2 is recorded first: rounds come in the order they were held.
    const second = await createTalk(db, { talk: { title: "Water talks, second round", firstDay: "2026-03-02", lastDay: "2026-03-06", status: "concluded", round: 2 }, series });
    const first = await createTalk(db, { talk: { title: "Water talks, first round", firstDay: "2024-03-04", lastDay: "2024-03-08", status: "concluded", round: 1 }, series });
    const empty = await createCatalogRow(db, seriesEntity, { slug: uniqueSlug("empty-series"), name: "Empty series", description: "" }, TEST_EDITOR);

    const list = await walk<SeriesSummaryBody>("/api/v1/series?limit=1");
    expect(list.pages).toBe(3);
    expect(list.items.map((s) => s.slug)).toEqual([empty.slug, SEED_SERIES.slug, slug].sort());
    expect(list.items.find((s) => s.slug === slug)).toEqual({
      slug,
      name: series.name,
      description: "",
      rounds: 2,
      span: { firstDay: "2024-03-04", lastDay: "2026-03-06", open: false },
      links: { self: `/api/v1/series/${slug}`, page: `/series/${slug}` },
    });
    expect(list.items.find((s) => s.slug === empty.slug)).toMatchObject({ rounds: 0, span: null });
    // Beijing's end is not known yet: the seed series' span is open.
    expect(list.items.find((s) => s.slug === SEED_SERIES.slug)).toMatchObject({ rounds: 1, span: { firstDay: "2006-02-04", lastDay: "2006-02-04", open: true } });

    const { body } = await get<{ data: SeriesBody }>(`/api/v1/series/${slug}`);
    expect(body.data.rounds).toEqual([
      { slug: first.slug, title: "Water talks, first round", round: 1, firstDay: "2024-03-04", lastDay: "2024-03-08", status: "concluded", links: { self: `/api/v1/talks/${first.slug}`, page: `/talks/${first.slug}` } },
      { slug: second.slug, title: "Water talks, second round", round: 2, firstDay: "2026-03-02", lastDay: "2026-03-06", status: "concluded", links: { self: `/api/v1/talks/${second.slug}`, page: `/talks/${second.slug}` } },
    ]);
    expect(body.data).toMatchObject({ slug, name: series.name, span: { firstDay: "2024-03-04", lastDay: "2026-03-06", open: false }, links: { page: `/series/${slug}` } });
    expect((await get<{ data: TalkBody }>(`/api/v1/talks/${second.slug}`)).body.data).toMatchObject({ series, round: 2 });

    // A deleted series is no series: 404, and gone from the list.
    await deleteCatalogRow(db, "series", { id: empty.id, version: 1 }, TEST_EDITOR);
    const gone = await get(`/api/v1/series/${empty.slug}`);
    expect([gone.status, gone.body.error.code]).toEqual([404, "not_found"]);
    expect(gone.body.error.message).toBe("There is no series with this slug; it may have been deleted.");
    expect((await walk<SeriesSummaryBody>("/api/v1/series")).items.map((s) => s.slug)).not.toContain(empty.slug);
  });

  it("gives a talk and its series a new ETag when the series is renamed, and a series a new one when a round is added", async () => {
    const slug = uniqueSlug("renamed-talks");
    const round = await createTalk(db, { talk: { title: "A round to be renamed", round: 1 }, series: { slug, name: "Before the rename" } });
    const talkAddress = `/api/v1/talks/${round.slug}`;
    const seriesAddress = `/api/v1/series/${slug}`;
    const talk = await get<{ data: TalkBody }>(talkAddress);
    const series = await get<{ data: SeriesBody }>(seriesAddress);
    expect((await get(talkAddress, { "if-none-match": talk.headers.get("etag")! })).status).toBe(304);
    expect((await get(seriesAddress, { "if-none-match": series.headers.get("etag")! })).status).toBe(304);

    const row = (await db.series.findFirst({ where: { slug }, select: { id: true, version: true } }))!;
    await updateCatalogRow(db, seriesEntity, { id: row.id, version: row.version, name: "After the rename", description: "" }, TEST_EDITOR);
    const renamed = await get<{ data: TalkBody }>(talkAddress, { "if-none-match": talk.headers.get("etag")! });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.series).toEqual({ slug, name: "After the rename" });
    const again = await get<{ data: SeriesBody }>(seriesAddress, { "if-none-match": series.headers.get("etag")! });
    expect([again.status, again.body.data.name]).toEqual([200, "After the rename"]);

    const added = await createTalk(db, { talk: { title: "A later round", firstDay: "2030-01-07", lastDay: "2030-01-09", round: 2 }, series: { slug, name: "After the rename" } });
    const more = await get<{ data: SeriesBody }>(seriesAddress, { "if-none-match": again.headers.get("etag")! });
    expect(more.status).toBe(200);
    expect(more.body.data.rounds.map((r) => r.slug)).toEqual([round.slug, added.slug]);
  });
});
