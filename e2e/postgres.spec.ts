// The whole app on PostgreSQL, the server option (DATABASE_URL=postgresql://…): a throwaway
// PostgreSQL 15 cluster, our migrations and seed applied to it, a production server on it, and an
// analyst and an editor using it in Chromium — reading, adding in place, correcting, live updates,
// a session past midnight, delete and undo, history. Everything else runs on SQLite; this proves
// the same build works on the other adapter.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { createDatabase, startPostgres, type PostgresCluster } from "../test/support/postgres";
import { createAccountWithCli, newVisitor, run, signIn, uniqueId, type Account } from "./support/accounts";
import { startServer, type TestServer } from "./support/server";

const BEIJING = "/talks/japan-dprk-beijing-2006";
const DAY_4 = "#day-2006-02-07";

let cluster: PostgresCluster | undefined;
let server: TestServer | undefined;
let editor: Account;

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await startPostgres();
  const databaseUrl = await createDatabase(cluster, "parley_e2e");
  await run("npm", ["run", "-s", "db:setup"], { DATABASE_URL: databaseUrl });
  editor = await createAccountWithCli(databaseUrl, "editor");
  server = await startServer({ databaseUrl });
});

test.afterAll(async () => {
  await server?.stop();
  await cluster?.stop();
});

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
async function visitor(browser: Browser) {
  const context = await newVisitor(browser, server!.baseURL);
  contexts.push(context);
  return context.newPage();
}

