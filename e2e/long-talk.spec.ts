import { expect, test } from "@playwright/test";
import { readOnUntil } from "./support/timeline";

test("on a long talk, the first days come in full, later ones load as the analyst reads on, and the day index jumps to any day", async ({ page }) => {
  await page.goto("/talks/test-long-round");
  const first = page.locator("#day-2025-03-10");
  const last = page.locator("#day-2025-03-15");
  // The page comes with its first days only, whatever the talk's size; the rest is one link away.
  await expect(first.getByRole("article").first()).toBeAttached();
  await expect(last).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Later days, from / })).toHaveAttribute("href", /^\/talks\/test-long-round\?from=2025-03-1\d#day-2025-03-1\d$/);

  // Reading on brings the next days in place, to the last.
  await readOnUntil(page, last);
  await expect(last.getByRole("article").first()).toBeVisible();
  const counted = await last.getByRole("article").count();
  expect(counted).toBeGreaterThan(0);

  // The day index jumps straight to a day: the timeline from that day on, with the way back.
  await page.goto("/talks/test-long-round");
  await page.getByRole("navigation", { name: "Jump to a day" }).getByRole("link", { name: /Day 6/ }).click();
  await expect(page).toHaveURL(/\/talks\/test-long-round\?from=2025-03-15#day-2025-03-15$/);
  await expect(last.getByRole("heading", { level: 2 })).toBeInViewport();
  await expect(last.getByRole("article")).toHaveCount(counted);
  await expect(page.getByRole("link", { name: /^Earlier days, from / })).toBeVisible();

  // The same day on its own page, in full.
  await page.goto("/talks/test-long-round/days/2025-03-15");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Day 6 · Saturday 15 March 2025");
  // (What was reported that day but said on a day not known is listed apart, after it.)
  await expect(page.getByRole("list", { name: "This day" }).getByRole("article")).toHaveCount(counted);
});

test("on a long talk, the print view has every day in full, and prints without its controls", async ({ page }) => {
  await page.goto("/talks/test-long-round?kind=denial");
  const shown = Number(/(\d+) of \d+ statements?/.exec((await page.locator(".filters__summary").textContent()) ?? "")?.[1] ?? NaN);
  expect(shown).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Print the whole timeline" }).click();
  await expect(page).toHaveURL("/talks/test-long-round/print?kind=denial");
  // Nothing is left to load: every statement the filters keep is in the page.
  await expect(page.getByRole("article")).toHaveCount(shown);
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeVisible();

  await page.goto("/talks/test-long-round/print");
  await expect(page.locator("#day-2025-03-15").getByRole("article").first()).toBeAttached();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Back to the timeline" })).toBeHidden();
  await expect(page.locator("#day-2025-03-15").getByRole("article").first()).toBeVisible();
});
