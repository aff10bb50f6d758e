// Histories that read well (issue 12): an editor fixes a typo and sees the words changed; every
// entry names what it is about (speaker, party, issues, sources; an assessment's issue), with
// times on the venue's clock and the reader's own; the talk's history restores and undoes like a
// record's own; a deleted record's history is for editors only; and on a phone the tables wrap
// between words and the convergence strip opens at its latest day.
import { expect, test, devices, type Locator, type Page } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId } from "./support/accounts";
import { BEIJING, DAY_4, addStatement, editStatementText, expectNoAxeViolations, formReady, ownServerWithEditor } from "./support/editing";

// A database of this file's own: it changes, deletes and restores statements of the Beijing talk.
const { server, signedInEditor } = ownServerWithEditor("history");
const SHOTS = process.env.E2E_SCREENSHOTS ?? "test-results/history-screenshots";

async function deleteStatement(page: Page, statementId: string) {
  await page.goto(`/talks/${BEIJING}/statements/${statementId}/delete`);
  await formReady(page);
  await page.getByRole("button", { name: "Delete this statement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Statement deleted." })).toBeVisible();
}

/** The value an entry gives for what it is about ("Speaker", "Party", "Issues"…). */
const aboutValue = (entry: Locator, label: string) => entry.locator(".revision__about dt", { hasText: new RegExp(`^${label}$`) }).locator("xpath=following-sibling::dd");

const talkChanges = (page: Page) => page.getByRole("list", { name: "Changes to this talk, newest first" }).getByRole("listitem");