test("on PostgreSQL, an analyst reads the Beijing talks and sees an editor's statement, added in place, arrive live", async ({ browser }) => {
  expect(server!.databaseUrl).toMatch(/^postgresql:\/\//);
  const analyst = await visitor(browser);
  await analyst.goto(BEIJING);
  await expect(analyst.locator("#day-2006-02-04 h2")).toHaveText("Day 1 · Saturday 4 February 2006");
  await expect(analyst.locator(DAY_4).getByRole("article").filter({ hasText: "significant progress" })).toHaveCount(1);
  await expect(analyst.locator(".live-status")).toHaveText("Live");

  const page = await visitor(browser);
  await signIn(page, editor, BEIJING);
  await page.locator(DAY_4).getByRole("link", { name: "Add statement to day 4" }).click();
  const form = page.getByRole("region", { name: /^Add a statement to Day 4/ });
  const text = `Umeda said Japan would keep raising every abduction case (${uniqueId()}).`;
  await form.getByLabel("Who said it").selectOption({ label: "Kunio Umeda, Japanese envoy" });
  await form.getByLabel("Text", { exact: true }).fill(text);
  await form.getByText("Add a new source").click();
  await form.getByLabel("Publisher of the new source").fill("Kyodo News");
  await form.getByLabel("Title of the new source").fill(`Umeda on the abductions ${uniqueId()}`);
  await form.getByRole("button", { name: "Add statement" }).click();
  await expect(page.locator(DAY_4).getByRole("article").filter({ hasText: text })).toBeVisible();
  await expect(analyst.locator(DAY_4).getByRole("article").filter({ hasText: text })).toBeVisible({ timeout: 5_000 });

  // Corrected from its own form; the analyst's page follows.
  const id = (await page.locator(DAY_4).locator("li.statement").filter({ hasText: text }).getAttribute("id"))!.replace("statement-", "");
  await page.goto(`${BEIJING}/statements/${id}/edit`);
  await expect(page.locator('main form[data-ready="true"]')).toBeAttached();
  await page.getByLabel("Text", { exact: true }).fill(`${text} Corrected.`);
  await page.getByRole("button", { name: "Save changes" }).click();
  // A full-page save renders the day in its answer: on two shared cores with PostgreSQL and two
  // instances running, that took over 5 s once in CI.
  await expect(page).toHaveURL(new RegExp(`/days/2006-02-07#statement-${id}$`), { timeout: 15_000 });
  await expect(analyst.locator(DAY_4).getByRole("article").filter({ hasText: `${text} Corrected.` })).toBeVisible({ timeout: 5_000 });

  // Deleted and undone; the talk's history has all four changes.
  await page.goto(`${BEIJING}/statements/${id}/delete`);
  await page.getByRole("button", { name: "Delete this statement" }).click();
  await page.getByRole("button", { name: /^Undo/ }).click();
  await expect(page.getByText("Deletion undone: the statement is back.")).toBeVisible();
  await page.goto(`${BEIJING}/statements/${id}/history`);
  await expect(page.getByRole("list", { name: /^Changes to this statement/ }).getByRole("listitem")).toHaveCount(4);
});

test("on PostgreSQL, a session that runs past midnight is kept on the day it started", async ({ browser }) => {
  const page = await visitor(browser);
  await signIn(page, editor, `${BEIJING}/sessions/new?day=2006-02-06`);
  await expect(page.locator('main form[data-ready="true"]')).toBeAttached();
  const title = `Late working group ${uniqueId()}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Starts at (optional)").fill("22:30");
  await page.getByLabel("Ends at (optional)").fill("01:15");
  await page.getByRole("button", { name: "Add session" }).click();
  await expect(page).toHaveURL(/\/days\/2006-02-06#session-/);
  await expect(page.locator("li.session").filter({ hasText: title }).locator(".venue-time")).toContainText("22:30 GMT+8");
  await expect(page.locator("li.session").filter({ hasText: title }).locator(".venue-time")).toContainText("01:15 the next day, Tue 7 Feb");
});

test("two instances on one PostgreSQL: a save on one reaches a reader on the other live, writes go through both, and both read the same", async ({ browser }) => {
  test.setTimeout(120_000);
  const other = await startServer({ databaseUrl: server!.databaseUrl });
  try {
    const onB = await newVisitor(browser, other.baseURL);
    contexts.push(onB);
    const reader = await onB.newPage();
    await reader.goto(BEIJING);
    await expect(reader.locator(".live-status")).toHaveText("Live");

    // An editor on instance A adds a statement in place; the reader on B sees it arrive.
    const page = await visitor(browser);
    await signIn(page, editor, BEIJING);
    await page.locator(DAY_4).getByRole("link", { name: "Add statement to day 4" }).click();
    const form = page.getByRole("region", { name: /^Add a statement to Day 4/ });
    const text = `Saved on instance A, read on instance B (${uniqueId()}).`;
    await form.getByLabel("Who said it").selectOption({ label: "Kunio Umeda, Japanese envoy" });
    await form.getByLabel("Text", { exact: true }).fill(text);
    await form.getByRole("button", { name: "Add statement" }).click();
    await expect(page.locator(DAY_4).getByRole("article").filter({ hasText: text })).toBeVisible();
    await expect(reader.locator(DAY_4).getByRole("article").filter({ hasText: text })).toBeVisible({ timeout: 10_000 });

    // The same editor corrects it through instance B; a reader on A sees the correction.
    const onA = await visitor(browser);
    await onA.goto(BEIJING);
    await expect(onA.locator(".live-status")).toHaveText("Live");
    const editorOnB = await newVisitor(browser, other.baseURL);
    contexts.push(editorOnB);
    const pageB = await editorOnB.newPage();
    await signIn(pageB, editor, BEIJING);
    const id = (await pageB.locator(DAY_4).locator("li.statement").filter({ hasText: text }).getAttribute("id"))!.replace("statement-", "");
    await pageB.goto(`${BEIJING}/statements/${id}/edit`);
    await expect(pageB.locator('main form[data-ready="true"]')).toBeAttached();
    await pageB.getByLabel("Text", { exact: true }).fill(`${text} Corrected on B.`);
    await pageB.getByRole("button", { name: "Save changes" }).click();
    await expect(pageB).toHaveURL(new RegExp(`/days/2006-02-07#statement-${id}$`), { timeout: 15_000 });
    await expect(onA.locator(DAY_4).getByRole("article").filter({ hasText: `${text} Corrected on B.` })).toBeVisible({ timeout: 10_000 });

    // Both instances read the same record.
    const statementsOn = async (baseURL: string) => {
      const html = await (await fetch(`${baseURL}${BEIJING}/days/2006-02-07`)).text();
      return [...html.matchAll(/id="statement-([^"]+)"/g)].map((m) => m[1]).sort();
    };
    expect(await statementsOn(other.baseURL)).toEqual(await statementsOn(server!.baseURL));
  } finally {
    await other.stop();
  }
});

test("while PostgreSQL is down, pages answer 503 with Retry-After and say so; when it is back, Parley works again by itself", async ({ request }) => {
  test.setTimeout(60_000);
  const talk = `${server!.baseURL}${BEIJING}`;
  cluster!.pause();
  try {
    // The request that first meets the outage may end in the error page; the ones after it are told when to come back.
    await expect.poll(async () => (await request.get(talk)).status(), { timeout: 15_000 }).toBe(503);
    const response = await request.get(talk);
    expect(response.headers()["retry-after"]).toBe("5");
    expect(await response.text()).toContain("Parley cannot reach its database just now");
    const action = await request.post(talk, { headers: { "next-action": "0".repeat(40), accept: "text/x-component" }, data: "[]" });
    expect(action.status()).toBe(503);
    expect(await action.json()).toMatchObject({ ok: false, message: expect.stringContaining("cannot reach its database") as unknown as string });
  } finally {
    cluster!.resume();
  }
  await expect.poll(async () => (await request.get(talk)).status(), { timeout: 15_000 }).toBe(200);
});
