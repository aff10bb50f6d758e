import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";
import { ROOT, createAccountWithCli, newVisitor, run, signIn, type Account } from "./support/accounts";

// e2e/fixtures/xss-talk.json (loaded before the server starts) puts these into every text field
// of a talk: its title, venue and summary, its parties, envoys, issues, sessions, statements,
// quoted words, source, assessment and linkage. Every page that shows them must show them as
// text: nothing runs (no window.__xss, no dialog), no element is made of them, and the
// Content-Security-Policy has nothing to block (a blocked attempt would still be an escaping bug).
const SCRIPT = "<script>window.__xss=1</script>";
const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '"><svg onload=window.__xss=1>';
const ALL = `${SCRIPT} ${IMG} ${SVG}`;
const TALK = "/talks/test-xss-round";

const field = {
  talkTitle: `Hostile talk ${ALL}`,
  venue: `Venue ${ALL}`,
  summary: `Summary ${ALL}`,
  northName: `North party ${ALL}`,
  northShort: `N${IMG}`,
  southName: `South party ${ALL}`,
  southShort: `S${SVG}`,
  envoyNorth: `Envoy North ${ALL}`,
  envoyOriginal: `Original ${ALL}`,
  envoyTitle: `Envoy title ${ALL}`,
  envoySouth: `Envoy South ${SCRIPT}`,
  borders: `Borders ${ALL}`,
  bordersDescription: `Borders description ${ALL}`,
  trade: `Trade ${IMG}`,
  publisher: `Publisher ${ALL}`,
  sourceTitle: `Source title ${ALL}`,
  sessionTitle: `Plenary ${ALL}`,
  sessionSummary: `Session summary ${ALL}`,
  outcomeNote: `Outcome note ${ALL}`,
  quote: `Statement text: ${ALL} end`,
  denial: `Denial text ${ALL}`,
  undated: `Undated position ${ALL}`,
  assessmentNote: `Assessment note ${ALL}`,
  author: `Author ${ALL}`,
  linkage: `Linkage text ${ALL}`,
};
const SOURCE_URL = 'https://example.org/report?x="><svg/onload=window.__xss=1>';

/** Where each text shows, as an analyst reads (every field appears on at least one page). */
const READER_PAGES: [string, (keyof typeof field)[]][] = [
  ["/", ["talkTitle", "venue", "northShort", "southShort"]],
  [
    TALK,
    ["talkTitle", "venue", "summary", "northName", "northShort", "southName", "southShort", "envoyNorth", "envoySouth", "borders", "trade"]
      .concat(["publisher", "sourceTitle", "sessionTitle", "sessionSummary", "outcomeNote", "quote", "denial", "assessmentNote", "author"]) as (keyof typeof field)[],
  ],
  // The print view is written as text by our own templates (lib/print/talk-print.ts), not React.
  [
    `${TALK}/print`,
    ["talkTitle", "venue", "summary", "northName", "southName", "envoyNorth", "envoySouth", "borders", "trade", "publisher", "sourceTitle"]
      .concat(["sessionTitle", "sessionSummary", "outcomeNote", "quote", "denial", "undated", "assessmentNote", "author"]) as (keyof typeof field)[],
  ],
  [`${TALK}/days/2024-05-06`, ["talkTitle", "envoyNorth", "sessionTitle", "sessionSummary", "outcomeNote", "quote", "assessmentNote", "author", "publisher"]],
  [`${TALK}/days/2024-05-07`, ["talkTitle", "envoySouth", "denial", "borders", "trade", "sourceTitle"]],
  [`${TALK}/days/unknown`, ["talkTitle", "southShort", "undated", "trade"]],
  ["/parties/xss-north", ["northName", "envoyNorth", "envoyOriginal", "envoyTitle", "quote", "talkTitle"]],
  ["/parties/xss-south", ["southName", "envoySouth", "denial", "undated"]],
  ["/envoys/xss-envoy-north", ["envoyNorth", "envoyOriginal", "envoyTitle", "northName", "quote", "publisher", "sourceTitle"]],
  ["/envoys/xss-envoy-south", ["envoySouth", "southName", "denial"]],
  ["/issues/xss-borders", ["borders", "bordersDescription", "denial", "assessmentNote", "linkage"]],
  ["/issues/xss-trade", ["trade", "undated", "linkage"]],
  ["/sources/xss-wire", ["publisher", "sourceTitle", "sessionTitle", "quote", "denial", "envoyNorth", "talkTitle"]],
];

