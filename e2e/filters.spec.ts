import { expect, test } from "@playwright/test";

test("analyst filters the timeline to Japan, shares the URL, reloads, and clears the filters", async ({ page }) => {
  await page.goto("/talks/japan-dprk-beijing-2006");
  const filters = page.getByRole("search", { name: "Filter the timeline" });
  const summary = filters.getByRole("status");
  await expect(summary).toHaveText("9 statements and 3 sessions.");

  // Each option says how many statements it would show.
  const party = filters.getByLabel("Party");
  await expect(party.locator("option")).toHaveText(["All parties", "Japan (6 statements)", "DPRK (3 statements)"]);
  await party.selectOption("japan");
  await filters.getByRole("button", { name: "Apply filters" }).click();

  await expect(page).toHaveURL(/\/talks\/japan-dprk-beijing-2006\?party=japan$/);
  const check = async () => {
    await expect(summary).toHaveText("Showing 6 of 9 statements and 0 of 3 sessions.");
    await expect(party).toHaveValue("japan");
    await expect(page.getByRole("article", { name: /Song Il Ho/ })).toHaveCount(0);
    await expect(page.getByRole("article", { name: /Kunio Umeda/ })).toHaveCount(4);
    // A day listed for its gap assessment alone says why nothing else is there; the days with
    // nothing left are folded into one line that says so.
    await expect(page.locator("#day-2006-02-07")).toContainText("Nothing on this day matches the filters.");
    await expect(page.locator(".day-run")).toHaveText(["Days 1–3 · 4–6 February 2006 — nothing matches the filters"]);
    // Counts of the other filters follow the party chosen.
    await expect(filters.getByLabel("Statement kind").locator("option", { hasText: "Demand" })).toHaveText("Demand (2 statements)");
  };
  await check();
  await page.reload();
  await check();

  // Narrow further by kind, then clear everything.
  await filters.getByLabel("Statement kind").selectOption("demand");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?party=japan&kind=demand$/);
  await expect(summary).toHaveText("Showing 2 of 9 statements and 0 of 3 sessions.");

  await filters.getByRole("link", { name: "Clear all filters" }).click();
  await expect(page).toHaveURL(/\/talks\/japan-dprk-beijing-2006$/);
  await expect(summary).toHaveText("9 statements and 3 sessions.");
});

test("analyst filters by session outcome and sees only the meetings that made no progress", async ({ page }) => {
  await page.goto("/talks/japan-dprk-beijing-2006?outcome=no_progress");
  await expect(page.getByRole("search", { name: "Filter the timeline" }).getByRole("status")).toHaveText("Showing 0 of 9 statements and 2 of 3 sessions.");
  await expect(page.locator(".session h4")).toHaveText(["First meeting on the abduction issue", "Second meeting on the abduction issue"]);
});

test("a filter value in the address that names nothing in the talk is said to be unknown, and kept in its menu", async ({ page }) => {
  await page.goto("/talks/japan-dprk-beijing-2006?party=nobody&kind=bogus");
  const search = page.getByRole("search", { name: "Filter the timeline" });
  await expect(search.getByRole("status")).toHaveText(
    "Not in this talk: party “nobody”, statement kind “bogus”. Nothing can match them; choose from the menus or clear the filters.",
  );
  await expect(search.getByLabel("Party")).toHaveValue("nobody");
  await expect(search.getByLabel("Party").locator("option:checked")).toHaveText("“nobody” (not in this talk)");
  await expect(search.getByLabel("Statement kind").locator("option:checked")).toHaveText("“bogus” (not in this talk)");
  // Choosing a real party from the menu and applying replaces it.
  await search.getByLabel("Party").selectOption({ value: "japan" });
  await search.getByLabel("Statement kind").selectOption({ value: "" });
  await search.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\?party=japan$/);
  await expect(search.getByRole("status")).toHaveText(/^Showing 6 of 9 statements/);
});

test("the day permalink keeps the filters and steps between days", async ({ page }) => {
  await page.goto("/talks/japan-dprk-beijing-2006/days/2006-02-07");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Day 4 · Tuesday 7 February 2006");
  // Only what the report dates to Tuesday: Song Il Ho's first statement (his "huge difference",
  // reported that day but undated, is listed apart).
  await expect(page.getByRole("list", { name: "This day" }).getByRole("article", { name: /Song Il Ho/ })).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Jump to a day" }).locator('[aria-current="page"]')).toContainText("Day 4");
  // The pager steps over the days with nothing recorded, which still have pages of their own.
  await page.getByRole("link", { name: /Day 1 · Saturday 4 February 2006/ }).click();
  await expect(page).toHaveURL(/\/days\/2006-02-04$/);
  await page.goto("/talks/japan-dprk-beijing-2006/days/2006-02-06");
  await expect(page.getByText("No session or statement recorded for this day.")).toBeVisible();

  await page.goto("/talks/japan-dprk-beijing-2006/days/2006-02-30");
  await expect(page.getByRole("heading", { level: 1, name: "Day not found" })).toBeVisible();
  await page.goto("/talks/japan-dprk-beijing-2006/days/2006-03-20");
  await expect(page.getByRole("heading", { level: 1, name: "Day not found" })).toBeVisible();
});
