import { expect, test } from "@playwright/test";

// Analysts in Tokyo, Washington and London read the same page: the venue's days and clock
// times must not move with the reader's zone; only the "your time" beside a known time does.
const BEIJING_DAYS = ["Day 1 · Saturday 4 February 2006", "Day 4 · Tuesday 7 February 2006", "Day not reported"];

// Apia, Thursday 29 December 2011, 23:00 (UTC−10) is Friday 30 December, 09:00 UTC: a day that
// happened for every reader but never in Apia, which went from Thursday straight to Saturday.
const READERS = [
  {
    timezoneId: "UTC",
    apiaStart: " · 09:00 Fri 30 Dec your time",
    // Saturday 23:30 CET = 22:30 UTC; Sunday 00:30 CET = 23:30 UTC Saturday.
    satLate: " · 22:30–22:55 your time",
    sunEarly: " · 23:30 Sat 28 Mar your time",
  },
  { timezoneId: "Asia/Tokyo", satLate: " · 07:30 Sun 29 Mar–07:55 your time", sunEarly: " · 08:30 your time", apiaStart: " · 18:00 Fri 30 Dec your time" },
  // New York is already on summer time (since 8 March 2026): UTC−4.
  { timezoneId: "America/New_York", satLate: " · 18:30–18:55 your time", sunEarly: " · 19:30 Sat 28 Mar your time", apiaStart: " · 04:00 Fri 30 Dec your time" },
];

for (const reader of READERS) {
  test.describe(`a reader in ${reader.timezoneId}`, () => {
    test.use({ timezoneId: reader.timezoneId });

    test("sees the Beijing talks on Beijing's days", async ({ page }) => {
      await page.goto("/talks/japan-dprk-beijing-2006");
      const days = page.getByRole("list", { name: "Days of the talk" });
      await expect(days.locator(":scope > li > h2")).toHaveText(BEIJING_DAYS);
      // The days between, with nothing recorded, in one line.
      await expect(days.locator(":scope > li.day-run")).toHaveText(["Days 2–3 · 5–6 February 2006 — nothing recorded"]);
      await expect(page.locator("#day-2006-02-07")).toContainText("significant progress");
      // Known only to the day: no clock time anywhere on the page.
      await expect(page.locator(".timeline time")).toHaveCount(0);
    });

    test("sees the Apia round without Friday 30 December 2011, which Apia skipped: Saturday is day 3, and the Thursday night plenary ends on it", async ({ page }) => {
      await page.goto("/talks/test-apia-date-line-2011");
      const days = page.getByRole("list", { name: "Days of the talk" });
      await expect(days.locator(":scope > li > h2")).toHaveText([
        "Day 1 · Wednesday 28 December 2011",
        "Day 2 · Thursday 29 December 2011",
        "Day 3 · Saturday 31 December 2011",
      ]);
      await expect(days.locator(":scope > li.day-run")).toHaveText(["Day 4 · Sunday 1 January 2012 — nothing recorded"]);
      await expect(page.locator("#day-2011-12-30")).toHaveCount(0);
      await expect(page.getByText("30 December 2011")).toHaveCount(0);

      const plenary = page.locator("#day-2011-12-29 .session").first();
      await expect(plenary.locator(".session__head .venue-time")).toContainText("23:00");
      await expect(plenary.locator(".session__head .venue-time")).toContainText("00:30");
      await expect(plenary.locator(".session__head")).toContainText("the next day, Sat 31 Dec");
      await expect(plenary.locator(".session__head .reader-time").first()).toHaveText(reader.apiaStart);
      await expect(page.locator("#day-2011-12-31").getByRole("article", { name: /Mika Sol/ }).locator(".venue-time")).toContainText("10:00");
    });

    test("sees Geneva's sessions on Geneva's days and times across the clock change, with their own time beside", async ({ page }) => {
      await page.goto("/talks/test-geneva-dst-2026");
      await expect(page.locator("[data-reader-zone]")).toHaveText(reader.timezoneId);

      const saturday = page.locator("#day-2026-03-28");
      const sunday = page.locator("#day-2026-03-29");
      const monday = page.locator("#day-2026-03-30");
      await expect(saturday.getByRole("heading", { level: 4 })).toHaveText(["Late plenary"]);
      await expect(sunday.getByRole("heading", { level: 4 })).toHaveText(["After-midnight working group"]);
      await expect(monday.getByRole("heading", { level: 4 })).toHaveText(["Monday bilateral"]);

      const late = saturday.locator(".session").first();
      await expect(late.locator(".venue-time").first()).toContainText("23:30–23:55");
      await expect(late.locator(".venue-time").first()).toContainText("CET");
      const early = sunday.locator(".session").first();
      await expect(early.locator(".session__head .venue-time")).toContainText("00:30 CET");
      await expect(monday.locator(".session__head .venue-time")).toContainText("00:30 CEST");

      await expect(late.locator(".session__head .reader-time")).toHaveText(reader.satLate);
      await expect(early.locator(".session__head .reader-time")).toHaveText(reader.sunEarly);

      // A statement known to the minute shows its minute; one known to the day, none.
      await expect(early.getByRole("article", { name: /Ana Ruiz/ }).locator(".venue-time")).toContainText("00:45 CET");
      await expect(sunday.getByRole("article", { name: /Bo Lind/ }).locator("time")).toHaveCount(0);
      await expect(monday.getByRole("article", { name: /Borealis/ })).toContainText("morning");
    });
  });
}
