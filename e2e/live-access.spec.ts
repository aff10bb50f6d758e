// When reading needs an account, an open stream of live updates ends soon after its reader's
// account is disabled: a page left open does not keep receiving the record.
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import path from "node:path";
import { createAccountWithCli, newVisitor, ROOT, signIn, type Account } from "./support/accounts";
import { BEIJING } from "./support/editing";
import { freshDatabase, startServer, type TestServer } from "./support/server";

let server: TestServer;
let reader: Account;

test.beforeAll(async () => {
  const databaseUrl = await freshDatabase("e2e-live-access");
  server = await startServer({ databaseUrl, env: { PARLEY_PUBLIC_READ: "false" } });
  reader = await createAccountWithCli(databaseUrl, "analyst", "reader");
});

test.afterAll(async () => {
  await server?.stop();
});

test("a disabled reader's open event stream ends within seconds; a signed-out one cannot open another", async ({ browser }) => {
  const context = await newVisitor(browser, server.baseURL);
  const page = await context.newPage();
  await signIn(page, reader);
  await page.goto(`/talks/${BEIJING}`);
  await expect(page.locator(".live-status")).toHaveText("Live");

  // A stream of this reader's own, read to its end by the test.
  const started = Date.now();
  const stream = context.request.get(`/talks/${BEIJING}/events`, { timeout: 20_000 });
  await page.waitForTimeout(500); // let it open before the account changes (a stream, not a sleep-for-a-result)
  const file = path.resolve(ROOT, server.databaseUrl.replace(/^file:/, ""));
  const db = new Database(file, { fileMustExist: true, timeout: 5_000 });
  db.prepare(`UPDATE "User" SET "disabledAt" = ? WHERE "email" = ?`).run(new Date().toISOString().replace("Z", "+00:00"), reader.email);
  db.close();

  const response = await stream;
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain(": connected");
  // READER_RECHECK_MS is 3 s: ended well within seconds, not at the stream's 10-minute lifetime.
  expect(Date.now() - started).toBeLessThan(15_000);

  // Reconnecting, as an EventSource does, is refused now.
  const again = await context.request.get(`/talks/${BEIJING}/events`, { headers: { accept: "text/event-stream" }, maxRedirects: 0 });
  expect(again.status()).toBe(401);
  await context.close();
});
