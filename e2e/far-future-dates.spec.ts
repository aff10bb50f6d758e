// A far-future date does not stall any page (docs/decisions/009-talk-span.md). The far-future test
// talk (e2e/fixtures/far-future-talk.json) is open from 15 January 2020 and holds a session, a
// statement and an assessment 49 years on — inside the 50 years an open talk's days run — and
// rows dated 9999-12-31 written around the rule (e2e/fixtures/add-far-future-legacy-rows.ts), as a
// database from before it may hold them. Every page that lists days of that span must answer at
// once and stay small, since its size follows what was recorded, not the calendar between.
//
// STYLE.md keeps timings out of tests, and this is no benchmark: it tells a page that walks the
// calendar from one that does not. Before the fix a 100-year span took 58 s and 102 MB, and the
// 9999 day never finished; a page that lists recorded days answers in milliseconds, so a second
// leaves room for a busy machine.
import { expect, test, type APIRequestContext } from "@playwright/test";

const TALK = "test-far-future";
const LEGACY_DAY = "9999-12-31";
const DAY_49_YEARS_ON = "2069-01-15";
const WITHIN_MS = 1_000;
const AT_MOST_BYTES = 1_000_000;

/** The page's status, size and time, after a first request to the same route has loaded its code. */
async function measure(request: APIRequestContext, path: string, warmUp: string) {
  expect((await request.get(warmUp)).status()).toBe(200);
  const started = performance.now();
  // A stalled page fails here, at 10 s, instead of holding the test to its end.
  const response = await request.get(path, { timeout: 10_000 });
  const body = await response.body();
  return { status: response.status(), bytes: body.length, ms: performance.now() - started, text: body.toString("utf8") };
}

type Case = { page: string; path: string; warmUp: string; shows: string[] };

const cases: Case[] = [
  {
    page: "the issue page with the 9999 assessment on its gap strip",
    path: "/issues/test-river-basin",
    warmUp: "/issues/abductions",
    shows: ["Nothing recorded", 'dateTime="9999-12-31"', "Gap on Friday 31 December 9999"],
  },
  { page: "the issue page listing every statement", path: "/issues/test-river-basin?show=all", warmUp: "/issues/abductions?show=all", shows: ["typed as 31 December 9999"] },
  { page: "the issue held back by the 9999 linkage", path: "/issues/test-fisheries", warmUp: "/issues/normalization", shows: ["A condition dated 9999."] },
  { page: "the speaker's party page", path: "/parties/test-cascadia", warmUp: "/parties/japan", shows: ["typed as 31 December 9999", "49 years on"] },
  { page: "the other party's page", path: "/parties/test-deseret", warmUp: "/parties/dprk", shows: ["Deseret denies"] },
  { page: "the speaker's envoy page", path: "/envoys/test-vera-longo", warmUp: "/envoys/kunio-umeda", shows: ["typed as 31 December 9999", "49 years on"] },
];

// The talk page, its print view and its day pages list days the same way (their windows fold the
// stretches between into one line each).
const talkPages: Case[] = [
  { page: "the talk page", path: `/talks/${TALK}`, warmUp: "/talks/japan-dprk-beijing-2006", shows: ["nothing recorded", "Friday 31 December 9999", `#day-${LEGACY_DAY}`] },
  { page: "the talk's print view", path: `/talks/${TALK}/print`, warmUp: "/talks/japan-dprk-beijing-2006/print", shows: ["nothing recorded", "Friday 31 December 9999", "49 years on"] },
  { page: "the talk page from its last day", path: `/talks/${TALK}?from=${LEGACY_DAY}`, warmUp: "/talks/japan-dprk-beijing-2006", shows: ["typed as 31 December 9999"] },
  { page: "the day page 49 years on", path: `/talks/${TALK}/days/${DAY_49_YEARS_ON}`, warmUp: "/talks/japan-dprk-beijing-2006/days/2006-02-07", shows: ["49 years on"] },
  { page: "the day page of the 9999 day", path: `/talks/${TALK}/days/${LEGACY_DAY}`, warmUp: "/talks/japan-dprk-beijing-2006/days/2006-02-07", shows: ["typed as 31 December 9999"] },
];

for (const c of [...cases, ...talkPages]) {
  test(`a far-future date does not stall any page: ${c.page} answers within a second`, async ({ request }) => {
    const { status, bytes, ms, text } = await measure(request, c.path, c.warmUp);
    expect(status).toBe(200);
    // (Not toContain: on failure it would print the whole page.)
    for (const words of c.shows) expect(text.includes(words), `the page shows ${words}`).toBe(true);
    expect(bytes).toBeLessThan(AT_MOST_BYTES);
    expect(ms).toBeLessThan(WITHIN_MS);
  });
}
