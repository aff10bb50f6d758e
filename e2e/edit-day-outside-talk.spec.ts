// A day outside the talk is refused where it was typed (docs/decisions/009-talk-span.md): the
// form says which days the talk has, next to the field, keeps what the editor typed, and saves
// nothing. The Beijing talk is open from 4 February 2006, so its days run 50 years, to 4 February
// 2056.
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, type Account } from "./support/accounts";
import { BEIJING, expectNoAxeViolations, formReady, ownServer } from "./support/editing";

// A database of this file's own: a test that fails to refuse would change the Beijing talk that
// other files count.
const server = ownServer("edit-day-outside-talk");
const TALK = "Japan–DPRK normalization talks, Beijing, February 2006";
let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
});

test("editor types 9999-12-31 as an assessment's day and is told the talk's days, nothing saved", async ({ browser }) => {
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  const path = `/talks/${BEIJING}/assessments/new?issue=abductions`;
  await signIn(page, editor, path);
  await formReady(page);
  const day = page.getByLabel("Day", { exact: true });
  await expect(day).toHaveAccessibleDescription(/within the talk’s days: 4 February 2006 to 4 February 2056 at most, while the talk is open/);
  await day.fill("9999-12-31");
  await page.getByLabel("Gap").selectOption({ label: "Widening" });
  await page.getByLabel("Note (optional)").fill("Typed in a hurry.");
  await page.getByRole("button", { name: "Save assessment" }).click();

  const refusal = "That day is outside the talk (from 4 February 2006): the talk is open, so its days run to 4 February 2056 at most.";
  // Next to the field, tied to it for screen readers, and in the form's summary.
  await expect(page.locator(".field", { has: day }).locator(".field__error")).toHaveText(refusal);
  await expect(day).toHaveAccessibleDescription(new RegExp(refusal.replace(/[()]/g, "\\$&")));
  await expect(day).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("main").getByRole("alert")).toContainText(`Day: ${refusal}`);
  // What the editor typed is still there, and the page has not moved on.
  await expect(page).toHaveURL(new RegExp(`${path.replace("?", "\\?")}$`));
  await expect(day).toHaveValue("9999-12-31");
  await expect(page.getByLabel("Issue")).toHaveValue("abductions");
  await expect(page.getByLabel("Gap")).toHaveValue("widening");
  await expect(page.getByLabel("Note (optional)")).toHaveValue("Typed in a hurry.");
  await expectNoAxeViolations(page);

  // Nothing saved: the abductions' gap strip still has its one assessment, on day 4.
  const reader = await context.newPage();
  await reader.goto("/issues/abductions");
  const talk = reader.getByRole("region", { name: TALK });
  await expect(talk.getByRole("article", { name: /^Gap on / })).toHaveCount(1);
  await expect(talk.getByRole("article", { name: "Gap on Tuesday 7 February 2006" })).toBeVisible();
  await expect(talk.getByText("9999")).toHaveCount(0);
  await context.close();
});

test("editor moves the talk's last day before some of its statements and is told how many, nothing saved", async ({ browser }) => {
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${BEIJING}/edit`);
  await formReady(page);
  const last = page.getByLabel("Last day (optional)");
  await expect(last).toHaveAccessibleDescription(/At most 50 years after the first day\./);

  // More than 50 years: refused by the form's own rule.
  await last.fill("2106-02-04");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(last).toHaveAccessibleDescription(/A talk spans at most 50 years, so its last day can be 4 February 2056 at the latest\./);
  await expect(last).toHaveValue("2106-02-04");

  // Before day 4, where a statement and the gap assessment lie: refused, naming them.
  await last.fill("2006-02-06");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(last).toHaveAccessibleDescription(/1 statement and 1 gap assessment lie after 6 February 2006 \(on 7 February 2006\); move or delete them first\./);
  await expect(last).toHaveValue("2006-02-06");
  await expect(page).toHaveURL(new RegExp(`/talks/${BEIJING}/edit$`));

  // Nothing saved: opened afresh, the talk is at its first version and still open.
  await page.goto(`/talks/${BEIJING}/edit`);
  await formReady(page);
  await expect(page.getByText("Opened at version 1")).toBeVisible();
  await expect(page.getByLabel("Last day (optional)")).toHaveValue("");
  await context.close();
});