/** Watches a page for anything a payload could do. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.violations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));
  });
  return async function expectInert() {
    const found = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      violations: (window as unknown as { violations: string[] }).violations,
      // Elements the payloads would have made, had any been parsed as markup.
      made: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
      scripts: [...document.scripts].filter((s) => s.text.trim() === "window.__xss=1").length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
    }));
    expect(found).toEqual({ xss: undefined, violations: [], made: 0, scripts: 0, javascriptLinks: 0 });
    expect(dialogs).toEqual([]);
  };
}

for (const [url, shown] of READER_PAGES) {
  test(`an analyst reads the hostile talk's texts as text on ${url}`, async ({ page }) => {
    const expectInert = await watch(page);
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    // innerText leaves out what content-visibility: auto skips (the days below the fold, now that
    // the band and the linkages sit above them): render every day before reading the text.
    const text = await page.locator("main").evaluate((main: HTMLElement) => {
      for (const day of main.querySelectorAll<HTMLElement>(".timeline > .day")) day.style.contentVisibility = "visible";
      return main.innerText;
    });
    for (const key of shown) expect(text, `${key} on ${url}`).toContain(field[key]);
    await expectInert();
  });
}

test("the quoted words are quoted as written, and the source's address stays an https link", async ({ page }) => {
  const expectInert = await watch(page);
  await page.goto(TALK);
  const quote = page.getByRole("article").filter({ hasText: "Statement text:" });
  await expect(quote.locator("q")).toHaveText(ALL);
  const link = page.locator(`a[href^="https://example.org/report"]`).first();
  await expect(link).toHaveAttribute("href", SOURCE_URL);
  await expect(link).toHaveText(`“${field.sourceTitle}”`);
  await expectInert();
});

test("a talk document whose source address is a javascript: URL is refused whole, naming the field", async ({ page }) => {
  const doc = JSON.parse(readFileSync(path.join(ROOT, "e2e/fixtures/xss-talk.json"), "utf8")) as { talk: { slug: string }; sources: { url: string }[] };
  doc.talk.slug = "test-xss-javascript-url";
  doc.sources[0]!.url = "javascript:window.__xss=1";
  const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-xss-")), "javascript-url.json");
  writeFileSync(file, JSON.stringify(doc));
  const refusal = await run("npm", ["run", "-s", "db:load", "--", file], { DATABASE_URL: E2E_DATABASE_URL }).then(
    () => "loaded",
    (error: Error) => error.message,
  );
  expect(refusal).toContain("sources[0].url: must be an http(s) address");
  await page.goto("/talks/test-xss-javascript-url");
  await expect(page.getByRole("heading", { level: 1, name: "Talk not found" })).toBeVisible();
});

test.describe("as an editor", () => {
  let editor: Account;
  test.beforeAll(async () => {
    editor = await createAccountWithCli(E2E_DATABASE_URL, "editor", "xss-editor");
  });

  test("the edit and history pages of the hostile talk's statements, sessions and named things show its texts inertly", async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const context = await newVisitor(browser, baseURL);
    const page = await context.newPage();
    const expectInert = await watch(page);
    await signIn(page, editor);
    await page.goto(TALK);
    await expect(page.getByRole("link", { name: "Edit statement" }).first()).toBeVisible();
    const hrefs = await page.locator("main a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const editing = [...new Set(hrefs.filter((h) => /\/(statements|sessions|assessments)\/[^/]+\/(edit|history)$/.test(h)))];
    // Two statements on days, one undated (on its own day page), a session and an assessment.
    expect(editing.filter((h) => h.includes("/statements/")).length).toBeGreaterThanOrEqual(4);
    expect(editing.filter((h) => h.includes("/sessions/")).length).toBe(2);
    const pages = [
      ...editing,
      `${TALK}/edit`,
      `${TALK}/history`,
      ...["/parties/xss-north", "/envoys/xss-envoy-north", "/issues/xss-borders", "/sources/xss-wire"].flatMap((p) => [`${p}/edit`, `${p}/history`]),
    ];
    for (const url of pages) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      await expectInert();
      // The payload is somewhere on the page: as text, or as the value of a form field.
      const present = await page.evaluate((payload) => {
        const main = document.querySelector("main");
        const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("main input, main textarea")].map((el) => el.value);
        return (main?.innerText ?? "").includes(payload) || values.some((v) => v.includes(payload));
      }, SCRIPT);
      expect(present, url).toBe(true);
    }
    await context.close();
  });

  test("an editor cannot give a new source a javascript: address", async ({ browser, baseURL }) => {
    const context = await newVisitor(browser, baseURL);
    const page = await context.newPage();
    const expectInert = await watch(page);
    await signIn(page, editor);
    await page.goto(`${TALK}/statements/new?day=2024-05-06`);
    await page.getByLabel("Who said it").selectOption("envoy:xss-envoy-north");
    const text = "An attempt to cite a javascript: address.";
    await page.getByLabel("Text", { exact: true }).fill(text);
    await page.getByText("Add a new source").click();
    await page.getByLabel("Publisher of the new source").fill("Nobody");
    await page.getByLabel("Title of the new source").fill("A link that runs script");
    await page.getByLabel("Its address (URL, optional)").fill("javascript:window.__xss=1");
    await page.getByRole("button", { name: "Add statement" }).click();
    await expect(page.getByText("Enter a web address starting with http:// or https://.").first()).toBeVisible();
    await page.goto(TALK);
    await expect(page.getByText(text)).toHaveCount(0);
    await expectInert();
    await context.close();
  });
});
