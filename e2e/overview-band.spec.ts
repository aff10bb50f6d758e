import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
// Screenshots for a person to look at (test-results/ is not kept in git).
const SHOTS = "test-results/overview-band";

const band = (page: Page) => page.getByRole("region", { name: "The whole talk" });

test("an analyst sees the whole Beijing round at the top of its page, and a click on day 4 jumps to that day", async ({ page }) => {
  await page.goto("/talks/japan-dprk-beijing-2006");
  const overview = band(page);
  await expect(overview).toBeVisible();
  // Two days hold something: day 1 (the opening session) and day 4 (the statements and the
  // assessment); the two quiet days between them fold, as the timeline folds them.
  await expect(overview.getByRole("group").getByRole("link")).toHaveCount(2);
  await expect(overview.getByRole("link", { name: /^Day 1, Saturday 4 February 2006: 0 statements, 1 session$/ })).toBeVisible();
  const day4 = overview.getByRole("link", { name: "Day 4, Tuesday 7 February 2006: 1 statement (DPRK), 0 sessions; gap on Abductions of Japanese nationals: deadlocked" });
  await expect(day4).toBeVisible();
  await expect(overview.locator("svg.band__svg--wide").getByText("⋯ 2 days ⋯")).toBeVisible();
  await expect(overview.locator(".band__unit--wide")).toHaveText("Each column is a day · ⋯ nothing recorded for that long");
  // Most of what the report says has no known day: the band says so, and links to them.
  await expect(overview.getByRole("link", { name: /^\d+ statements and \d+ sessions? on days not reported$/ })).toHaveAttribute("href", /#day-unknown$/);
  await overview.screenshot({ path: `${SHOTS}/beijing-desktop.png` });

  await day4.click();
  await expect(page).toHaveURL(/\/talks\/japan-dprk-beijing-2006#day-2006-02-07$/);
  await expect(page.locator("#day-2006-02-07").getByRole("heading", { level: 2 })).toBeInViewport();
});

test("on a long talk, a column beyond the days shown opens the page from that day", async ({ page }) => {
  await page.goto("/talks/test-long-round");
  const overview = band(page);
  await expect(overview).toBeVisible();
  await overview.screenshot({ path: `${SHOTS}/long-round-desktop.png` });
  expect(await overview.getByRole("group").getByRole("link").count()).toBeGreaterThan(1);
  const last = overview.getByRole("link", { name: /^Day 6, Saturday 15 March 2025: [\d,]+ statements \(.+\), \d+ sessions?/ });
  await last.click();
  await expect(page).toHaveURL(/\/talks\/test-long-round\?from=2025-03-15#day-2025-03-15$/);
  await expect(page.locator("#day-2025-03-15").getByRole("heading", { level: 2 })).toBeInViewport();
});

test("axe finds no WCAG 2.2 AA violations in the band, on a desktop and on a phone", async ({ page }) => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    for (const path of ["/talks/japan-dprk-beijing-2006", "/talks/test-long-round"]) {
      await page.goto(path);
      await expect(band(page)).toBeVisible();
      const results = await new AxeBuilder({ page }).include(".band").withTags(WCAG).analyze();
      expect(results.violations.map((v) => `${path} ${viewport.width}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    }
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the band fits the screen's width: no sideways scrolling, and its columns still link to their days", async ({ page }) => {
    for (const [path, name] of [
      ["/talks/japan-dprk-beijing-2006", "beijing"],
      ["/talks/test-long-round", "long-round"],
    ] as const) {
      await page.goto(path);
      const overview = band(page);
      await expect(overview).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      const box = await overview.locator("svg.band__svg--narrow").boundingBox();
      expect(box, path).not.toBeNull();
      expect(box!.x + box!.width, path).toBeLessThanOrEqual(390);
      await expect(overview.locator("svg.band__svg--wide")).toBeHidden();
      await expect(overview.getByRole("link").first()).toBeVisible();
      await overview.screenshot({ path: `${SHOTS}/${name}-phone.png` });
    }
  });
});
