// The read API from the running server, as other programs and sites use it: ETag and 304, CORS
// from another origin in Chromium (its real preflight for If-None-Match), the OpenAPI document,
// refusals in JSON (through server.mjs and proxy.ts too), the documentation page linked from every
// page's footer, and reading behind sign-in (PARLEY_PUBLIC_READ=false) on a server of its own.
import http from "node:http";
import type { AddressInfo } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, type Account } from "./support/accounts";
import { BEIJING } from "./support/editing";
import { freshDatabase, startServer, type TestServer } from "./support/server";

const STATEMENTS = `/api/v1/talks/${BEIJING}/statements`;

test("a program reads a talk's statements, and gets 304 while nothing changed", async ({ request }) => {
  const first = await request.get(`${STATEMENTS}?party=dprk`);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("application/json; charset=utf-8");
  expect(first.headers()["access-control-allow-origin"]).toBe("*");
  expect(first.headers()["cache-control"]).toBe("public, no-cache");
  const etag = first.headers()["etag"]!;
  expect(etag).toMatch(/^W\/".+"$/);
  const body = (await first.json()) as { data: { party: { slug: string }; said: { precision: string } }[]; next: string | null };
  expect(body.data.length).toBeGreaterThan(0);
  expect(body.data.every((s) => s.party.slug === "dprk")).toBe(true);

  const again = await request.get(`${STATEMENTS}?party=dprk`, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);
  expect(again.headers()["etag"]).toBe(etag);

  const paged = await request.get(`${STATEMENTS}?limit=2`);
  const page = (await paged.json()) as { next: string };
  expect(paged.headers()["link"]).toBe(`<${page.next}>; rel="next"`);
  expect((await request.get(page.next)).status()).toBe(200);
});

test("a script on another site reads the API from a browser, ETag and all", async ({ page, baseURL }) => {
  // A page of another origin (another port), served by the test: Chromium applies CORS to it, and
  // a preflight for If-None-Match, as it would on any site. (Loopback, so Chromium's rules for
  // public pages calling local addresses do not get in the way.)
  const elsewhere = http.createServer((_, response) => response.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>Elsewhere</title><p>A newsroom's page</p>"));
  await new Promise<void>((resolve) => elsewhere.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = elsewhere.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    const result = await page.evaluate(async (url) => {
      const first = await fetch(url);
      const etag = first.headers.get("etag");
      const data = ((await first.json()) as { data: unknown[] }).data.length;
      const second = await fetch(url, { headers: { "If-None-Match": etag ?? "" }, cache: "no-store" });
      return { status: first.status, etag, data, second: second.status };
    }, `${baseURL}${STATEMENTS}`);
    expect(result.status).toBe(200);
    expect(result.etag).toMatch(/^W\//);
    expect(result.data).toBeGreaterThan(0);
    // fetch() hands a 304 to the script only when the script sent If-None-Match itself, as here.
    expect(result.second).toBe(304);
  } finally {
    elsewhere.close();
  }
});

test("the OpenAPI document lists every endpoint, and refusals are JSON naming what is wrong", async ({ request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/talks", "/api/v1/talks/{slug}/statements", "/api/v1/talks/{slug}/days", "/api/v1/sources/{source}"]));

  const bad = await request.get(`${STATEMENTS}?limit=500`);
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "bad_parameter", parameter: "limit" } });
  const missing = await request.get("/api/v1/talks/no-such-talk");
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
  for (const method of ["POST", "PUT", "DELETE"]) {
    const refused = await request.fetch(STATEMENTS, { method, data: "{}", headers: { "content-type": "application/json" } });
    expect(refused.status(), method).toBe(405);
    expect(refused.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect(await refused.json()).toMatchObject({ error: { code: "method_not_allowed" } });
  }
  const preflight = await request.fetch(STATEMENTS, { method: "OPTIONS", headers: { origin: "http://elsewhere.test", "access-control-request-method": "GET", "access-control-request-headers": "if-none-match" } });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
  expect(preflight.headers()["access-control-allow-headers"]).toMatch(/If-None-Match/i);
});

test("a reader finds the API's documentation from the footer, and it is accessible", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Read API" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "Read API" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Statements" })).toBeVisible();
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  // An example request on the page answers.
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes("/api/v1/talks?limit=10")), page.getByRole("link", { name: "/api/v1/talks?limit=10" }).click()]);
  expect(response.status()).toBe(200);
});

test.describe("when reading needs an account", () => {
  let server: TestServer;
  let reader: Account;

  test.beforeAll(async () => {
    const databaseUrl = await freshDatabase("e2e-api-private");
    server = await startServer({ databaseUrl, env: { PARLEY_PUBLIC_READ: "false" } });
    reader = await createAccountWithCli(databaseUrl, "analyst", "api-reader");
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test("an anonymous call gets 401 JSON; a signed-in browser reads; the description stays open", async ({ browser, playwright }) => {
    const anonymous = await playwright.request.newContext({ baseURL: server.baseURL });
    const refused = await anonymous.get(STATEMENTS);
    expect(refused.status()).toBe(401);
    expect(refused.headers()["access-control-allow-origin"]).toBe("*");
    expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });
    expect((await anonymous.get("/api/v1/openapi.json")).status()).toBe(200);
    expect((await anonymous.fetch(STATEMENTS, { method: "OPTIONS" })).status()).toBe(204);
    const docs = await anonymous.get("/docs/api", { maxRedirects: 0 });
    expect(docs.status()).toBe(200);
    await anonymous.dispose();

    const context = await newVisitor(browser, server.baseURL);
    const page = await context.newPage();
    await signIn(page, reader);
    const read = await page.request.get(STATEMENTS);
    expect(read.status()).toBe(200);
    expect(read.headers()["cache-control"]).toBe("private, no-cache");
    expect(((await read.json()) as { data: unknown[] }).data.length).toBeGreaterThan(0);
    await context.close();
  });
});
