// The record leaves the page (issue 11): the embeddable timeline another site may put in an iframe
// — and only it; the talk page's schema.org JSON-LD and OpenGraph tags; the embed code to copy.
// Why and how: docs/decisions/018-embed-and-structured-data.md.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";

const BEIJING = "japan-dprk-beijing-2006";

test("the embeddable timeline may be framed by any site (frame-ancestors *), and says what it is", async ({ request }) => {
  const response = await request.get(`/embed/talks/${BEIJING}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(response.headers()["x-frame-options"]).toBeUndefined();
  // Every other page stays unframeable.
  const talk = await request.get(`/talks/${BEIJING}`);
  expect(talk.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(talk.headers()["x-frame-options"]).toBe("DENY");
  expect((await request.get("/embed/talks/no-such-talk")).status()).toBe(404);
});

test("a newsroom's page on another origin shows the round in an iframe; the talk page itself will not load in one", async ({ page, baseURL }) => {
  // Another site: a server of its own on this machine (another port is another origin).
  const newsroom = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!DOCTYPE html><html lang="en"><title>Newsroom</title><h1>Our story</h1>
<iframe id="embed" src="${baseURL}/embed/talks/${BEIJING}" title="Parley timeline" width="800" height="600"></iframe>
<iframe id="page" src="${baseURL}/talks/${BEIJING}" title="Parley page" width="800" height="300"></iframe></html>`);
  });
  await new Promise<void>((resolve) => newsroom.listen(0, "127.0.0.1", resolve));
  try {
    await page.goto(`http://127.0.0.1:${(newsroom.address() as AddressInfo).port}/`);
    await expectFramed(page);
  } finally {
    newsroom.close();
  }
});

async function expectFramed(page: Page) {
  const embed = page.frameLocator("#embed");
  await expect(embed.getByRole("heading", { level: 1 })).toHaveText("Japan–DPRK normalization talks, Beijing, February 2006");
  await expect(embed.locator("#day-2006-02-07 h2")).toHaveText("Day 4 · Tuesday 7 February 2006");
  await expect(embed.getByRole("article", { name: /Song Il Ho/ }).first()).toBeVisible();
  // Links out open Parley in a new tab, not inside the newsroom's frame.
  await expect(embed.getByRole("link", { name: "Japan–DPRK normalization talks, Beijing, February 2006" })).toHaveAttribute("target", "_blank");
  // The talk page is refused by the browser: nothing of it renders in the frame.
  await expect(page.frameLocator("#page").getByRole("heading", { name: "Japan–DPRK normalization talks, Beijing, February 2006" })).toHaveCount(0);
}

test("the talk page describes itself to machines: JSON-LD Event and Quotations, OpenGraph tags, and an embed code to copy", async ({ page }) => {
  await page.goto(`/talks/${BEIJING}`);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { "@graph": { "@type": string; name?: string; text?: string }[] };
  expect(data["@graph"][0]).toMatchObject({ "@type": "Event", name: "Japan–DPRK normalization talks, Beijing, February 2006", startDate: "2006-02-04" });
  expect(data["@graph"].filter((n) => n["@type"] === "Quotation")).toHaveLength(9);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Japan–DPRK normalization talks, Beijing, February 2006");
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute("content", /\/talks\/japan-dprk-beijing-2006$/);

  await page.getByText("Embed this timeline on another site").click();
  await expect(page.getByLabel("Embed code")).toHaveValue(/^<iframe src="http:\/\/[^"]+\/embed\/talks\/japan-dprk-beijing-2006" title="Japan–DPRK normalization talks, Beijing, February 2006 · Parley"/);
  await expect(page.getByRole("button", { name: "Copy embed code" })).toBeVisible();
});
