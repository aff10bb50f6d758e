// Beyond statements: editors record sessions (with times on the venue's clock), assess the gap
// from the convergence strip, and keep talks, parties and envoys up to date — every change in
// its history.
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId, type Account } from "./support/accounts";
import { BEIJING, expectNoAxeViolations, formReady, ownServer } from "./support/editing";

// A database of this file's own: it changes the Beijing talk that other files count.
const server = ownServer("edit-talk-content");

const DAY_3 = "2006-02-06";
let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
});

test("an editor adds a session to day 3 with venue times, a statement in it, and assesses the gap from the convergence strip", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${BEIJING}`);

  // Day 3 holds nothing yet: it is in the line of empty days, each of them a link to its page.
  await page.locator(".day-run").getByRole("link", { name: "Mon 6 Feb (day 3)" }).click();
  await expect(page).toHaveURL(new RegExp(`/days/${DAY_3}$`));
  await page.locator(`#day-${DAY_3}`).getByRole("link", { name: "Add session to day 3" }).click();
  await formReady(page);
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue(DAY_3);
  const title = `Working group on normalization ${id}`;
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Starts at (optional)").fill("10:00");
  await page.getByLabel("Ends at (optional)").fill("12:30");
  await page.getByLabel("Kind of meeting").selectOption({ label: "Working group" });
  await page.getByRole("group", { name: "Issues discussed" }).getByLabel("Normalization of relations").check();
  await page.getByLabel("Outcome", { exact: true }).selectOption({ label: "Progress" });
  await page.getByLabel("Outcome note (optional)").fill(`Both sides agreed to keep talking (${id}).`);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add session" }).click();

  await expect(page).toHaveURL(new RegExp(`/days/${DAY_3}#session-`));
  const sessionId = new URL(page.url()).hash.replace("#session-", "");
  const session = page.locator(`#session-${sessionId}`);
  await expect(session.getByRole("heading", { level: 4 })).toHaveText(title);
  // Times typed on Beijing's clock are shown on Beijing's clock.
  await expect(session.locator(".venue-time").first()).toContainText("10:00–12:30");
  await expect(session.locator(".venue-time").first()).toContainText("GMT+8");
  await expect(session).toContainText("Progress");

  // A statement made in that session, from the session's own link.
  // It opens in place, in the session, with the session chosen; the statement lands in it.
  await session.getByRole("link", { name: `Add statement in the session “${title}”` }).click();
  const form = session.getByRole("region", { name: `Add a statement in the session “${title}”, Day 3 · Mon 6 Feb` });
  await expect(form.getByLabel("Session (optional)")).toHaveValue(sessionId);
  await form.getByLabel("Who said it").selectOption({ label: "Japan (the party as a whole)" });
  const said = `Japan called the working group useful (${id}).`;
  await form.getByLabel("Text", { exact: true }).fill(said);
  await form.getByRole("button", { name: "Add statement" }).click();
  // Saved in place; the form stays open, fresh, for the next statement in the session (issue 12).
  await expect(session.getByRole("status").filter({ hasText: "Statement added to" })).toBeVisible();
  await expect(form.getByLabel("Session (optional)")).toHaveValue(sessionId);
  await expect(page).toHaveURL(new RegExp(`/days/${DAY_3}`));
  await expect(page.locator(`#session-${sessionId}`).getByRole("article").filter({ hasText: said })).toBeVisible();

  // Assess the gap on normalization on day 3, from the strip.
  await page.goto(`/talks/${BEIJING}`);
  await page.getByRole("link", { name: "Assess Normalization of relations on day 3" }).click();
  await formReady(page);
  await expect(page.getByLabel("Issue")).toHaveValue("normalization");
  await expect(page.getByLabel("Day")).toHaveValue(DAY_3);
  await page.getByLabel("Gap").selectOption({ label: "Narrowing" });
  await page.getByLabel("Note (optional)").fill(`The working group made progress (${id}).`);
  await page.getByRole("button", { name: "Save assessment" }).click();
  await expect(page).toHaveURL(new RegExp(`/days/${DAY_3}$`));
  await expect(page.locator(`#day-${DAY_3}`).locator(".assessment")).toContainText(`Normalization of relations: Narrowing — The working group made progress (${id}). (${editor.name})`);
  await page.goto(`/talks/${BEIJING}`);
  const strip = page.getByRole("table", { name: /Gap between the parties/ });
  await expect(strip.getByRole("row", { name: /Normalization of relations/ })).toContainText("Narrowing");
  // The strip's link now edits that assessment: one per issue per day.
  await page.getByRole("link", { name: "Edit the assessment of Normalization of relations on day 3" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit a gap assessment" })).toBeVisible();

  // Deleting the session leaves its statement on the day; undoing puts it back under the session.
  await page.goto(`/talks/${BEIJING}/sessions/${sessionId}/delete`);
  await formReady(page);
  await page.getByRole("button", { name: "Delete this session" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Session deleted." })).toBeVisible();
  const reader = await context.newPage();
  await reader.goto(`/talks/${BEIJING}/days/${DAY_3}`);
  await expect(reader.locator(`#session-${sessionId}`)).toHaveCount(0);
  await expect(reader.locator(`#day-${DAY_3}`)).toContainText(said);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Deletion undone: the session is back." })).toBeVisible();
  await reader.reload();
  await expect(reader.locator(`#session-${sessionId}`)).toContainText(said);
  await context.close();
});

test("an editor adds a party, an envoy and a talk, corrects them, and restores a party's earlier version", async ({ browser }) => {
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, "/parties/new");
  await formReady(page);
  const party = `testland-${id}`;
  await page.getByLabel("Name", { exact: true }).fill(`Republic of Testland ${id}`);
  await page.getByLabel("Short name").fill(`Testland ${id}`);
  await page.getByLabel("ISO 3166-1 code (optional)").fill("tst");
  await page.getByLabel("Address").fill(party);
  await page.getByRole("button", { name: "Add party" }).click();
  await expect(page).toHaveURL(new RegExp(`/parties/${party}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Republic of Testland ${id}`);
  await expect(page.locator("code")).toHaveText("TST");

  // Correct it, then restore the first version from its history.
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await formReady(page);
  await page.getByLabel("Short name").fill(`Testland Rep. ${id}`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/parties/${party}$`));
  await page.getByRole("link", { name: "History of changes" }).click();
  await formReady(page);
  const changes = page.getByRole("list", { name: "Changes to this party" }).getByRole("listitem");
  await expect(changes.nth(0).getByRole("row", { name: /^Short name/ }).getByRole("cell")).toHaveText([`Testland ${id}`, `Testland Rep. ${id}`]);
  await changes.nth(1).getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 1 restored as version 3." })).toBeVisible();

  // An envoy of that party.
  await page.goto("/envoys/new");
  await formReady(page);
  await page.getByLabel("Name in Latin script").fill(`Tess Tester ${id}`);
  await page.getByLabel("Party").selectOption({ label: `Republic of Testland ${id}` });
  await page.getByLabel("Address").fill(`tess-tester-${id}`);
  await page.getByRole("button", { name: "Add envoy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Tess Tester ${id}`);

  // A talk with them, its zone checked as IANA.
  await page.goto("/talks/new");
  await formReady(page);
  const talk = `testland-japan-${id}`;
  await page.getByLabel("Title").fill(`Testland–Japan talks ${id}`);
  await page.getByLabel("Address").fill(talk);
  await page.getByLabel("Venue city").fill("Geneva");
  await page.getByLabel("Venue time zone").fill("Geneva time");
  await page.getByLabel("First day").fill("2026-03-28");
  await page.getByRole("group", { name: "Parties" }).getByLabel(`Republic of Testland ${id}`).check();
  await page.getByRole("group", { name: "Parties" }).getByLabel("Japan").check();
  await page.getByLabel(`Role of Tess Tester ${id}`).selectOption({ label: "Head of delegation" });
  await page.getByRole("group", { name: "Issues on the agenda" }).getByLabel("Abductions of Japanese nationals").check();
  await page.getByRole("button", { name: "Create talk" }).click();
  await expect(page.getByLabel("Venue time zone")).toHaveAccessibleDescription(/Enter an IANA time zone/);
  await expect(page.getByLabel(`Role of Tess Tester ${id}`)).toHaveValue(`tess-tester-${id}:head`);
  await page.getByLabel("Venue time zone").fill("Europe/Zurich");
  await page.getByRole("button", { name: "Create talk" }).click();
  await expect(page).toHaveURL(new RegExp(`/talks/${talk}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Testland–Japan talks ${id}`);
  await expect(page.locator(".talk-header")).toContainText(`head of delegation: Tess Tester ${id}`);

  await page.getByRole("link", { name: "Edit the talk" }).click();
  await formReady(page);
  await page.getByLabel("Status").selectOption({ label: "Concluded" });
  await page.getByLabel("Last day (optional)").fill("2026-03-30");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/talks/${talk}$`));
  await expect(page.locator(".talk-header")).toContainText("Concluded");
  await page.goto(`/talks/${talk}/history`);
  const talkChanges = page.getByRole("list", { name: "Changes to this talk, newest first" }).getByRole("listitem");
  await expect(talkChanges).toHaveCount(2);
  await expect(talkChanges.nth(0).getByRole("row", { name: /^Status/ }).getByRole("cell")).toHaveText(["Scheduled", "Concluded"]);
  await context.close();
});
