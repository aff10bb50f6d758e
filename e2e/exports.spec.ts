// A talk's exports from the running app (docs/decisions/016-exports.md): the talk page and the
// print view link them, each answers with its file; and a newsroom's TimelineJS — the real
// library, built from its npm package's source by esbuild, nothing loaded from the internet —
// reads our TimelineJS JSON in Chromium and shows one slide per statement whose day is known.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { build } from "esbuild";
import { BEIJING } from "./support/editing";

const TIMELINEJS = path.resolve(import.meta.dirname, "../node_modules/@knight-lab/timelinejs");

const EXPORTS = [
  { name: "CSV", path: "statements.csv", type: "text/csv; charset=utf-8; header=present", file: `${BEIJING}-statements.csv` },
  { name: "JSON", path: "talk.json", type: "application/json; charset=utf-8", file: `${BEIJING}.parley.json` },
  { name: "Calendar", path: "sessions.ics", type: "text/calendar; charset=utf-8", file: `${BEIJING}-sessions.ics` },
  { name: "Atom feed", path: "feed.xml", type: "application/atom+xml; charset=utf-8", file: `${BEIJING}-statements.atom` },
  { name: "TimelineJS", path: "timelinejs.json", type: "application/json; charset=utf-8", file: `${BEIJING}-timelinejs.json` },
];

test("an analyst finds the talk's exports on its page and in the print view, and each one answers with its file", async ({ page, request }) => {
  await page.goto(`/talks/${BEIJING}`);
  const group = page.getByRole("navigation", { name: "Export this talk" });
  await expect(group).toContainText("Export:");
  await expect(group.getByRole("link")).toHaveText(["CSV", "JSON", "Calendar", "Atom feed", "TimelineJS"]);
  for (const e of EXPORTS) {
    await expect(group.getByRole("link", { name: e.name, exact: true })).toHaveAttribute("href", `/talks/${BEIJING}/${e.path}`);
    const response = await request.get(`/talks/${BEIJING}/${e.path}`);
    expect(response.status(), e.path).toBe(200);
    expect(response.headers()["content-type"]).toBe(e.type);
    expect(response.headers()["content-disposition"]).toContain(`filename="${e.file}"`);
  }
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", `/talks/${BEIJING}/feed.xml`);

  // A click on CSV downloads the file under its name.
  const [download] = await Promise.all([page.waitForEvent("download"), group.getByRole("link", { name: "CSV", exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(`${BEIJING}-statements.csv`);

  await page.goto(`/talks/${BEIJING}/print`);
  const printed = page.getByRole("navigation", { name: "Export this talk" });
  for (const e of EXPORTS) await expect(printed.getByRole("link", { name: e.name, exact: true })).toHaveAttribute("href", `/talks/${BEIJING}/${e.path}`);

  expect((await request.get("/talks/no-such-talk/statements.csv")).status()).toBe(404);
  expect((await request.get("/feed.xml")).headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
});

let timelineJs: string;
test.beforeAll(async () => {
  // The package ships TimelineJS's source (its built file is on a CDN): bundled here as its own
  // webpack build would, its stylesheet left out (dist/css/timeline.css is added to the page instead).
  const result = await build({
    entryPoints: [path.join(TIMELINEJS, "src/js/index.js")],
    bundle: true,
    format: "iife",
    globalName: "TL",
    loader: { ".less": "empty" },
    write: false,
    logLevel: "error",
  });
  timelineJs = result.outputFiles[0]!.text;
});

/** A blank page holding TimelineJS, which is given `data` and reports what it built. */
async function renderTimeline(page: Page, data: unknown) {
  const external: string[] = [];
  await page.route("**/*", (route) => {
    external.push(route.request().url());
    return route.abort();
  });
  await page.setContent(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Newsroom</title></head><body><div id="timeline-embed" style="width:900px;height:600px"></div></body></html>`);
  await page.addStyleTag({ content: readFileSync(path.join(TIMELINEJS, "dist/css/timeline.css"), "utf8") });
  await page.addScriptTag({ content: timelineJs });
  const built = await page.evaluate(
    (json) =>
      new Promise<{ errors: string[]; events: number; slides: number; titleSlides: number; markers: number }>((resolve) => {
        type Timeline = { on(event: string, f: () => void): void; config: { getErrors(): string[]; events: unknown[] } };
        const TL = (window as unknown as { TL: { Timeline: new (id: string, data: unknown, options: object) => Timeline } }).TL;
        const timeline = new TL.Timeline("timeline-embed", json, { font: null, hash_bookmark: false, language: "en" });
        timeline.on("ready", () =>
          resolve({
            errors: timeline.config.getErrors(),
            events: timeline.config.events.length,
            slides: document.querySelectorAll(".tl-slide").length,
            titleSlides: document.querySelectorAll(".tl-slide-titleslide").length,
            markers: document.querySelectorAll(".tl-timemarker").length,
          }),
        );
      }),
    data,
  );
  return { ...built, external };
}

for (const slug of [BEIJING, "test-geneva-dst-2026", "test-long-round"]) {
  test(`a newsroom loads ${slug} into TimelineJS and sees one slide per statement whose day is known`, async ({ page, request }) => {
    test.setTimeout(90_000);
    const data = (await (await request.get(`/talks/${slug}/timelinejs.json`)).json()) as { events: { unique_id: string }[] };
    const document = (await (await request.get(`/talks/${slug}/talk.json`)).json()) as { statements: { saidOn: string | null }[] };
    const dated = document.statements.filter((s) => s.saidOn !== null).length;
    expect(data.events).toHaveLength(dated);

    const built = await renderTimeline(page, data);
    expect(built.errors).toEqual([]);
    expect(built.events).toBe(dated);
    expect(built.titleSlides).toBe(1);
    expect(built.slides).toBe(dated + 1);
    expect(built.markers).toBe(dated);
    expect(built.external).toEqual([]);
    if (slug === BEIJING) {
      // The title slide says what is left out; the first slide is the first dated statement.
      await expect(page.locator(".tl-slide-titleslide")).toContainText("statements are not on this timeline");
      await expect(page.locator(".tl-slide-titleslide")).toContainText("Japan–DPRK normalization talks, Beijing, February 2006");
    }
  });
}
