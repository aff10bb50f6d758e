// Helpers for tests that edit talk content the way an editor does, through the forms.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { createAccountWithCli, newVisitor, ROOT, run, signIn, uniqueId, type Account } from "./accounts";
import { freshDatabase, startServer, type TestServer } from "./server";

/**
 * A server and a freshly seeded database for one test file: editing tests change the Beijing
 * talk, and the reading tests on the shared server count its statements. Call at the top of the
 * file; the returned function gives the server once `beforeAll` has run.
 */
export function ownServer(name: string): () => TestServer {
  let server: TestServer | undefined;
  let file: string | undefined;
  // The file's tests share the server, so they run one after another in one worker.
  test.describe.configure({ mode: "default" });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const database = `e2e-${name}-${uniqueId()}`;
    file = path.join(ROOT, "data", `${database}.db`);
    server = await startServer({ databaseUrl: await freshDatabase(database) });
  });
  test.afterAll(async () => {
    await server?.stop();
    for (const suffix of ["", "-wal", "-shm"]) if (file) rmSync(`${file}${suffix}`, { force: true });
  });
  return () => {
    if (!server) throw new Error("The test server has not started.");
    return server;
  };
}

/**
 * `ownServer(name)` with an editor account of its own, made in `beforeAll`. `signedInEditor`
 * opens a new visitor's page (`timezoneId`: the reader's zone) signed in as that editor; close
 * its context at the end.
 */
export function ownServerWithEditor(name: string) {
  const server = ownServer(name);
  let editor: Account | undefined;
  test.beforeAll(async () => {
    editor = await createAccountWithCli(server().databaseUrl, "editor");
  });
  async function signedInEditor(browser: Browser, options: { timezoneId?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
    if (!editor) throw new Error("The editor account has not been made.");
    const context = await newVisitor(browser, server().baseURL, options);
    const page = await context.newPage();
    await signIn(page, editor);
    return { context, page };
  }
  return { server, signedInEditor };
}

/**
 * Loads a talk document into a test server's database with `npm run db:load`, as an editor's
 * import would: the talk parts a spec needs, beside the seed. Call in `beforeAll`.
 */
export async function loadTalk(server: TestServer, document: { talk: { slug: string; [field: string]: unknown }; [part: string]: unknown }): Promise<void> {
  const file = path.join(ROOT, "data", `e2e-${document.talk.slug}-${uniqueId()}.json`);
  writeFileSync(file, JSON.stringify({ format: "parley.talk/v1", ...document }));
  try {
    await run("npm", ["run", "-s", "db:load", "--", file], { DATABASE_URL: server.databaseUrl });
  } finally {
    rmSync(file, { force: true });
  }
}

export const BEIJING = "japan-dprk-beijing-2006";
export const DAY_4 = "2006-02-07";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Lays out every day of a timeline as a reader scrolling to it would see it. The days below the
 * fold are skipped by `content-visibility: auto` (app/globals.css) and hold a 20rem placeholder
 * until shown; measured then (axe's target-size rule reads every link's box), a taller day's
 * links spill over what follows it (the next day, "Embed this timeline") and seem to overlap
 * targets they are far from on screen.
 */
export async function renderEveryDay(page: Page) {
  await page.evaluate(() => {
    for (const day of document.querySelectorAll<HTMLElement>(".timeline > .day")) day.style.contentVisibility = "visible";
  });
}

export async function expectNoAxeViolations(page: Page) {
  await renderEveryDay(page);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * Waits until the page's forms are hydrated (they say so with data-ready): text typed into a
 * server-rendered field before React takes it over can be reset.
 */
export async function formReady(page: Page) {
  await expect(page.locator('main form[data-ready="true"]').first()).toBeAttached();
}

/** The statement form's text box (not "Exact quoted words"). */
export const textBox = (page: Page) => page.getByLabel("Text", { exact: true });

/** Replaces a statement's text through its edit form and waits for the day it lands on. */
export async function editStatementText(page: Page, statementId: string, text: string, slug = BEIJING) {
  await page.goto(`/talks/${slug}/statements/${statementId}/edit`);
  await formReady(page);
  await textBox(page).fill(text);
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(/\/days\/[^/]+#statement-/);
}

/**
 * Adds a statement through the form (opened from its address, as the day's "Add statement" link
 * does) and returns its id, read from the address the form sends the editor to.
 */
export async function addStatement(
  page: Page,
  options: { text: string; speaker?: string; day?: string; kind?: string; slug?: string },
): Promise<string> {
  const slug = options.slug ?? BEIJING;
  await page.goto(`/talks/${slug}/statements/new?day=${options.day ?? DAY_4}`);
  await formReady(page);
  await page.getByLabel("Who said it").selectOption({ label: options.speaker ?? "Kunio Umeda, Japanese envoy" });
  if (options.kind) await page.getByLabel("Kind").selectOption({ label: options.kind });
  await textBox(page).fill(options.text);
  await page.getByRole("button", { name: "Add statement" }).click();
  await page.waitForURL(/\/days\/[^/]+#statement-/);
  return new URL(page.url()).hash.replace("#statement-", "");
}

/** The statement on the page whose text contains `text`. */
export const statementArticle = (scope: Page | Locator, text: string) => scope.getByRole("article").filter({ hasText: text });
