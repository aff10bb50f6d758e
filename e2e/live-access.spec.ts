// When reading needs an account, an open stream of live updates ends soon after its reader's
// account is disabled: a page left open does not keep receiving the record.
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import http from "node:http";
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

  // A stream of this reader's own, read by the test: open (its first comment arrived) before the
  // account changes, then read to its end.
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const ended = new Promise<{ status: number | undefined; body: string; at: number }>((resolve, reject) => {
    const request = http.get(new URL(`/talks/${BEIJING}/events`, server.baseURL), { headers: { cookie, accept: "text/event-stream" } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
        if (body.includes(": connected")) opened();
      });
      response.on("end", () => resolve({ status: response.statusCode, body, at: Date.now() }));
    });
    request.on("error", reject);
  });
  await open;
  const file = path.resolve(ROOT, server.databaseUrl.replace(/^file:/, ""));
  const db = new Database(file, { fileMustExist: true, timeout: 5_000 });
  db.prepare(`UPDATE "User" SET "disabledAt" = ? WHERE "email" = ?`).run(new Date().toISOString().replace("Z", "+00:00"), reader.email);
  db.close();
  const disabledAt = Date.now();

  const result = await ended;
  expect(result.status).toBe(200);
  // READER_RECHECK_MS is 3 s: ended within seconds, not at the stream's 10-minute lifetime.
  expect(result.at - disabledAt).toBeLessThan(10_000);

  // Reconnecting, as an EventSource does, is refused now.
  const again = await context.request.get(`/talks/${BEIJING}/events`, { headers: { accept: "text/event-stream" }, maxRedirects: 0 });
  expect(again.status()).toBe(401);
  await context.close();
});
