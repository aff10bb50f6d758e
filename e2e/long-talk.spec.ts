import { expect, test } from "@playwright/test";

test("on a long talk, later days load as the analyst jumps to them, and each day has its own page", async ({ page }) => {
  await page.goto("/talks/test-long-round");
  const days = page.locator(".timeline > .day");
  await expect(days).toHaveCount(7); // six days and "Day not reported"

  // The first day comes in full; the last is sent as a summary that links to its page.
  await expect(days.first().getByRole("article").first()).toBeAttached();
  const last = page.locator("#day-2025-03-15");
  const summary = last.locator(".day__summary");
  await expect(summary).toContainText(/\d+ sessions? and \d+ statements?\./);
  const counted = Number(/and (\d+) statement/.exec((await summary.textContent()) ?? "")![1]);
  await expect(summary.getByRole("link", { name: "Open this day" })).toHaveAttribute("href", "/talks/test-long-round/days/2025-03-15");

  // Jumping there with the day navigator brings its statements in place.
  await page.getByRole("navigation", { name: "Jump to a day" }).getByRole("link", { name: /Day 6/ }).click();
  await expect(page).toHaveURL(/#day-2025-03-15$/);
  await expect(last.getByRole("article")).toHaveCount(counted);
  await expect(last.locator(".day__summary")).toHaveCount(0);

  // The same day on its own page, in full, without any loading.
  await page.goto("/talks/test-long-round/days/2025-03-15");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Day 6 · Saturday 15 March 2025");
  await expect(page.getByRole("article")).toHaveCount(counted);
});

test("on a long talk, the print view has every day in full, and prints without its controls", async ({ page }) => {
  await page.goto("/talks/test-long-round?kind=denial");
  const shown = Number(/(\d+) of \d+ statements?/.exec((await page.locator(".filters__summary").textContent()) ?? "")?.[1] ?? NaN);
  expect(shown).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Print the whole timeline" }).click();
  await expect(page).toHaveURL("/talks/test-long-round/print?kind=denial");
  // No day is left to load: every statement the filters keep is in the page.
  await expect(page.locator(".day__deferred")).toHaveCount(0);
  await expect(page.getByRole("article")).toHaveCount(shown);
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();

  await page.goto("/talks/test-long-round/print");
  await expect(page.locator("#day-2025-03-15").getByRole("article").first()).toBeAttached();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Back to the timeline" })).toBeHidden();
  await expect(page.locator("#day-2025-03-15").getByRole("article").first()).toBeVisible();
});