test("an editor fixes a typo and the history shows the words changed, who said it, and when in the reader's time", async ({ browser }) => {
  // Signs in, writes through the forms and runs axe: more than 30 s when the two cores are shared.
  test.slow();
  const id = uniqueId();
  const { context, page } = await signedInEditor(browser, { timezoneId: "America/New_York" });
  const typo = `Japan will not normalise relations untill the abductions are settled (${id}).`;
  const fixed = `Japan will not normalise relations until the abductions are settled (${id}).`;
  const statementId = await addStatement(page, { text: typo });
  await editStatementText(page, statementId, fixed);

  await page.goto(`/talks/${BEIJING}/statements/${statementId}/history`);
  await formReady(page);
  const changes = page.getByRole("list", { name: "Changes to this statement" }).getByRole("listitem");
  await expect(changes).toHaveCount(2);
  const change = changes.nth(0);
  const [before, after] = [change.getByRole("row", { name: /^Text/ }).getByRole("cell").nth(0), change.getByRole("row", { name: /^Text/ }).getByRole("cell").nth(1)];
  // Old → new, each in full, with only the changed word marked: struck out in the old, underlined in the new.
  await expect(before).toHaveText(typo);
  await expect(after).toHaveText(fixed);
  await expect(before.locator("del")).toHaveText(["untill"]);
  await expect(before.locator("ins")).toHaveCount(0);
  await expect(after.locator("ins")).toHaveText(["until"]);
  await expect(after.locator("del")).toHaveCount(0);
  expect(await after.locator("ins").evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe("underline");
  expect(await before.locator("del").evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe("line-through");
  // Screen readers are told, not shown, which words changed.
  expect(await after.locator("ins").evaluate((el) => getComputedStyle(el, "::before").content)).toBe('" [inserted: "');
  expect(await before.locator("del").evaluate((el) => getComputedStyle(el, "::before").content)).toBe('" [deleted: "');

  // What it is about: the speaker, the party, the issues and sources, the day.
  await expect(aboutValue(change, "Speaker")).toHaveText("Kunio Umeda");
  await expect(aboutValue(change, "Party")).toHaveText("Japan");
  await expect(aboutValue(change, "Issues")).toHaveText("—");
  await expect(aboutValue(change, "Said")).toHaveText("Tuesday 7 February 2006");
  // When: UTC, and the reader's own time (New York) beside it.
  await expect(change.locator(".revision__when time")).toHaveText(/ UTC$/);
  await expect(change.locator(".revision__when .reader-time")).toHaveText(/^ · \d{2}:\d{2}( \w{3} \d{1,2} \w{3})? your time$/);
  await expectNoAxeViolations(page);

  // The talk's history: the seed's rows, written by the loader, are named too.
  await page.goto(`/talks/${BEIJING}/history`);
  const seeded = talkChanges(page).filter({ hasText: "Gap assessment: Abductions of Japanese nationals, Tuesday 7 February 2006" });
  await expect(seeded.first()).toBeVisible();
  await expect(aboutValue(seeded.first(), "Issue")).toHaveText("Abductions of Japanese nationals");
  const song = talkChanges(page).filter({ hasText: "Statement by Song Il Ho (DPRK): “The two meetings held on the abduction issue" });
  await expect(aboutValue(song, "Speaker")).toHaveText("Song Il Ho");
  await expect(aboutValue(song, "Party")).toHaveText("DPRK");
  await expect(aboutValue(song, "Issues")).toHaveText("Abductions of Japanese nationals");
  await expect(aboutValue(song, "Sources")).toHaveText(/^News report/);
  await expect(page.getByText(/: , /)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await context.close();
});

test("an editor restores an earlier version and undoes a deletion from the talk's history", async ({ browser }) => {
  // Signs in, writes through the forms and runs axe: more than 30 s when the two cores are shared.
  test.slow();
  const id = uniqueId();
  const { context, page } = await signedInEditor(browser);
  const first = `Both sides will meet again on Thursday (${id}).`;
  const second = `Both sides may meet again next week (${id}).`;
  const statementId = await addStatement(page, { text: first });
  await editStatementText(page, statementId, second);

  await page.goto(`/talks/${BEIJING}/history`);
  await formReady(page);
  const mine = talkChanges(page).filter({ hasText: id });
  await expect(mine).toHaveCount(2);
  await expect(mine.nth(0).getByRole("button", { name: /Restore/ })).toHaveCount(0);
  await mine.nth(1).getByRole("button", { name: "Restore version 1 of this statement" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 1 restored as version 3." })).toBeVisible();
  await page.goto(`/talks/${BEIJING}/days/${DAY_4}`);
  await expect(page.locator(`#statement-${statementId}`)).toContainText(first);

  await deleteStatement(page, statementId);
  await page.goto(`/talks/${BEIJING}/history`);
  await formReady(page);
  const deleted = talkChanges(page).filter({ hasText: id }).first();
  await expect(deleted.getByRole("heading")).toContainText("Deleted Version 4");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SHOTS}/talk-history-editor.png` });
  await deleted.getByRole("button", { name: "Undo the deletion of this statement" }).click();
  // The page is drawn again with the undo as its newest change (the button, and its message, go).
  await expect(talkChanges(page).filter({ hasText: id }).first()).toContainText("Undid the deletion.");
  await expect(talkChanges(page).filter({ hasText: id }).first().getByRole("heading")).toContainText("Restored Version 5");
  await page.goto(`/talks/${BEIJING}/days/${DAY_4}`);
  await expect(page.locator(`#statement-${statementId}`)).toContainText(first);
  await context.close();
});

test("a reader gets not-found for a deleted statement's history and does not see its changes on the talk's", async ({ browser }) => {
  // Signs in, writes through the forms and runs axe: more than 30 s when the two cores are shared.
  test.slow();
  const id = uniqueId();
  const { context, page } = await signedInEditor(browser);
  const statementId = await addStatement(page, { text: `A remark later withdrawn (${id}).` });
  await deleteStatement(page, statementId);
  // The editor still sees it all.
  await page.goto(`/talks/${BEIJING}/statements/${statementId}/history`);
  await expect(page.getByText("This statement is deleted")).toBeVisible();
  await page.goto(`/talks/${BEIJING}/history`);
  await expect(talkChanges(page).filter({ hasText: id })).toHaveCount(2);

  for (const role of ["anonymous", "analyst"] as const) {
    const readerContext = await newVisitor(browser, server().baseURL);
    const reader = await readerContext.newPage();
    if (role === "analyst") await signIn(reader, await createAccountWithCli(server().databaseUrl, "analyst"));
    const response = await reader.goto(`/talks/${BEIJING}/statements/${statementId}/history`);
    expect(response?.status(), role).toBe(404);
    await expect(reader.getByRole("heading", { level: 1, name: "Statement not found" })).toBeVisible();
    await expect(reader.getByText("withdrawn")).toHaveCount(0);
    await reader.goto(`/talks/${BEIJING}/history`);
    await expect(talkChanges(reader).first()).toBeVisible();
    await expect(reader.getByText(id)).toHaveCount(0);
    await readerContext.close();
  }
  await context.close();
});

test.describe("on a phone", () => {
  test("history tables wrap between words, and the convergence strip opens at its latest day", async ({ browser }) => {
    test.slow();
    const id = uniqueId();
    const { context, page } = await signedInEditor(browser);
    const long = `The delegations discussed normalization, compensation and the abductions at considerable length, and agreed to continue the discussions tomorrow morning (${id}).`;
    const statementId = await addStatement(page, { text: long });
    await editStatementText(page, statementId, long.replace("considerable length", "great length") + " See https://example.org/a-very-long-address/that-cannot-break-anywhere-else");
    await context.close();

    const phone = await browser.newContext({ ...devices["Pixel 7"], baseURL: server().baseURL });
    const reader = await phone.newPage();
    await reader.goto(`/talks/${BEIJING}/statements/${statementId}/history`);
    const table = reader.locator(".diff-table").first();
    await expect(table).toBeVisible();
    await reader.screenshot({ path: `${SHOTS}/history-phone.png`, fullPage: true });
    // No sideways scrolling of the page, and no word broken across two lines.
    const width = reader.viewportSize()!.width;
    expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const broken = await reader.evaluate(() => {
      const out: string[] = [];
      for (const cell of document.querySelectorAll(".diff-table td, .revision__about dd, .revision__subject")) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          // Words, not long tokens such as addresses, which may break where they must.
          for (const m of text.matchAll(/\S+/g)) {
            if (m[0].includes("/") || m[0].length > 30) continue;
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            if (range.getClientRects().length > 1) out.push(m[0]);
          }
        }
      }
      return out;
    });
    expect(broken).toEqual([]);
    await expectNoAxeViolations(reader);

    await reader.goto(`/talks/${BEIJING}`);
    const strip = reader.getByRole("region", { name: /Gap by issue and day/ });
    await expect(strip).toBeVisible();
    await strip.scrollIntoViewIfNeeded();
    await reader.screenshot({ path: `${SHOTS}/convergence-phone.png` });
    const seen = await strip.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const heads = [...el.querySelectorAll("thead th")].map((th) => th.getBoundingClientRect());
      const last = heads.at(-1)!;
      return { scrolls: el.scrollWidth > el.clientWidth, lastVisible: last.left >= box.left - 1 && last.right <= box.right + 1 };
    });
    expect(seen).toEqual({ scrolls: true, lastVisible: true });
    // The day of the assessment (day 4, the latest) is in view, not scrolled away.
    await expect(strip.locator("thead th", { hasText: "Day 4" })).toBeInViewport({ ratio: 1 });
    await phone.close();
  });
});
