// "As known on" (issue 13, docs/decisions/023-as-known-on.md): an editor corrects a statement,
// follows the history's link to the talk as known just before the correction and reads the old
// text under a banner naming the moment, with no editing controls; the banner's link goes back to
// the record now; a moment Parley cannot read is said on the page; the view passes axe. A day page
// and an issue page as known before a correction (docs/decisions/026-as-known-on-days-and-issues.md)
// show the old words, read-only, and their links keep the moment.
import { expect, test } from "@playwright/test";
import { uniqueId } from "./support/accounts";
import { BEIJING, DAY_4, addStatement, editStatementText, expectNoAxeViolations, ownServerWithEditor, statementArticle } from "./support/editing";

// A database of this file's own: it adds and corrects a statement of the Beijing talk.
const { server, signedInEditor } = ownServerWithEditor("as-of");

test("an editor corrects a statement and reads its old text in the talk as known just before the correction", async ({ browser }) => {
  test.slow();
  const id = uniqueId();
  const { context, page } = await signedInEditor(browser);
  const first = `Japan will answer in writing (${id}).`;
  const corrected = `Japan will answer in writing next week (${id}).`;
  const statementId = await addStatement(page, { text: first });
  await editStatementText(page, statementId, corrected);

  await page.goto(`/talks/${BEIJING}/history`);
  await page.getByText("The talk as known just before each of these changes").click();
  // The moment just before the statement was added (the oldest of the two changes listed first).
  const beforeAdding = new URL((await page.getByRole("link", { name: /^The talk as known just before/ }).nth(1).getAttribute("href"))!, server().baseURL).searchParams.get("asOf")!;
  // Newest first: the correction, then the statement's creation.
  await page.getByRole("link", { name: /^The talk as known just before/ }).first().click();
  await page.waitForURL(/\?asOf=/);

  const banner = page.getByRole("region", { name: "Moment shown" });
  await expect(banner).toContainText(/The record as known on \w+day \d+ \w+ \d{4}, \d\d:\d\d \(Beijing\)/);
  await expect(banner).toContainText("later additions, corrections and deletions are not shown");
  await expect(statementArticle(page, first)).toBeVisible();
  await expect(page.getByText(corrected)).toHaveCount(0);
  // Read-only: no way to edit or add from here.
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Add a statement/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await banner.getByRole("link", { name: "See the record now" }).click();
  await page.waitForURL(new RegExp(`/talks/${BEIJING}$`));
  await expect(statementArticle(page, corrected)).toBeVisible();
  await expect(page.getByRole("region", { name: "Moment shown" })).toHaveCount(0);

  // What changed since just before it was added: counted at the top, tagged where it stands.
  await page.goto(`/talks/${BEIJING}?${new URLSearchParams({ since: beforeAdding })}`);
  const changes = page.getByRole("region", { name: "Changes shown" });
  await expect(changes).toContainText(/1 change since \w+day \d+ \w+ \d{4}, \d\d:\d\d \(Beijing\)/);
  await expect(changes).toContainText(/\(Beijing\): 1 statement added\./);
  await expect(statementArticle(page, corrected).getByText("added", { exact: true })).toBeVisible();
  await context.close();
});

