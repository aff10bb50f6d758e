import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page, type Request } from "@playwright/test";
import { ROOT, createAccountWithCli, newVisitor, run, signIn, uniqueId } from "./support/accounts";
import { addStatement } from "./support/live-writes";
import { freshDatabase, startServer, type TestServer } from "./support/server";
import { startTcpProxy } from "./support/tcp-proxy";
import { readOnUntil } from "./support/timeline";

// These tests add statements, so they get a server and a database of their own: the shared
// one's counts ("9 statements") must not move under other tests. The first adds a statement
// through the editing form; the others write theirs from a second process (e2e/support/
// live-writes.ts, exactly as the write core records one), which the app can learn of only from
// the Revision table, as it would of a save made on another instance. How fast a change shows is
// measured by `npm run bench:live` (bench/live), not asserted here: a test checks that it shows.
test.describe.configure({ mode: "default" });

const BEIJING = "/talks/japan-dprk-beijing-2006";
const LONG = "/talks/test-long-round";
const LONG_DOC = "data/e2e-live-long-talk.json";

let server: TestServer;

test.beforeAll(async () => {
  // A database of its own, the long talk loaded into it, and a server: slow on a busy machine.
  test.setTimeout(180_000);
  const databaseUrl = await freshDatabase("e2e-live-updates");
  await run("npx", ["tsx", "e2e/fixtures/make-long-talk.ts", LONG_DOC], {});
  await run("npm", ["run", "-s", "db:load", "--", LONG_DOC], { DATABASE_URL: databaseUrl });
  server = await startServer({ databaseUrl });
});

test.afterAll(async () => {
  await server?.stop();
});

// Each test's pages, closed after it so their streams do not linger on the server.
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
async function openPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await newVisitor(browser, baseURL);
  contexts.push(context);
  return context.newPage();
}

const liveStatus = (page: Page) => page.locator(".live-status");
const liveRegion = (page: Page) => page.getByRole("status", { name: "Live updates" });

/**
 * Marks the page's window, to prove later that it was never reloaded or replaced by another
 * document (router.refresh re-renders in place; a reload would lose the mark).
 */
async function watchNavigations(page: Page) {
  const url = page.url();
  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  return async () => {
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByType("navigation").length)).toBe(1);
    expect(page.url()).toBe(url);
  };
}

test("an editor adds a statement on day 4 and an analyst reading the talk sees it appear, announced, without reloading", async ({ browser }) => {
  const account = await createAccountWithCli(server.databaseUrl, "editor");
  const editor = await openPage(browser, server.baseURL);
  await signIn(editor, account);
  const analyst = await openPage(browser, server.baseURL);
  await analyst.goto(BEIJING);
  await expect(liveStatus(analyst)).toHaveText("Live");

  // The analyst is reading day 4; the new statement must not move what they are looking at.
  const day4 = analyst.locator("#day-2006-02-07");
  await day4.getByRole("heading", { level: 2 }).evaluate((h) => h.scrollIntoView({ block: "start" }));
  const scrollBefore = await analyst.evaluate(() => window.scrollY);
  const noNavigation = await watchNavigations(analyst);

  // The editor, on the same talk page, adds a statement to day 4 through the form.
  await editor.goto(BEIJING);
  await editor.getByRole("link", { name: "Add statement to day 4" }).click();
  const form = editor.getByRole("region", { name: /^Add a statement to Day 4/ });
  const text = `Pyongyang will answer the abduction questions only as part of a package (${uniqueId()}).`;
  await form.getByLabel("Who said it").selectOption("envoy:song-il-ho");
  await form.getByLabel("Text", { exact: true }).fill(text);
  await form.getByRole("checkbox", { name: "Abductions of Japanese nationals" }).check();
  await form.getByRole("checkbox", { name: /North Korea, Japan Still far Apart/ }).check();
  await form.getByRole("button", { name: "Add statement" }).click();

  const statement = day4.getByRole("article", { name: /Song Il Ho/ }).filter({ hasText: text });
  await expect(statement).toBeVisible();

  await expect(liveRegion(analyst)).toContainText("New statement by Song Il Ho on Day 4 · Tuesday 7 February 2006");
  await noNavigation();
  expect(Math.abs((await analyst.evaluate(() => window.scrollY)) - scrollBefore)).toBeLessThan(2);
  // The editor stays on the talk, with the statement on day 4.
  await expect(editor.locator("#day-2006-02-07").getByRole("article").filter({ hasText: text })).toBeVisible();
});

