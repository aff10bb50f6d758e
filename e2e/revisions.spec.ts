// Every change is kept: an editor restores an earlier version from a statement's history, deletes
// a statement and undoes the deletion; the history says who did what and when.
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId, type Account } from "./support/accounts";
import { BEIJING, DAY_4, addStatement, expectNoAxeViolations, formReady, ownServer, textBox } from "./support/editing";

// A database of this file's own: it changes the Beijing talk that other files count.
const server = ownServer("revisions");

let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
});

test("an editor edits a statement, then restores the earlier version from its history", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor);
  const first = `Japan asked again for full information on every abductee (${id}).`;
  const second = `Japan asked for information on some abductees (${id}).`;
  const statementId = await addStatement(page, { text: first });

  // Correct it from the timeline's Edit link.
  await page.goto(`/talks/${BEIJING}/days/${DAY_4}`);
  await page.locator(`#statement-${statementId}`).getByRole("link", { name: "Edit statement" }).click();
  await formReady(page);
  await textBox(page).fill(second);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator(`#statement-${statementId}`)).toContainText(second);

  // Its history: who changed what, and when.
  await page.locator(`#statement-${statementId}`).getByRole("link", { name: "History of statement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "History of a statement" })).toBeVisible();
  await formReady(page);
  const changes = page.getByRole("list", { name: "Changes to this statement" }).getByRole("listitem");
  await expect(changes).toHaveCount(2);
  const change = changes.nth(0);
  await expect(change.getByRole("heading")).toContainText(`Changed Version 2 by ${editor.name}`);
  await expect(change.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(change.locator("time")).toHaveText(/ UTC$/);
  const textRow = change.getByRole("row", { name: /^Text/ });
  await expect(textRow.getByRole("cell")).toHaveText([first, second]);
  await expect(changes.nth(1).getByRole("heading")).toContainText(`Created Version 1 by ${editor.name}`);
  await expectNoAxeViolations(page);

  // Restore version 1: it becomes version 3, with a revision saying so.
  await changes.nth(1).getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 1 restored as version 3." })).toBeVisible();
  await expect(changes).toHaveCount(3);
  await expect(changes.nth(0).getByRole("heading")).toContainText(`Restored Version 3 by ${editor.name}`);
  await expect(changes.nth(0)).toContainText("Restored version 1.");
  await expect(changes.nth(0).getByRole("row", { name: /^Text/ }).getByRole("cell")).toHaveText([second, first]);

  await page.goto(`/talks/${BEIJING}/days/${DAY_4}`);
  await expect(page.locator(`#statement-${statementId}`)).toContainText(first);
  await context.close();
});

test("an editor deletes a statement from the timeline and undoes it; the history shows both", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor);
  const text = `Both sides agreed to meet again (${id}).`;
  const statementId = await addStatement(page, { text, speaker: "Japan (the party as a whole)" });

  await page.goto(`/talks/${BEIJING}`);
  await page.locator(`#statement-${statementId}`).getByRole("link", { name: "Delete statement" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delete a statement" })).toBeVisible();
  await formReady(page);
  await expect(page.locator("blockquote")).toHaveText(text);
  await page.getByRole("button", { name: "Delete this statement" }).click();
  const notice = page.getByRole("status").filter({ hasText: "Statement deleted." });
  await expect(notice).toBeVisible();

  // Gone from the timeline (another tab shows it), and kept.
  const reader = await context.newPage();
  await reader.goto(`/talks/${BEIJING}`);
  await expect(reader.locator(`#day-${DAY_4}`)).toContainText("significant progress");
  await expect(reader.locator(`#statement-${statementId}`)).toHaveCount(0);

  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deletion undone: the statement is back." })).toBeVisible();
  await reader.reload();
  await expect(reader.locator(`#statement-${statementId}`)).toContainText(text);

  await reader.goto(`/talks/${BEIJING}/statements/${statementId}/history`);
  const changes = reader.getByRole("list", { name: "Changes to this statement" }).getByRole("listitem");
  await expect(changes).toHaveCount(3);
  await expect(changes.nth(0).getByRole("heading")).toContainText(`Restored Version 3 by ${editor.name}`);
  await expect(changes.nth(0)).toContainText("Undid the deletion.");
  await expect(changes.nth(1).getByRole("heading")).toContainText(`Deleted Version 2 by ${editor.name}`);

  // The talk's own history lists the same changes, linked to the statement.
  await reader.goto(`/talks/${BEIJING}/history`);
  const talkChanges = reader.getByRole("list", { name: "Changes to this talk, newest first" }).getByRole("listitem").filter({ hasText: id });
  await expect(talkChanges).toHaveCount(3);
  await expect(talkChanges.first().getByRole("link", { name: new RegExp(`Statement by Japan: “Both sides agreed to meet again \\(${id}\\)\\.”`) })).toHaveAttribute(
    "href",
    `/talks/${BEIJING}/statements/${statementId}/history`,
  );
  await expectNoAxeViolations(reader);
  await context.close();
});

test("a deleted statement is undone from its history page too", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor);
  const statementId = await addStatement(page, { text: `To be deleted and brought back (${id}).` });
  await page.goto(`/talks/${BEIJING}/statements/${statementId}/delete`);
  await formReady(page);
  await page.getByRole("button", { name: "Delete this statement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Statement deleted." })).toBeVisible();
  await page.goto(`/talks/${BEIJING}/statements/${statementId}/history`);
  await expect(page.getByText("This statement is deleted")).toBeVisible();
  await formReady(page);
  await page.getByRole("button", { name: "Undo the deletion" }).click();
  await expect(page.getByRole("list", { name: "Changes to this statement" }).getByRole("listitem").first()).toContainText("Undid the deletion.");
  await page.goto(`/talks/${BEIJING}/days/${DAY_4}`);
  await expect(page.locator(`#statement-${statementId}`)).toBeVisible();
  await context.close();
});
