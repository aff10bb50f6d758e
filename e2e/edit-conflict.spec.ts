// Two editors, one statement: the second save made from an old copy is refused, shows the newer
// text and what changed, keeps the second editor's own text; saving again applies it on top, and
// the history holds both changes. Nothing is lost and nothing is overwritten unseen.
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId } from "./support/accounts";
import { BEIJING, DAY_4, addStatement, expectNoAxeViolations, formReady, ownServer, statementArticle, textBox } from "./support/editing";

// A database of this file's own: it changes the Beijing talk that other files count.
const server = ownServer("edit-conflict");

test("two editors open the same statement; the second save is refused with the newer text, re-applied on top, and both changes are kept", async ({ browser }) => {
  // Two signed-in editors and about a dozen page loads and saves: over 30 s on a loaded machine.
  test.slow();
  const id = uniqueId();
  const [ana, ben] = await Promise.all([createAccountWithCli(server().databaseUrl, "editor", "ana"), createAccountWithCli(server().databaseUrl, "editor", "ben")]);
  const anaContext = await newVisitor(browser, server().baseURL);
  const benContext = await newVisitor(browser, server().baseURL);
  const anaPage = await anaContext.newPage();
  const benPage = await benContext.newPage();
  await signIn(anaPage, ana);
  await signIn(benPage, ben);

  const original = `Song Il Ho said the positions remain far apart (${id}).`;
  const statementId = await addStatement(anaPage, { text: original, speaker: "Song Il Ho, Chief envoy of North Korea", kind: "Assessment" });
  const edit = `/talks/${BEIJING}/statements/${statementId}/edit`;

  // Both open the edit form of the same version.
  await anaPage.goto(edit);
  await benPage.goto(edit);
  await formReady(anaPage);
  await formReady(benPage);
  await expect(textBox(anaPage)).toHaveValue(original);
  await expect(textBox(benPage)).toHaveValue(original);

  // Ana saves first.
  const anas = `Song Il Ho said the positions remain very far apart on abductions (${id}).`;
  await textBox(anaPage).fill(anas);
  await anaPage.getByRole("button", { name: "Save changes" }).click();
  await expect(anaPage).toHaveURL(new RegExp(`/days/${DAY_4}#statement-${statementId}$`));

  // Ben, still on the old copy, changes the text and the kind and saves: refused.
  const bens = `Song Il Ho said the gap on abductions is huge (${id}).`;
  await textBox(benPage).fill(bens);
  await benPage.getByLabel("Kind").selectOption({ label: "Position" });
  await benPage.getByRole("button", { name: "Save changes" }).click();
  const alert = benPage.getByRole("main").getByRole("alert").first();
  await expect(alert).toContainText(`Not saved: ${ana.name} saved a newer version of this statement`);
  const conflict = benPage.getByRole("region", { name: "Someone saved this statement after you opened it" });
  await expect(conflict).toContainText(`Version 2 saved by ${ana.name}`);
  // The newer text, in full.
  await expect(conflict.locator("blockquote")).toHaveText(anas);
  // What differs, field by field: saved now against Ben's, with what Ana changed marked.
  const table = conflict.getByRole("table", { name: "Where the saved version and yours differ" });
  const textRow = table.getByRole("row", { name: /^Text/ });
  await expect(textRow.getByRole("rowheader")).toContainText("changed since you opened it");
  await expect(textRow.getByRole("cell").nth(0)).toHaveText(anas);
  await expect(textRow.getByRole("cell").nth(1)).toHaveText(bens);
  const kindRow = table.getByRole("row", { name: /^Kind/ });
  await expect(kindRow.getByRole("cell")).toHaveText(["Assessment", "Position"]);
  await expect(kindRow.getByRole("rowheader")).not.toContainText("changed since you opened it");
  // Ben's own values are still in the form, now over version 2.
  await expect(textBox(benPage)).toHaveValue(bens);
  await expect(benPage.getByLabel("Kind")).toHaveValue("position");
  await expect(benPage.locator('input[name="version"]')).toHaveValue("2");
  await expectNoAxeViolations(benPage);

  // Ana's text is what the timeline shows meanwhile: nothing was overwritten.
  await anaPage.goto(`/talks/${BEIJING}/days/${DAY_4}`);
  await expect(statementArticle(anaPage, anas)).toHaveCount(1);

  // Ben re-applies his change on top of Ana's.
  await benPage.getByRole("button", { name: "Save my version again" }).click();
  await expect(benPage).toHaveURL(new RegExp(`/days/${DAY_4}#statement-${statementId}$`));
  await expect(benPage.locator(`#statement-${statementId}`)).toContainText(bens);

  // The history has both changes, each with its author: nothing was lost.
  await benPage.goto(`/talks/${BEIJING}/statements/${statementId}/history`);
  const changes = benPage.getByRole("list", { name: "Changes to this statement" }).getByRole("listitem");
  await expect(changes).toHaveCount(3);
  await expect(changes.nth(0)).toContainText(`Version 3 by ${ben.name}`);
  await expect(changes.nth(0)).toContainText(anas);
  await expect(changes.nth(0)).toContainText(bens);
  await expect(changes.nth(1)).toContainText(`Version 2 by ${ana.name}`);
  await expect(changes.nth(1)).toContainText(original);
  await expect(changes.nth(1)).toContainText(anas);
  await expect(changes.nth(2)).toContainText(`Created`);
  await expect(changes.nth(2)).toContainText(`Version 1 by ${ana.name}`);
  await anaContext.close();
  await benContext.close();
});

test("a save made from a copy of a statement deleted meanwhile is refused and says so", async ({ browser }) => {
  const id = uniqueId();
  const editor = await createAccountWithCli(server().databaseUrl, "editor");
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor);
  const statementId = await addStatement(page, { text: `A statement about to be deleted (${id}).` });
  await page.goto(`/talks/${BEIJING}/statements/${statementId}/edit`);
  await formReady(page);
  const other = await context.newPage();
  await other.goto(`/talks/${BEIJING}/statements/${statementId}/delete`);
  await formReady(other);
  await other.getByRole("button", { name: "Delete this statement" }).click();
  await expect(other.getByRole("status").filter({ hasText: "Statement deleted." })).toBeVisible();

  await textBox(page).fill(`An edit that must not bring it back silently (${id}).`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("main").getByRole("alert").first()).toContainText(`Not saved: ${editor.name} deleted this statement`);
  await expect(textBox(page)).toHaveValue(`An edit that must not bring it back silently (${id}).`);
  await context.close();
});
