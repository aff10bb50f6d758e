// Sessions run late, and clocks change: an editor types venue times and the form says what they
// mean before saving — an end earlier than the start is the next day, a time the clocks repeat
// needs a choice — and the timeline shows the session on the day it started, ending the next day,
// on the venue's clock and on the reader's own.
import { expect, test, type Browser } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId, type Account } from "./support/accounts";
import { BEIJING, expectNoAxeViolations, formReady, loadTalk, ownServer } from "./support/editing";

// A database of this file's own: it adds sessions to the Beijing talk that other files count.
const server = ownServer("edit-session-times");

const GENEVA = "test-geneva-autumn-2026";
let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
  // A Geneva round across the night its clocks go back (Sunday 25 October 2026, 03:00 → 02:00).
  await loadTalk(server(), {
    talk: { slug: GENEVA, title: "Test round, Geneva, across the change to winter time", venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: "2026-10-24", lastDay: "2026-10-26", status: "ongoing", summary: "" },
    parties: [{ slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia", isoCode: "XAU" }],
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

test("an editor enters a session 22:30–01:15 and sees it on the day it started, ending the next day", async ({ browser }) => {
  const context = await visitorInNewYork(browser);
  const page = await context.newPage();
  const title = `Late plenary ${uniqueId()}`;
  await signIn(page, editor, `/talks/${BEIJING}/sessions/new?day=2006-02-06`);
  await formReady(page);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Starts at (optional)").fill("22:30");
  const end = page.getByLabel("Ends at (optional)");
  await end.fill("01:15");
  // Before saving, next to the field: what an end earlier than the start means.
  await expect(end).toHaveAccessibleDescription(/Ends 01:15 the next day, Tuesday 7 February \(2 h 45 min\)\./);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add session" }).click();

  // Saved on Monday 6 February, where it started.
  await expect(page).toHaveURL(/\/days\/2006-02-06#session-/);
  const id = new URL(page.url()).hash.replace("#session-", "");
  const session = page.locator(`#day-2006-02-06 #session-${id}`);
  await expect(session.getByRole("heading", { level: 4 })).toHaveText(title);
  const when = session.locator(".session__head .venue-time");
  await expect(when).toContainText("22:30 GMT+8");
  await expect(when).toContainText("01:15 the next day, Tue 7 Feb");
  // Beijing 22:30 is 09:30 the same Monday in New York; 01:15 on Tuesday in Beijing is still Monday there.
  await expect(when.locator(".reader-time")).toHaveText([" · 09:30 your time", " · 12:15 Mon 6 Feb your time"]);
  await page.goto(`/talks/${BEIJING}/days/2006-02-07`);
  await expect(page.locator(`#session-${id}`)).toHaveCount(0);

  // Editing it shows the same times back, still ending the next day.
  await page.goto(`/talks/${BEIJING}/sessions/${id}/edit`);
  await formReady(page);
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue("2006-02-06");
  await expect(page.getByLabel("Starts at (optional)")).toHaveValue("22:30");
  await expect(page.getByLabel("Ends at (optional)")).toHaveValue("01:15");
  await expect(page.getByLabel("Ends at (optional)")).toHaveAccessibleDescription(/Ends 01:15 the next day, Tuesday 7 February/);

  // A session of 24 hours or more is refused, next to the end, and nothing is saved.
  await page.getByLabel("Ends at (optional)").fill("22:30");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText("Ends at: That is 22:30 the next day, Tuesday 7 February, 24 h after the start: a session cannot last 24 hours or more.");
  await expect(page.getByLabel("Ends at (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Ends at (optional)")).toHaveValue("22:30");
  await context.close();
});

test("an editor types a time in the hour the clocks repeat, is asked which one, and the choice is kept", async ({ browser }) => {
  const context = await visitorInNewYork(browser);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${GENEVA}/sessions/new?day=2026-10-25`);
  await formReady(page);
  await page.getByLabel("Title", { exact: true }).fill("Night working group");
  const start = page.getByLabel("Starts at (optional)");
  await start.fill("02:30");
  await expect(start).toHaveAccessibleDescription(/02:30 happens twice in Geneva on Sunday 25 October 2026/);
  const which = page.getByRole("group", { name: "Which 02:30?" });
  await expect(which.getByRole("radio")).toHaveCount(2);

  // Saved without choosing: refused, with the message next to the field and the choice offered.
  await page.getByRole("button", { name: "Add session" }).click();
  await expect(page.locator("#session-startTime-error")).toHaveText(
    "02:30 happens twice in Geneva on Sunday 25 October 2026, as the clocks go back from 03:00 to 02:00: choose 02:30 CEST (summer time, first) or 02:30 CET (winter time, second).",
  );
  await expect(start).toHaveValue("02:30");
  await expectNoAxeViolations(page);
  await which.getByRole("radio", { name: "02:30 CET (winter time, second)" }).check();
  await page.getByLabel("Ends at (optional)").fill("04:00");
  await expect(page.getByLabel("Ends at (optional)")).toHaveAccessibleDescription(/Ends 04:00 the same day \(1 h 30 min\)\./);
  await page.getByRole("button", { name: "Add session" }).click();

  await expect(page).toHaveURL(/\/days\/2026-10-25#session-/);
  const id = new URL(page.url()).hash.replace("#session-", "");
  await expect(page.locator(`#session-${id} .venue-time`)).toContainText("02:30–04:00 CET");
  // 02:30 CET is 01:30 UTC: 21:30 on Saturday in New York; both ends in the reader's time.
  await expect(page.locator(`#session-${id} .reader-time`)).toHaveText(" · 21:30 Sat 24 Oct–23:00 your time");

  await page.goto(`/talks/${GENEVA}/sessions/${id}/edit`);
  await formReady(page);
  await expect(page.getByLabel("Starts at (optional)")).toHaveValue("02:30");
  await expect(page.getByRole("group", { name: "Which 02:30?" }).getByRole("radio", { name: "02:30 CET (winter time, second)" })).toBeChecked();
  await context.close();
});

test("a statement said in the repeated hour is saved with the reading the editor chose, and shown with its zone", async ({ browser }) => {
  const context = await visitorInNewYork(browser);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${GENEVA}/statements/new?day=2026-10-25`);
  await formReady(page);
  const text = `Aurelia's envoy spoke to reporters in the night (${uniqueId()}).`;
  await page.getByLabel("Who said it").selectOption({ label: "Aurelia (the party as a whole)" });
  await page.getByLabel("Text", { exact: true }).fill(text);
  await page.getByLabel("When it was said is known to").selectOption({ label: "Time to the minute" });
  const time = page.getByLabel("Time at the venue");
  // A time the clocks skip does not exist in the spring; this is autumn: 02:15 happens twice.
  await time.fill("02:15");
  await expect(time).toHaveAccessibleDescription(/02:15 happens twice in Geneva on Sunday 25 October 2026/);
  const which = page.getByRole("group", { name: "Which 02:15?" });
  await page.getByRole("button", { name: "Add statement" }).click();
  await expect(page.locator("#statement-saidTime-error")).toContainText("02:15 happens twice in Geneva");
  await which.getByRole("radio", { name: "02:15 CEST (summer time, first)" }).check();
  await page.getByRole("button", { name: "Add statement" }).click();
  await expect(page).toHaveURL(/\/days\/2026-10-25#statement-/);
  const id = new URL(page.url()).hash.replace("#statement-", "");
  await expect(page.locator(`#statement-${id}`)).toContainText("02:15");
  await expect(page.locator(`#statement-${id}`)).toContainText("CEST");

  await page.goto(`/talks/${GENEVA}/statements/${id}/edit`);
  await formReady(page);
  await expect(page.getByRole("group", { name: "Which 02:15?" }).getByRole("radio", { name: "02:15 CEST (summer time, first)" })).toBeChecked();
  await context.close();
});

test("a statement said after midnight in a session that began the day before is on its own day, and names its session", async ({ browser }) => {
  const context = await visitorInNewYork(browser);
  const page = await context.newPage();
  const title = `Night working group ${uniqueId()}`;
  await signIn(page, editor, `/talks/${BEIJING}/sessions/new?day=2006-02-06`);
  await formReady(page);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Starts at (optional)").fill("23:00");
  await page.getByLabel("Ends at (optional)").fill("02:00");
  await page.getByRole("button", { name: "Add session" }).click();
  await expect(page).toHaveURL(/\/days\/2006-02-06#session-/);
  const sessionId = new URL(page.url()).hash.replace("#session-", "");

  await page.goto(`/talks/${BEIJING}/statements/new?day=2006-02-07&session=${sessionId}`);
  await formReady(page);
  const text = `Past midnight, Umeda asked for a recess (${uniqueId()}).`;
  await page.getByLabel("Who said it").selectOption({ label: "Kunio Umeda, Japanese envoy" });
  await page.getByLabel("Text", { exact: true }).fill(text);
  await page.getByLabel("When it was said is known to").selectOption({ label: "Time to the minute" });
  await page.getByLabel("Time at the venue").fill("00:40");
  await page.getByRole("button", { name: "Add statement" }).click();
  await expect(page).toHaveURL(/\/days\/2006-02-07#statement-/);

  // On the talk page: on Tuesday, where it was said, saying which session it belongs to.
  await page.goto(`/talks/${BEIJING}`);
  const said = page.locator("#day-2006-02-07").getByRole("article").filter({ hasText: text });
  await expect(said).toContainText(`Said in the session “${title}”, which began on Monday 6 February 2006.`);
  await expect(page.locator(`#session-${sessionId}`).getByRole("article").filter({ hasText: text })).toHaveCount(0);
  await said.getByRole("link", { name: `“${title}”` }).click();
  await expect(page).toHaveURL(new RegExp(`/days/2006-02-06#session-${sessionId}$`));
  await context.close();
});