test("a reader asks for the talk as known on a day before it was recorded, and on a moment Parley cannot read", async ({ page }) => {
  await page.goto(`/talks/${BEIJING}?asOf=2006-02-06T18:00`);
  await expect(page.getByRole("region", { name: "Moment shown" })).toContainText("The record as known on Monday 6 February 2006, 18:00 (Beijing)");
  await expect(page.getByText("Nothing is recorded for this talk yet.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/talks/${BEIJING}?asOf=yesterday`);
  await expect(page.getByRole("alert", { name: "Moment not understood" })).toContainText("is not a moment Parley can read");
  await expect(page.getByRole("link", { name: "See the record now" })).toHaveAttribute("href", `/talks/${BEIJING}`);
});

const SHOTS = process.env.E2E_SCREENSHOTS ?? "test-results/as-of-screenshots";
const SONG = "The two meetings held on the abduction issue have not produced significant progress.";

test("a reader opens day 4 and the abductions as known before a correction: the old words under the banner, nothing to edit, links that keep the moment", async ({ browser }) => {
  test.slow();
  const id = uniqueId();
  const { context, page } = await signedInEditor(browser);
  // Song Il Ho's words on day 4, on the abductions, as the seed loaded them; then corrected.
  await page.goto(`/talks/${BEIJING}/days/${DAY_4}`);
  const statementId = (await statementArticle(page, SONG).locator("xpath=..").getAttribute("id"))!.replace("statement-", "");
  await page.waitForTimeout(300);
  const beforeCorrection = new Date().toISOString();
  await page.waitForTimeout(300);
  const corrected = `The two meetings on the abductions brought no significant progress (${id}).`;
  await editStatementText(page, statementId, corrected);
  const asOf = `asOf=${encodeURIComponent(beforeCorrection)}`;

  // The day as known then: the loaded words, no editing, the day's links of the same moment.
  await page.goto(`/talks/${BEIJING}/days/${DAY_4}?${asOf}`);
  const banner = page.getByRole("region", { name: "Moment shown" });
  await expect(banner).toContainText(/The record as known on \w+day \d+ \w+ \d{4}, \d\d:\d\d \(Beijing\)/);
  await expect(statementArticle(page, SONG)).toBeVisible();
  await expect(page.getByText(corrected)).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Add a statement/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^← Day 1/ })).toHaveAttribute("href", `/talks/${BEIJING}/days/2006-02-04?${asOf}`);
  await expect(page.getByRole("link", { name: "See it on the timeline" })).toHaveAttribute("href", `/talks/${BEIJING}?${asOf}&from=${DAY_4}#day-${DAY_4}`);
  await page.screenshot({ path: `${SHOTS}/day-as-of.png`, fullPage: true });
  await expectNoAxeViolations(page);
  await banner.getByRole("link", { name: "See the record now" }).click();
  await page.waitForURL(new RegExp(`/days/${DAY_4}$`));
  await expect(statementArticle(page, corrected)).toBeVisible();

  // The talk as known then: its day 4 opens as known then too.
  await page.goto(`/talks/${BEIJING}?${asOf}`);
  await page.locator(`#day-${DAY_4}`).getByRole("link", { name: /Day 4/ }).first().click();
  await page.waitForURL(new RegExp(`/days/${DAY_4}\\?asOf=`));
  await expect(page.getByRole("region", { name: "Moment shown" })).toBeVisible();
  await expect(statementArticle(page, SONG)).toBeVisible();

  // The issue as known then: the loaded words, no editing, its links of the same moment.
  await page.goto(`/issues/abductions?show=all&${asOf}`);
  await expect(page.getByRole("region", { name: "Moment shown" })).toContainText(/The record as known on \w+day \d+ \w+ \d{4}, \d\d:\d\d \(Beijing\)/);
  await expect(page.getByRole("region", { name: "Moment shown" })).toContainText("Which talks have the issue on their agenda");
  await expect(page.getByText(SONG)).toBeVisible();
  await expect(page.getByText(corrected)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Positions, demands and denials" })).toHaveAttribute("href", `/issues/abductions?${asOf}`);
  await expect(page.getByRole("heading", { level: 3, name: /Beijing/ }).getByRole("link")).toHaveAttribute("href", `/talks/${BEIJING}?${asOf}`);
  await page.screenshot({ path: `${SHOTS}/issue-as-of.png`, fullPage: true });
  await expectNoAxeViolations(page);
  await page.goto("/issues/abductions?show=all");
  await expect(page.getByText(corrected)).toBeVisible();
  await expect(page.getByText(SONG)).toHaveCount(0);

  // What changed on day 4 since just before the correction: one, tagged where it stands.
  await page.goto(`/talks/${BEIJING}/days/${DAY_4}?${new URLSearchParams({ since: beforeCorrection })}`);
  const changes = page.getByRole("region", { name: "Changes shown" });
  await expect(changes).toContainText(/1 change since \w+day \d+ \w+ \d{4}, \d\d:\d\d \(Beijing\) to this day’s record: 1 statement corrected\./);
  await expect(statementArticle(page, corrected).getByText("corrected", { exact: true })).toBeVisible();
  await context.close();
});

test("a reader asks for a day and an issue as known before the talk was recorded", async ({ page }) => {
  await page.goto(`/talks/${BEIJING}/days/${DAY_4}?asOf=2006-02-06T18:00`);
  await expect(page.getByRole("region", { name: "Moment shown" })).toContainText("The record as known on Monday 6 February 2006, 18:00 (Beijing)");
  await expect(page.getByText("No session or statement was recorded for this day yet at that moment.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/day-as-of-empty.png`, fullPage: true });
  await expectNoAxeViolations(page);

  await page.goto("/issues/abductions?asOf=2006-02-06T18:00");
  await expect(page.getByRole("region", { name: "Moment shown" })).toContainText("The record as known on Monday 6 February 2006, 18:00 (Beijing)");
  await expect(page.getByText("No position, demand or denial on this issue is recorded.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto(`/talks/${BEIJING}/days/${DAY_4}?asOf=soon`);
  await expect(page.getByRole("alert", { name: "Moment not understood" })).toContainText("is not a moment Parley can read");
  await expect(page.getByRole("link", { name: "See the record now" })).toHaveAttribute("href", `/talks/${BEIJING}/days/${DAY_4}`);
});
