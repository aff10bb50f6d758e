import { expect, test } from "@playwright/test";
import { E2E_DATABASE_URL } from "../playwright.config";
import { createAccountWithCli, newVisitor, submitSignIn } from "./support/accounts";
import { startServer, type TestServer } from "./support/server";

const BEIJING = "japan-dprk-beijing-2006";

test("analyst searches the Beijing talk from the header, sees the words marked, and opens the statement in its day", async ({ page }) => {
  await page.goto(`/talks/${BEIJING}`);
  const header = page.getByRole("search", { name: "Site" });
  await header.getByRole("searchbox").fill('"huge difference"');
  await header.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=%22huge\+difference%22$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Search");

  // Other talks say it too (the generated long talk quotes it); the talk menu narrows to Beijing.
  const form = page.getByRole("search", { name: "Search Parley" });
  await expect(form.getByRole("searchbox", { name: "Words to find" })).toHaveValue('"huge difference"');
  await form.getByLabel("Talk").selectOption(BEIJING);
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=%22huge\\+difference%22&talk=${BEIJING}$`));

  await expect(page.locator(".search-summary")).toHaveText("2 results for “huge difference”: 1 statement, 1 talk, best first.");
  const results = page.getByRole("list", { name: "Results" }).getByRole("listitem");
  await expect(results).toHaveCount(2);
  // The statement that quotes the words comes first, the talk whose summary mentions them next.
  const statement = results.first();
  await expect(statement).toContainText("Song Il Ho");
  await expect(statement.locator("mark")).toHaveText(["huge difference", "huge difference"]); // in the text and in the quoted words
  await expect(results.nth(1).getByRole("heading")).toHaveText("Japan–DPRK normalization talks, Beijing, February 2006");
  await expect(results.nth(1).locator("mark")).toHaveText(["huge difference"]);

  // The report gives that statement no day: its place is among the talk's undated items.
  const open = statement.getByRole("link", { name: "Open in its day: Song Il Ho, assessment" });
  await expect(open).toHaveAttribute("href", new RegExp(`^/talks/${BEIJING}/days/unknown#statement-[\\w-]+$`));
  await open.click();
  await expect(page).toHaveURL(new RegExp(`/talks/${BEIJING}/days/unknown#statement-[\\w-]+$`));
  const target = page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`);
  await expect(target).toContainText("huge difference");
  await expect(target).toBeInViewport();
});

test("a prefix finds a dated statement, whose link leads to day 4", async ({ page }) => {
  await page.goto(`/search?q=signific*&talk=${BEIJING}`);
  const statement = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: /^Open in its day: Song Il Ho/ }) });
  await expect(statement.locator("mark")).toHaveText(["significant"]);
  await statement.getByRole("link", { name: /^Open in its day/ }).click();
  await expect(page).toHaveURL(new RegExp(`/talks/${BEIJING}/days/2006-02-07#statement-[\\w-]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Day 4 · Tuesday 7 February 2006");
});

test("the hostile talk's texts are found and marked as text, and nothing in them runs", async ({ page }) => {
  await page.goto("/search?q=script+img&talk=test-xss-round");
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".search-summary")).toHaveText(/^\d+ results for script img/);
  await expect(page.locator("main mark").first()).toHaveText(/^(script|img)$/);
  expect(await page.locator("main").innerText()).toContain('Statement text: <script>window.__xss=1</script> <img src=x onerror="window.__xss=1">');
  expect(
    await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: unknown }).__xss,
      made: document.querySelectorAll('main img, main svg, main script, [onerror], [onload]').length,
    })),
  ).toEqual({ xss: undefined, made: 0 });
});

test("a malformed query is read as plain words, and what was ignored is said", async ({ page }) => {
  const response = await page.goto(`/search?q=${encodeURIComponent('NEAR("huge -* title:^')}&kind=bogus&from=2006-13-01`);
  expect(response?.status()).toBe(200);
  const notes = page.getByRole("list", { name: "About this search" });
  await expect(notes).toContainText("A quote mark without its pair was ignored.");
  await expect(notes).toContainText("There is no statement kind “bogus”; all kinds are shown.");
  await expect(notes).toContainText("“2006-13-01” is not a day (YYYY-MM-DD); the first day is left open.");
  await expect(page.locator(".search-summary")).toHaveText("Nothing found for near huge title.");
});

test.describe("with PARLEY_PUBLIC_READ=false", () => {
  let server: TestServer;

  test.beforeAll(async () => {
    server = await startServer({ databaseUrl: E2E_DATABASE_URL, env: { PARLEY_PUBLIC_READ: "false" } });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("an anonymous visitor is sent to sign in, and searches once signed in", async ({ browser }) => {
    const analyst = await createAccountWithCli(E2E_DATABASE_URL, "analyst", "searcher");
    const context = await newVisitor(browser, server.baseURL);
    const page = await context.newPage();
    await page.goto("/search?q=abduction");
    await expect(page).toHaveURL(`${server.baseURL}/login?next=%2Fsearch%3Fq%3Dabduction`);
    await submitSignIn(page, analyst.email, analyst.password);
    await expect(page).toHaveURL(`${server.baseURL}/search?q=abduction`, { timeout: 15_000 });
    await expect(page.getByRole("list", { name: "Results" }).getByRole("listitem").first()).toBeVisible();
    await context.close();
  });
});
