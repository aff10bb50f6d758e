import { expect, test, type Page } from "@playwright/test";
import { readOnUntil } from "./support/timeline";

// Every page runs under a strict Content-Security-Policy (lib/security/csp.ts, set in proxy.ts):
// only scripts carrying the response's nonce, no eval, no inline handlers. These tests load the
// pages in Chromium and listen for anything the policy blocked, so a page that needs more than the
// policy allows fails here rather than silently losing its scripts.

/** Collects CSP violations (the DOM event, and the console message Chromium also logs). */
async function listenForViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/content security policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)), ...console];
}

for (const [name, path, live] of [
  ["talks index", "/", false],
  ["talk page", "/talks/japan-dprk-beijing-2006", true],
  ["day page", "/talks/japan-dprk-beijing-2006/days/2006-02-07", true],
  ["party page", "/parties/japan", false],
  ["envoy page", "/envoys/song-il-ho", false],
  ["issue page", "/issues/abductions", false],
  ["sign-in page", "/login", false],
  ["not-found page", "/talks/no-such-talk", false],
  ["print view", "/talks/japan-dprk-beijing-2006/print", false],
] as const) {
  test(`the ${name} runs its scripts under the policy with nothing blocked`, async ({ page }) => {
    const violations = await listenForViolations(page);
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await page.waitForLoadState("networkidle");
    // Hydrated: client components ran (the live-update status is one of them).
    if (live) await expect(page.locator(".live-status")).toHaveText("Live");
    expect(await violations()).toEqual([]);
  });
}

test("on a long talk, later days load under the policy as the reader scrolls to them", async ({ page }) => {
  const violations = await listenForViolations(page);
  await page.goto("/talks/test-long-round");
  await expect(page.locator(".live-status")).toHaveText("Live");
  const last = page.locator("#day-2025-03-15");
  await readOnUntil(page, last);
  await expect(last.getByRole("article").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await violations()).toEqual([]);
});

test("each response has its own nonce, and it is the one on the page's scripts", async ({ page, request }) => {
  const first = await request.get("/talks/japan-dprk-beijing-2006");
  const second = await request.get("/talks/japan-dprk-beijing-2006");
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const nonce = nonceOf(first.headers()["content-security-policy"]);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"])).not.toBe(nonce);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // And the policy is in force: markup that slipped into the page (as a stored XSS would) does
  // not run, and is reported. The HTML is altered on its way to the browser, headers untouched.
  const violations = await listenForViolations(page);
  await page.route("**/talks/japan-dprk-beijing-2006", async (route) => {
    const response = await route.fetch();
    const injected = (await response.text()).replace(
      "</main>",
      '<script>window.injected = true</script><img src="/no-such-image.png" onerror="window.injected = true"></main>',
    );
    await route.fulfill({ response, body: injected });
  });
  await page.goto("/talks/japan-dprk-beijing-2006");
  await expect
    .poll(async () => (await violations()).filter((v) => /^script-src-(elem|attr) inline/.test(v)).sort())
    .toEqual(["script-src-attr inline ", "script-src-elem inline "]);
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});

test("responses carry the other security headers, and HSTS only over https", async ({ request }) => {
  const headers = (await request.get("/")).headers();
  const csp = headers["content-security-policy"] ?? "";
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).not.toContain("upgrade-insecure-requests");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Behind a TLS-terminating proxy (X-Forwarded-Proto: https).
  const https = (await request.get("/", { headers: { "x-forwarded-proto": "https" } })).headers();
  expect(https["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  expect(https["content-security-policy"]).toContain("upgrade-insecure-requests");

  // Static files get the static headers too.
  const html = await (await request.get("/")).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
  expect((await request.get(asset)).headers()["x-content-type-options"]).toBe("nosniff");
});

test("the live-update stream is never cached and says how soon to reconnect", async ({ page }) => {
  await page.goto("/talks/japan-dprk-beijing-2006");
  // Read the first bytes of the stream from the page (same origin, allowed by connect-src).
  const head = await page.evaluate(async () => {
    const controller = new AbortController();
    const response = await fetch("/talks/japan-dprk-beijing-2006/events", { signal: controller.signal });
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    controller.abort();
    return { type: response.headers.get("content-type"), cache: response.headers.get("cache-control"), first: new TextDecoder().decode(value) };
  });
  expect(head.type).toBe("text/event-stream; charset=utf-8");
  expect(head.cache).toContain("no-store");
  expect(head.first).toMatch(/^retry: \d+\n/);
});