test("when the connection drops, the page reconnects by itself and gets what it missed and what comes next", async ({ browser }) => {
  const proxy = await startTcpProxy(server.baseURL);
  try {
    const page = await openPage(browser, proxy.baseURL);
    const streams: Request[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.endsWith("/events")) streams.push(r);
    });
    await page.goto(BEIJING);
    await expect(liveStatus(page)).toHaveText("Live");
    const noNavigation = await watchNavigations(page);
    const day4 = page.locator("#day-2006-02-07");
    const write = (text: string) =>
      addStatement(server.databaseUrl, { talk: "japan-dprk-beijing-2006", envoy: "kunio-umeda", saidOn: "2006-02-07", text });

    const first = `Japan asks again for the full facts (${uniqueId()}).`;
    write(first);
    await expect(day4.getByRole("article").filter({ hasText: first })).toBeVisible();

    // The network drops every connection: the browser retries by itself, with Last-Event-ID.
    proxy.drop();
    await expect(liveStatus(page)).toHaveText("Reconnecting…");
    await expect(liveStatus(page)).toHaveText("Live");
    const lastEventId = (await streams.at(-1)!.allHeaders())["last-event-id"];
    expect(lastEventId).toMatch(/^[0-9a-z]+-[\w-]+$/);

    // Now the server end is down (503s) while an editor saves: the browser gives up on its own
    // retries, so the page retries, later and later, from the last change it had.
    proxy.setDown(true);
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith("/events") && r.status() === 503);
    proxy.drop();
    await expect(liveStatus(page)).toHaveText("Reconnecting…");
    const missed = `Japan says the talks will go on tomorrow (${uniqueId()}).`;
    write(missed);
    await refused;
    proxy.setDown(false);
    await expect(liveStatus(page)).toHaveText("Live", { timeout: 10_000 });
    expect(new URL(streams.at(-1)!.url()).searchParams.get("since")).toBe(lastEventId);
    await expect(day4.getByRole("article").filter({ hasText: missed })).toBeVisible();

    const next = `Japan will brief the press at six (${uniqueId()}).`;
    write(next);
    await expect(day4.getByRole("article").filter({ hasText: next })).toBeVisible();
    await expect(liveRegion(page)).toContainText("New statement by Kunio Umeda on Day 4 · Tuesday 7 February 2006");
    // Each change arrived once.
    await expect(day4.getByRole("article").filter({ hasText: first })).toHaveCount(1);
    await noNavigation();
  } finally {
    await proxy.close();
  }
});

test("on a long talk, a later day that already loaded loads again when a statement is added to it", async ({ browser }) => {
  const doc = JSON.parse(readFileSync(path.join(ROOT, LONG_DOC), "utf8")) as { envoys: { slug: string; name: string }[] };
  const envoy = doc.envoys[0]!;
  const page = await openPage(browser, server.baseURL);
  await page.goto(LONG);
  await expect(liveStatus(page)).toHaveText("Live");
  const last = page.locator("#day-2025-03-15");
  // Read on to the last day: the browser loads it after the days the page came with.
  await readOnUntil(page, last);
  await page.waitForLoadState("networkidle");
  const before = await last.getByRole("article").count();
  expect(before).toBeGreaterThan(0);
  const noNavigation = await watchNavigations(page);

  const text = `A late statement on the last day (${uniqueId()}).`;
  addStatement(server.databaseUrl, { talk: "test-long-round", envoy: envoy.slug, saidOn: "2025-03-15", text });
  // The loaded days are fetched again (and tried again if the server is too busy to answer): a
  // loaded CI machine may take longer than the default wait, and how long is not what this tests.
  await expect(last.getByRole("article").filter({ hasText: text })).toBeVisible({ timeout: 10_000 });
  await expect(last.getByRole("article")).toHaveCount(before + 1);
  await expect(liveRegion(page)).toContainText(`New statement by ${envoy.name} on Day 6 · Saturday 15 March 2025`);
  await noNavigation();
});
