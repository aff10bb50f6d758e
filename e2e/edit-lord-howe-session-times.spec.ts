// Lord Howe Island moves its clocks by half an hour: forward from 02:00 straight to 02:30 on the
// first Sunday of October (UTC+10:30 → UTC+11), back from 02:00 to 01:30 on the first Sunday of
// April. An editor typing a session's times there is told what a time inside either half hour
// means — never the hour a 60-minute change would give — before and when saving.
import { expect, test, type Browser } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, type Account } from "./support/accounts";
import { expectNoAxeViolations, formReady, loadTalk, ownServer } from "./support/editing";

// A database of this file's own: the sessions it adds would change what the reading tests see.
const server = ownServer("edit-lord-howe-session-times");

const LORD_HOWE = "test-lord-howe-2026";
let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
  // A round from the April change (Sunday 5 April 2026) to the October one (Sunday 4 October 2026).
  await loadTalk(server(), {
    talk: { slug: LORD_HOWE, title: "Test round, Lord Howe Island, autumn to spring 2026", venueCity: "Lord Howe Island", venueTimeZone: "Australia/Lord_Howe", firstDay: "2026-04-04", lastDay: "2026-10-05", status: "ongoing", summary: "" },
    parties: [{ slug: "test-norfolk-league", name: "League of Norfolk (test)", shortName: "Norfolk", isoCode: null }],
    envoys: [],
    issues: [],
    sources: [],
    sessions: [],
    statements: [],
    assessments: [],
  });
});

/** A visitor of its own (sign-in limits are per address) reading in New York. */
const visitorInNewYork = (browser: Browser) => newVisitor(browser, server().baseURL, { timezoneId: "America/New_York" });

test("an editor types 02:15 on the night Lord Howe's clocks go forward half an hour, is refused, and saves 01:45–02:45, which lasted 30 minutes", async ({ browser }) => {
  const context = await visitorInNewYork(browser);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${LORD_HOWE}/sessions/new?day=2026-10-04`);
  await formReady(page);
  await page.getByLabel("Title", { exact: true }).fill("Spring night working group");
  const start = page.getByLabel("Starts at (optional)");
  await start.fill("02:15");
  const skipped = "02:15 does not exist in Lord Howe Island on Sunday 4 October 2026: the clocks go forward from 02:00 straight to 02:30. Enter the time as the clocks showed it.";
  await expect(start).toHaveAccessibleDescription(/02:15 does not exist in Lord Howe Island on Sunday 4 October 2026: the clocks go forward from 02:00 straight to 02:30\./);
  await expect(page.getByRole("group", { name: "Which 02:15?" })).toHaveCount(0);

  // Saved anyway: refused, next to the field, with what was typed kept.
  await page.getByRole("button", { name: "Add session" }).click();
  await expect(page.locator("#session-startTime-error")).toHaveText(skipped);
  await expect(start).toHaveAttribute("aria-invalid", "true");
  await expect(start).toHaveValue("02:15");
  await expect(page).toHaveURL(/\/sessions\/new/);
  await expectNoAxeViolations(page);

  // 01:45 is still UTC+10:30 and 02:45 already UTC+11: an hour apart on the clock, half an hour in fact.
  await start.fill("01:45");
  const end = page.getByLabel("Ends at (optional)");
  await end.fill("02:45");
  await expect(end).toHaveAccessibleDescription(/Ends 02:45 the same day \(30 min\)\./);
  await page.getByRole("button", { name: "Add session" }).click();

  await expect(page).toHaveURL(/\/days\/2026-10-04#session-/);
  const id = new URL(page.url()).hash.replace("#session-", "");
  const when = page.locator(`#session-${id} .session__head .venue-time`);
  await expect(when).toContainText("01:45 GMT+10:30");
  await expect(when).toContainText("02:45 GMT+11");
  await expect(when).not.toContainText("next day");
  // 15:15 and 15:45 UTC on Saturday 3 October: 11:15 and 11:45 in New York (UTC−4).
  await expect(when.locator(".reader-time")).toHaveText([" · 11:15 Sat 3 Oct your time", " · 11:45 Sat 3 Oct your time"]);
  await context.close();
});

test("an editor types 01:45 on the night Lord Howe's clocks go back half an hour, is asked which 01:45, and the choice is kept", async ({ browser }) => {
  const context = await visitorInNewYork(browser);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${LORD_HOWE}/sessions/new?day=2026-04-05`);
  await formReady(page);
  await page.getByLabel("Title", { exact: true }).fill("Autumn night working group");
  const start = page.getByLabel("Starts at (optional)");
  await start.fill("01:45");
  await expect(start).toHaveAccessibleDescription(/01:45 happens twice in Lord Howe Island on Sunday 5 April 2026/);
  const which = page.getByRole("group", { name: "Which 01:45?" });
  await expect(which.getByRole("radio")).toHaveCount(2);
  await expect(which.getByRole("radio", { name: "01:45 GMT+11 (summer time, first)" })).not.toBeChecked();
  await expect(which.getByRole("radio", { name: "01:45 GMT+10:30 (winter time, second)" })).not.toBeChecked();

  // Saved without choosing: refused, and the two readings named, half an hour apart.
  await page.getByRole("button", { name: "Add session" }).click();
  await expect(page.locator("#session-startTime-error")).toHaveText(
    "01:45 happens twice in Lord Howe Island on Sunday 5 April 2026, as the clocks go back from 02:00 to 01:30: choose 01:45 GMT+11 (summer time, first) or 01:45 GMT+10:30 (winter time, second).",
  );
  await expect(start).toHaveValue("01:45");
  await expect(page).toHaveURL(/\/sessions\/new/);
  await expectNoAxeViolations(page);

  await which.getByRole("radio", { name: "01:45 GMT+10:30 (winter time, second)" }).check();
  const end = page.getByLabel("Ends at (optional)");
  await end.fill("02:15");
  await expect(end).toHaveAccessibleDescription(/Ends 02:15 the same day \(30 min\)\./);
  await page.getByRole("button", { name: "Add session" }).click();

  await expect(page).toHaveURL(/\/days\/2026-04-05#session-/);
  const id = new URL(page.url()).hash.replace("#session-", "");
  await expect(page.locator(`#session-${id} .venue-time`)).toContainText("01:45–02:15 GMT+10:30");
  // 01:45 UTC+10:30 is 15:15 UTC on Saturday 4 April: 11:15 in New York (UTC−4); both ends.
  await expect(page.locator(`#session-${id} .reader-time`)).toHaveText(" · 11:15 Sat 4 Apr–11:45 your time");

  await page.goto(`/talks/${LORD_HOWE}/sessions/${id}/edit`);
  await formReady(page);
  await expect(page.getByLabel("Starts at (optional)")).toHaveValue("01:45");
  await expect(page.getByRole("group", { name: "Which 01:45?" }).getByRole("radio", { name: "01:45 GMT+10:30 (winter time, second)" })).toBeChecked();
  await context.close();
});
