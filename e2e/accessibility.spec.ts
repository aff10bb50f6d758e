import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test, type Page } from "@playwright/test";
import { renderEveryDay } from "./support/editing";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectAxeClean(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await renderEveryDay(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

for (const [name, path] of [
  ["talks index", "/"],
  ["talk page", "/talks/japan-dprk-beijing-2006"],
  ["talk page with filters", "/talks/japan-dprk-beijing-2006?party=japan&kind=demand"],
  ["talk page with times", "/talks/test-geneva-dst-2026"],
  ["day page", "/talks/japan-dprk-beijing-2006/days/2006-02-07"],
  ["print view", "/talks/japan-dprk-beijing-2006/print"],
  ["embeddable timeline", "/embed/talks/japan-dprk-beijing-2006"],
  ["source page", "/sources/news-report-2006-02-07"],
  ["search page", "/search"],
  ["search results", "/search?q=abduct*+progress"],
  ["search results with filters and notes", "/search?q=%22huge+difference&talk=japan-dprk-beijing-2006&kind=bogus"],
  ["not-found page", "/talks/no-such-talk"],
  ["read API documentation", "/docs/api"],
  ["series index", "/series"],
  ["series page", "/series/japan-dprk-normalization-talks"],
  ["issue page grouped by series", "/issues/abductions"],
] as const) {
  test(`axe finds no WCAG 2.2 AA violations on the ${name}`, async ({ page }) => {
    await expectAxeClean(page, path);
  });
}

test.describe("on a phone with touch", () => {
  // Chromium with a phone's screen and touch (Playwright's Pixel 7): the talk page's targets, the
  // statements' "#" among them, are checked at the width they are tapped at.
  const { defaultBrowserType: _, ...phone } = devices["Pixel 7"];
  test.use(phone);
  for (const [name, path] of [
    ["talk page", "/talks/japan-dprk-beijing-2006"],
    ["day page", "/talks/japan-dprk-beijing-2006/days/2006-02-07"],
  ] as const) {
    test(`axe finds no WCAG 2.2 AA violations on the ${name}`, async ({ page }) => {
      await expectAxeClean(page, path);
    });
  }
});

test("a keyboard user skips to the content, jumps to day 4 and opens a statement's link", async ({ page }) => {
  await page.goto("/talks/japan-dprk-beijing-2006");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  const tabTo = async (target: ReturnType<typeof page.getByRole>, limit = 80) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error("never reached by Tab");
  };
  const day4 = page.getByRole("navigation", { name: "Jump to a day" }).getByRole("link", { name: /Day 4/ });
  await tabTo(day4);
  // Focus is visible: the outline is drawn.
  expect(await day4.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#day-2006-02-07$/);
  await expect(page.locator("#day-2006-02-07 h2")).toBeInViewport();

  const permalink = page.getByRole("link", { name: "Link to this statement by Song Il Ho" }).first();
  await tabTo(permalink);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#statement-[\w-]+$/);
  const id = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${id}"]`)).toContainText("Song Il Ho");
});

test("the timeline prints cleanly: no filters or navigator, every day in full", async ({ page }) => {
  await page.goto("/talks/japan-dprk-beijing-2006");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("search", { name: "Filter the timeline" })).toBeHidden();
  await expect(page.getByRole("search", { name: "Site" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Jump to a day" })).toBeHidden();
  await expect(page.locator("#day-unknown")).toBeVisible();
  expect(await page.locator(".timeline > .day").first().evaluate((el) => getComputedStyle(el).contentVisibility)).toBe("visible");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the talk, day and search pages reflow to the screen's width: no sideways scrolling (WCAG 1.4.10)", async ({ page }) => {
    for (const path of ["/talks/japan-dprk-beijing-2006", "/talks/test-long-round", "/talks/japan-dprk-beijing-2006/days/2006-02-07", "/search?q=abduct*+progress"]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
  });
});
