// Sources are records of their own: readers open a report's page from the talk's source list and
// see what else cites it; editors correct a report's details (title, address, day), with history
// and restore, and cannot delete one that statements still cite.
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId, type Account } from "./support/accounts";
import { BEIJING, expectNoAxeViolations, formReady, ownServer } from "./support/editing";

// A database of this file's own: it renames the Beijing talk's source, which other files read.
const server = ownServer("edit-sources");
const SOURCE = "news-report-2006-02-07";
const TITLE = "North Korea, Japan Still far Apart on Issue of Abducted Japanese";

let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
});

test("a reader follows a source from the talk's list to its page and finds what it carries", async ({ browser }) => {
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await page.goto(`/talks/${BEIJING}`);
  const sources = page.getByRole("region", { name: "Sources" });
  await sources.getByRole("link", { name: `About this source: ${TITLE}` }).click();
  await expect(page).toHaveURL(new RegExp(`/sources/${SOURCE}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.locator(".facts")).toContainText("Tuesday 7 February 2006");
  // The sessions and statements it reports, linked to the timeline.
  await expect(page.getByRole("region", { name: "Sessions it reports" }).getByRole("link", { name: "First meeting on the abduction issue" })).toHaveAttribute(
    "href",
    new RegExp(`^/talks/${BEIJING}/days/unknown#session-`),
  );
  const carried = page.getByRole("region", { name: "Statements it carries" });
  await expect(carried.getByRole("article").filter({ hasText: "huge difference" })).toHaveCount(1);
  await expect(carried).toContainText("9 statements");
  // Readers get its history, not its editing.
  await expect(page.getByRole("link", { name: "History of changes" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const missing = await page.goto("/sources/no-such-report");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Source not found" })).toBeVisible();
  await context.close();
});

test("an editor corrects a source's title and address, sees it on the timeline, and restores the first version", async ({ browser }) => {
  const id = uniqueId();
  // An analyst has the talk open meanwhile.
  const reader = await (await newVisitor(browser, server().baseURL)).newPage();
  await reader.goto(`/talks/${BEIJING}`);
  await expect(reader.locator(".live-status")).toHaveText("Live");

  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, `/sources/${SOURCE}`);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await formReady(page);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(TITLE);

  // A bad address is refused by its field, and nothing typed is lost.
  const corrected = `N. Korea, Japan still far apart on abductions (${id})`;
  await page.getByLabel("Title", { exact: true }).fill(corrected);
  await page.getByLabel("Web address (optional)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByLabel("Web address (optional)")).toHaveAccessibleDescription(/starting with http:\/\/ or https:\/\//);
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(corrected);
  await expectNoAxeViolations(page);

  await page.getByLabel("Web address (optional)").fill(`https://example.org/report/${id}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/sources/${SOURCE}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(corrected);
  await expect(page.locator(".facts").getByRole("link")).toHaveAttribute("href", `https://example.org/report/${id}`);

  // The analyst's page follows without a reload, and says so.
  await expect(reader.getByRole("region", { name: "Sources" })).toContainText(corrected, { timeout: 5_000 });
  await expect(reader.getByRole("status", { name: "Live updates" })).toContainText(`Source “${corrected}” edited`);
  await reader.context().close();

  // The timeline cites it under its new title, linked to the report.
  await page.goto(`/talks/${BEIJING}`);
  const listed = page.getByRole("region", { name: "Sources" }).getByRole("listitem");
  await expect(listed.getByRole("link", { name: `“${corrected}”` })).toHaveAttribute("href", `https://example.org/report/${id}`);

  // Its history shows the change; restoring version 1 brings the report's own title back.
  await page.goto(`/sources/${SOURCE}/history`);
  await formReady(page);
  const changes = page.getByRole("list", { name: "Changes to this source" }).getByRole("listitem");
  await expect(changes.nth(0).getByRole("row", { name: /^Title/ }).getByRole("cell")).toHaveText([TITLE, corrected]);
  await changes.nth(1).getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 1 restored as version 3." })).toBeVisible();
  await page.goto(`/sources/${SOURCE}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await context.close();
});

test("a source that statements still cite cannot be deleted, and the editor is told what cites it", async ({ browser }) => {
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, `/sources/${SOURCE}/delete`);
  await formReady(page);
  await page.getByRole("button", { name: /^Delete/ }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Still used by 3 sessions, 9 statements");
  await page.goto(`/talks/${BEIJING}`);
  await expect(page.getByRole("region", { name: "Sources" }).getByRole("listitem")).toHaveCount(1);
  await context.close();
});
