import { expect, test } from "@playwright/test";

test("analyst opens the Beijing talks from the index and reads day 1 and Song Il Ho's words", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Talks" })).toBeVisible();
  await page.getByRole("link", { name: "Japan–DPRK normalization talks, Beijing, February 2006" }).click();

  await expect(page).toHaveURL(/\/talks\/japan-dprk-beijing-2006$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Japan–DPRK normalization talks, Beijing, February 2006");

  const days = page.getByRole("list", { name: "Days of the talk" });
  const firstDay = days.getByRole("listitem").first();
  await expect(firstDay.getByRole("heading", { level: 2 })).toHaveText("Day 1 · Saturday 4 February 2006");
  await expect(firstDay).toContainText("Talks open in Beijing");

  // The days between, with nothing recorded, are there as one line that says so.
  await expect(days.locator(":scope > li").nth(1)).toHaveText("Days 2–3 · 5–6 February 2006 — nothing recorded");

  const day4 = page.locator("#day-2006-02-07");
  await expect(day4.getByRole("heading", { level: 2 })).toHaveText("Day 4 · Tuesday 7 February 2006");
  // Day 4 holds only what the report dates to Tuesday: Song Il Ho's first statement.
  const tuesday = day4.getByRole("article", { name: /Song Il Ho/ }).filter({ hasText: "significant progress" });
  await expect(tuesday).toHaveCount(1);
  await expect(tuesday).toContainText("head of delegation");
  await expect(day4.getByRole("article", { name: /Song Il Ho/ }).filter({ hasText: "huge difference" })).toHaveCount(0);
  // Its source is cited by number and listed in full at the end.
  const cite = tuesday.getByRole("link", { name: /^Source 1: .*North Korea, Japan Still far Apart on Issue of Abducted Japanese/ });
  await cite.click();
  await expect(page).toHaveURL(/#source-1$/);
  await expect(page.locator("#source-1")).toContainText("“North Korea, Japan Still far Apart on Issue of Abducted Japanese”, Tuesday 7 February 2006");

  // What the report does not date is shown apart, not guessed onto a day.
  const undated = page.locator("#day-unknown");
  await expect(undated.getByRole("heading", { level: 2 })).toHaveText("Day not reported");
  await expect(undated.locator("q", { hasText: "very regrettable" })).toBeVisible();
  // "Huge difference" is Song Il Ho's, as North Korea's chief envoy, on a day the report does not give;
  // Kunio Umeda speaks as a member of Japan's delegation ("Japanese envoy"), not its head.
  const huge = undated.getByRole("article", { name: /Song Il Ho/ }).filter({ hasText: "huge difference" });
  await expect(huge.locator("q")).toHaveText("huge difference");
  await expect(huge).toContainText("head of delegation");
  await expect(undated.getByRole("article", { name: /Kunio Umeda/ }).filter({ hasText: "very regrettable" })).toContainText("delegation member");
  await expect(undated.getByRole("heading", { level: 4 })).toHaveText([
    "First meeting on the abduction issue",
    "Second meeting on the abduction issue",
  ]);
});

test("a visitor who follows a bad talk address is told it does not exist", async ({ page }) => {
  // A real 404 (nothing streams before the page knows the talk is missing), kept out of search engines.
  const response = await page.goto("/talks/no-such-talk");
  expect(response?.status()).toBe(404);
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
  await expect(page.getByRole("heading", { level: 1, name: "Talk not found" })).toBeVisible();
  await page.getByRole("link", { name: "See all talks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Talks" })).toBeVisible();
});

test("day 4's own page also lists, apart, the 8 statements reported that day whose own day is not known", async ({ page }) => {
  await page.goto("/talks/japan-dprk-beijing-2006/days/2006-02-07");
  const said = page.getByRole("list", { name: "This day" });
  await expect(said.getByRole("article")).toHaveCount(1);
  const reported = page.getByRole("region", { name: "Reported this day, said on a day not known (8 statements)" });
  await expect(reported.getByRole("article")).toHaveCount(8);
  await expect(reported.getByRole("article", { name: /Song Il Ho/ }).filter({ hasText: "huge difference" })).toHaveCount(1);
  // Each keeps its place with the undated items.
  await expect(reported.getByRole("link", { name: "undated items" })).toHaveAttribute("href", "/talks/japan-dprk-beijing-2006/days/unknown");
});
