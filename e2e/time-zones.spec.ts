import { expect, test } from "@playwright/test";

// Analysts in Tokyo, Washington and London read the same page: the venue's days and clock
// times must not move with the reader's zone; only the "your time" beside a known time does.
const BEIJING_DAYS = ["Day 1 · Saturday 4 February 2006", "Day 4 · Tuesday 7 February 2006", "Day not reported"];

// Apia, Thursday 29 December 2011, 23:00 (UTC−10) is Friday 30 December, 09:00 UTC: a day that
// happened for every reader but never in Apia, which went from Thursday straight to Saturday.
//
// The other rounds (e2e/fixtures/), each reader's time worked out from the zones' rules:
// - Lord Howe Island, Sunday 5 April 2026: the clocks go back half an hour, from 02:00 (UTC+11)
//   to 01:30 (UTC+10:30). Saturday 23:30–23:55 is 12:30–12:55 UTC; the night working group runs
//   01:15 UTC+11 (14:15 UTC Saturday) to 02:15 UTC+10:30 (15:45 UTC), an hour and a half; 01:45
//   is said twice, at 14:45 UTC (UTC+11) and 15:15 UTC (UTC+10:30); Monday 09:00–10:00 UTC+10:30
//   is 22:30–23:30 UTC Sunday.
// - Kathmandu, 1 January 1986: the clocks went from UTC+05:30 to UTC+05:45 at midnight, so 00:00
//   became 00:15. The New Year's Eve plenary, 23:30 UTC+05:30 to 00:30 UTC+05:45, is 18:00–18:45
//   UTC on Tuesday 31 December; 23:50 is 18:20 UTC and 00:20 is 18:35 UTC; Thursday 10:00–11:30
//   UTC+05:45 is 04:15–05:45 UTC.
// - Kiritimati, UTC+14: Sunday 1 March 2026, 01:00 is 11:00 UTC on Saturday 28 February; Monday
//   13:00–14:30 is 23:00 UTC Sunday to 00:30 UTC Monday; Tuesday 09:00–10:00 is 19:00–20:00 UTC
//   Monday.
// - Kwajalein, 21 August 1993: the clocks went from UTC−12 to UTC+12 at the end of Friday 20
//   August, so Saturday 21 August never happened there. The plenary from Friday 22:00 (UTC−12) to
//   Sunday 01:00 (UTC+12) is 10:00–13:00 UTC on Saturday; Sunday 10:00 (UTC+12) is 22:00 UTC
//   Saturday.
// Tokyo keeps UTC+9.
const READERS = [
  {
    timezoneId: "UTC",
    apiaStart: " · 09:00 Fri 30 Dec your time",
    // Saturday 23:30 CET = 22:30 UTC; Sunday 00:30 CET = 23:30 UTC Saturday.
    satLate: " · 22:30–22:55 your time",
    sunEarly: " · 23:30 Sat 28 Mar your time",
    lordHowe: {
      satLate: " · 12:30–12:55 your time",
      night: [" · 14:15 Sat 4 Apr your time", " · 15:45 Sat 4 Apr your time"],
      first: " · 14:45 Sat 4 Apr your time",
      second: " · 15:15 Sat 4 Apr your time",
      monday: " · 22:30 Sun 5 Apr–23:30 your time",
    },
    kathmandu: {
      newYear: [" · 18:00 your time", " · 18:45 Tue 31 Dec your time"],
      before: " · 18:20 your time",
      after: " · 18:35 Tue 31 Dec your time",
      thursday: " · 04:15–05:45 your time",
    },
    kiritimati: { arrival: " · 11:00 Sat 28 Feb your time", monday: " · 23:00 Sun 1 Mar–00:30 Mon 2 Mar your time", tuesday: " · 19:00 Mon 2 Mar–20:00 your time" },
    kwajalein: { plenary: [" · 10:00 Sat 21 Aug your time", " · 13:00 Sat 21 Aug your time"], sunday: " · 22:00 Sat 21 Aug your time" },
  },
  {
    timezoneId: "Asia/Tokyo",
    satLate: " · 07:30 Sun 29 Mar–07:55 your time",
    sunEarly: " · 08:30 your time",
    apiaStart: " · 18:00 Fri 30 Dec your time",
    lordHowe: {
      satLate: " · 21:30–21:55 your time",
      // Midnight in Tokyo falls in the working group, between the two 01:45s at the venue.
      night: [" · 23:15 Sat 4 Apr your time", " · 00:45 your time"],
      first: " · 23:45 Sat 4 Apr your time",
      second: " · 00:15 your time",
      monday: " · 07:30–08:30 your time",
    },
    kathmandu: {
      newYear: [" · 03:00 Wed 1 Jan your time", " · 03:45 your time"],
      before: " · 03:20 Wed 1 Jan your time",
      after: " · 03:35 your time",
      thursday: " · 13:15–14:45 your time",
    },
    kiritimati: { arrival: " · 20:00 Sat 28 Feb your time", monday: " · 08:00–09:30 your time", tuesday: " · 04:00–05:00 your time" },
    kwajalein: { plenary: [" · 19:00 Sat 21 Aug your time", " · 22:00 Sat 21 Aug your time"], sunday: " · 07:00 your time" },
  },
  // New York is on summer time (UTC−4) for Geneva's and Lord Howe's rounds (since 8 March 2026)
  // and Kwajalein's (August 1993), on winter time (UTC−5) for Kathmandu's and Kiritimati's.
  {
    timezoneId: "America/New_York",
    satLate: " · 18:30–18:55 your time",
    sunEarly: " · 19:30 Sat 28 Mar your time",
    apiaStart: " · 04:00 Fri 30 Dec your time",
    lordHowe: {
      satLate: " · 08:30–08:55 your time",
      night: [" · 10:15 Sat 4 Apr your time", " · 11:45 Sat 4 Apr your time"],
      first: " · 10:45 Sat 4 Apr your time",
      second: " · 11:15 Sat 4 Apr your time",
      monday: " · 18:30 Sun 5 Apr–19:30 your time",
    },
    kathmandu: {
      newYear: [" · 13:00 your time", " · 13:45 Tue 31 Dec your time"],
      before: " · 13:20 your time",
      after: " · 13:35 Tue 31 Dec your time",
      // Ends after midnight in New York: the end names its own day.
      thursday: " · 23:15 Wed 1 Jan–00:45 Thu 2 Jan your time",
    },
    kiritimati: { arrival: " · 06:00 Sat 28 Feb your time", monday: " · 18:00 Sun 1 Mar–19:30 your time", tuesday: " · 14:00 Mon 2 Mar–15:00 your time" },
    kwajalein: { plenary: [" · 06:00 Sat 21 Aug your time", " · 09:00 Sat 21 Aug your time"], sunday: " · 18:00 Sat 21 Aug your time" },
  },
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

    test("sees Lord Howe's night the clocks go back half an hour on the venue's clock, the two 01:45s apart, and its own time beside", async ({ page }) => {
      await page.goto("/talks/test-lord-howe-half-hour-2026");
      await expect(page.locator("[data-reader-zone]")).toHaveText(reader.timezoneId);
      await expect(page.getByRole("main")).toContainText("(Australia/Lord_Howe, GMT+11/GMT+10:30)");
      const days = page.getByRole("list", { name: "Days of the talk" });
      await expect(days.locator(":scope > li > h2")).toHaveText(["Day 1 · Saturday 4 April 2026", "Day 2 · Sunday 5 April 2026", "Day 3 · Monday 6 April 2026"]);

      const late = page.locator("#day-2026-04-04 .session").first();
      await expect(late.locator(".session__head .venue-time")).toContainText("23:30–23:55 GMT+11");
      await expect(late.locator(".session__head .reader-time")).toHaveText(reader.lordHowe.satLate);

      // Starts on summer time, ends on winter time the same day: both offsets named, no other day.
      const night = page.locator("#day-2026-04-05 .session").first();
      await expect(night.getByRole("heading", { level: 4 })).toHaveText("Night working group across the change");
      const when = night.locator(".session__head .venue-time");
      await expect(when).toContainText("01:15 GMT+11");
      await expect(when).toContainText("02:15 GMT+10:30");
      await expect(when).not.toContainText("next day");
      await expect(when.locator(".reader-time")).toHaveText(reader.lordHowe.night);

      // The same clock time said twice, half an hour apart.
      const first = night.getByRole("article", { name: /Ada Reef/ });
      const second = night.getByRole("article", { name: /Ben Shoal/ });
      await expect(first.locator(".venue-time")).toContainText("01:45 GMT+11");
      await expect(first.locator(".reader-time")).toHaveText(reader.lordHowe.first);
      await expect(second.locator(".venue-time")).toContainText("01:45 GMT+10:30");
      await expect(second.locator(".reader-time")).toHaveText(reader.lordHowe.second);

      const monday = page.locator("#day-2026-04-06 .session").first();
      await expect(monday.locator(".session__head .venue-time")).toContainText("09:00–10:00 GMT+10:30");
      await expect(monday.locator(".session__head .reader-time")).toHaveText(reader.lordHowe.monday);
    });

    test("sees Kathmandu's New Year's Eve plenary end on 1 January 1986 at UTC+05:45, 45 minutes after it began at UTC+05:30", async ({ page }) => {
      await page.goto("/talks/test-kathmandu-new-offset-1986");
      await expect(page.getByRole("main")).toContainText("(Asia/Kathmandu, GMT+5:30/GMT+5:45)");
      const days = page.getByRole("list", { name: "Days of the talk" });
      await expect(days.locator(":scope > li > h2")).toHaveText([
        "Day 1 · Monday 30 December 1985",
        "Day 2 · Tuesday 31 December 1985",
        "Day 3 · Wednesday 1 January 1986",
        "Day 4 · Thursday 2 January 1986",
      ]);

      const plenary = page.locator("#day-1985-12-31 .session").first();
      const when = plenary.locator(".session__head .venue-time");
      await expect(when).toContainText("23:30 GMT+5:30");
      await expect(when).toContainText("00:30 GMT+5:45 the next day, Wed 1 Jan");
      await expect(when.locator(".reader-time")).toHaveText(reader.kathmandu.newYear);
      const before = plenary.getByRole("article", { name: /Oren Tal/ });
      await expect(before.locator(".venue-time")).toContainText("23:50 GMT+5:30");
      await expect(before.locator(".reader-time")).toHaveText(reader.kathmandu.before);

      // Said in the plenary after midnight: on New Year's Day, on the new offset.
      const after = page.locator("#day-1986-01-01").getByRole("article", { name: /Ila Varn/ });
      await expect(after).toContainText("Said in the session “New Year's Eve plenary”, which began on Tuesday 31 December 1985.");
      await expect(after.locator(".venue-time")).toContainText("00:20 GMT+5:45");
      await expect(after.locator(".reader-time")).toHaveText(reader.kathmandu.after);

      const thursday = page.locator("#day-1986-01-02 .session").first();
      await expect(thursday.locator(".session__head .venue-time")).toContainText("10:00–11:30 GMT+5:45");
      await expect(thursday.locator(".session__head .reader-time")).toHaveText(reader.kathmandu.thursday);
    });

    test("sees Kiritimati's days a day ahead of the Americas: its own time names the other date", async ({ page }) => {
      await page.goto("/talks/test-kiritimati-date-line-2026");
      const days = page.getByRole("list", { name: "Days of the talk" });
      await expect(days.locator(":scope > li > h2")).toHaveText(["Day 1 · Sunday 1 March 2026", "Day 2 · Monday 2 March 2026", "Day 3 · Tuesday 3 March 2026"]);

      const arrival = page.locator("#day-2026-03-01").getByRole("article", { name: /Tem Aroa/ });
      await expect(arrival.locator(".venue-time")).toContainText("01:00 GMT+14");
      await expect(arrival.locator(".reader-time")).toHaveText(reader.kiritimati.arrival);
      const monday = page.locator("#day-2026-03-02 .session").first();
      await expect(monday.locator(".session__head .venue-time")).toContainText("13:00–14:30 GMT+14");
      await expect(monday.locator(".session__head .reader-time")).toHaveText(reader.kiritimati.monday);
      const tuesday = page.locator("#day-2026-03-03 .session").first();
      await expect(tuesday.locator(".session__head .venue-time")).toContainText("09:00–10:00 GMT+14");
      await expect(tuesday.locator(".session__head .reader-time")).toHaveText(reader.kiritimati.tuesday);
    });

    test("sees the Kwajalein round without Saturday 21 August 1993, which Kwajalein skipped, though every reader lived it", async ({ page }) => {
      await page.goto("/talks/test-kwajalein-date-line-1993");
      const days = page.getByRole("list", { name: "Days of the talk" });
      await expect(days.locator(":scope > li > h2")).toHaveText(["Day 1 · Friday 20 August 1993", "Day 2 · Sunday 22 August 1993"]);
      await expect(days.locator(":scope > li.day-run")).toHaveText(["Day 3 · Monday 23 August 1993 — nothing recorded"]);
      await expect(page.locator("#day-1993-08-21")).toHaveCount(0);

      const plenary = page.locator("#day-1993-08-20 .session").first();
      const when = plenary.locator(".session__head .venue-time");
      await expect(when).toContainText("22:00 GMT-12");
      await expect(when).toContainText("01:00 GMT+12 the next day, Sun 22 Aug");
      await expect(when.locator(".reader-time")).toHaveText(reader.kwajalein.plenary);
      const sunday = page.locator("#day-1993-08-22").getByRole("article", { name: /Sefo Ata/ });
      await expect(sunday.locator(".venue-time")).toContainText("10:00 GMT+12");
      await expect(sunday.locator(".reader-time")).toHaveText(reader.kwajalein.sunday);
    });
  });
}

test("a date the venue skipped has no day page, and the print view names every offset the round used", async ({ page }) => {
  for (const address of ["/talks/test-apia-date-line-2011/days/2011-12-30", "/talks/test-kwajalein-date-line-1993/days/1993-08-21"]) {
    const response = await page.goto(address);
    expect(response?.status()).toBe(404);
  }
  await page.goto("/talks/test-lord-howe-half-hour-2026/print");
  await expect(page.locator("main")).toContainText("(Australia/Lord_Howe, GMT+11/GMT+10:30)");
});
