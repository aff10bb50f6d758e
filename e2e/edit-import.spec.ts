// An editor imports a talk from a statements CSV at /import: a file with a bad row is refused with
// its line and column and nothing is saved; a good file is checked (a dry run), imported with a
// progress bar that reaches done, and its statements are on the talk's page; the same file again
// changes nothing, and a later copy with one more row adds that row. Readers cannot reach the page.
import { expect, test, type Page } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId, type Account } from "./support/accounts";
import { expectNoAxeViolations, formReady, ownServer } from "./support/editing";

const server = ownServer("edit-import");
const SHOTS = process.env.E2E_SCREENSHOTS;

let editor: Account;
let analyst: Account;

test.beforeAll(async () => {
  [editor, analyst] = await Promise.all([createAccountWithCli(server().databaseUrl, "editor"), createAccountWithCli(server().databaseUrl, "analyst")]);
});

const HEADER =
  "statement_id,talk,day,day_number,time,utc_offset,precision,part_of_day,reported_on,session_id,session_title,speaker,envoy,party,party_name,capacity,setting,kind,issues,issue_names,text,quoted_words,sources,source_citations,recorded_at,updated_at";

/** A statements CSV of a new talk in Vienna: three rows over two days, one with a quoted line break. */
function csv(slug: string, badKind = false): string {
  const rows = [
    `,${slug},2026-05-04,,10:30,UTC+02:00,minute,,2026-05-04,s1,Opening plenary,Ana Example (Ruritania),ana-example,ruritania,Kingdom of Ruritania,head_of_delegation,session,position,border-crossings,Border crossings,"Ruritania will reopen two crossings
if the monitors stay.",,wire-${slug},"Example Wire, “Talks open in Vienna”, 2026-05-04, https://example.org/${slug}",,`,
    `,${slug},2026-05-04,,,,day,,,s1,Opening plenary,Freedonia,,freedonia,Republic of Freedonia,government,press_briefing,${badKind ? "rumour" : "demand"},,,Freedonia asks for monitors at every crossing.,,,,,`,
    `,${slug},2026-05-05,,,,day,,,,,Ana Example (Ruritania),ana-example,ruritania,Kingdom of Ruritania,head_of_delegation,interview,assessment,border-crossings,Border crossings,The gap has narrowed on crossings.,,,,,`,
  ];
  return `\uFEFF${HEADER}\r\n${rows.join("\r\n")}\r\n`;
}

async function chooseFile(page: Page, name: string, text: string) {
  await page.getByLabel("File (statements CSV or talk document JSON)").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });
}

test("an editor's CSV with a bad row is refused with its line and column, and nothing is saved", async ({ browser }) => {
  const slug = `vienna-bad-${uniqueId()}`;
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, "/import");
  await expect(page.getByRole("heading", { level: 1, name: "Import a talk" })).toBeVisible();
  await formReady(page);
  await chooseFile(page, "vienna.csv", csv(slug, true));
  await page.getByRole("button", { name: "Check the file" }).click();
  // A new talk: the page asks for its details.
  const details = page.getByRole("group", { name: "A new talk: its details" });
  await expect(details).toContainText(`The file’s talk, ${slug}, is not in Parley yet`);
  await fillTalk(page);
  await page.getByRole("button", { name: "Check the file" }).click();
  const problems = page.getByRole("status").filter({ hasText: "nothing was saved" });
  await expect(problems).toContainText("1 problem in the file: nothing was saved.");
  // The first record spans lines 2–3 (a quoted line break): the bad one starts on line 4.
  await expect(problems.getByRole("listitem")).toHaveText([/^Line 4, column kind: "rumour" is not a kind of statement/]);
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-problems.png`, fullPage: true });

  expect((await page.goto(`/talks/${slug}`))?.status()).toBe(404);
  await context.close();
});

async function fillTalk(page: Page) {
  await page.getByLabel("Title", { exact: true }).fill("Ruritania–Freedonia border talks, Vienna");
  await page.getByLabel("Venue city").fill("Vienna");
  await page.getByLabel("Venue time zone").fill("Europe/Vienna");
  await expect(page.getByLabel("First day")).toHaveValue("2026-05-04");
}

test("an editor checks a good CSV, imports it with progress to done, and the talk page shows its statements", async ({ browser }) => {
  const slug = `vienna-${uniqueId()}`;
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, "/");
  await page.getByRole("link", { name: "Import a talk" }).click();
  await expect(page).toHaveURL(/\/import$/);
  await formReady(page);
  await chooseFile(page, "vienna.csv", csv(slug));
  await page.getByRole("button", { name: "Check the file" }).click();
  await fillTalk(page);
  await page.getByRole("button", { name: "Check the file" }).click();

  // The dry run: what would be created, per kind and per day; nothing saved yet.
  const status = page.getByRole("status").filter({ hasText: "Dry run" });
  await expect(status).toContainText("nothing was saved yet");
  const shared = page.getByRole("table", { name: "Shared records, by slug or key" });
  await expect(shared.getByRole("row", { name: /^Parties/ })).toContainText("2: ruritania, freedonia");
  await expect(shared.getByRole("row", { name: /^Sources/ })).toContainText(`wire-${slug}`);
  const days = page.getByRole("table", { name: /1 session, 3 statements, per day/ });
  await expect(days.getByRole("row", { name: /^2026-05-04/ })).toContainText("2");
  await expect(days.getByRole("row", { name: /^2026-05-05/ })).toContainText("1");
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/import-dry-run.png`, fullPage: true });
  expect((await context.request.get(`/talks/${slug}`)).status()).toBe(404);

  await page.getByRole("button", { name: "Import 3 statements" }).click();
  const progress = page.getByRole("progressbar", { name: /^Import: Done/ });
  await expect(progress).toHaveAttribute("value", "1");
  await expect(page.getByRole("status")).toContainText("Imported “Ruritania–Freedonia border talks, Vienna”: 3 statements and 1 session.");

  // The same file again: nothing changes.
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("status")).toContainText("is already loaded, nothing changed");

  // A later copy of the spreadsheet with one more row: that row is added, the others skipped.
  const later = `${csv(slug)},${slug},2026-05-05,,,,day,,,,,Freedonia,,freedonia,Republic of Freedonia,government,press_briefing,denial,,,Freedonia denies moving troops to the border.,,,,,\r\n`;
  await chooseFile(page, "vienna-later.csv", later);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("status")).toContainText("Importing will add 1 statement to “Ruritania–Freedonia border talks, Vienna”, all or nothing; 3 rows of the file are in it already and will be skipped.");
  await page.getByRole("button", { name: "Import 1 statement" }).click();
  await expect(page.getByRole("progressbar", { name: /^Import: Done/ })).toHaveAttribute("value", "1");
  await expect(page.getByRole("status")).toContainText("Added 1 statement to “Ruritania–Freedonia border talks, Vienna”.");

  await page.getByRole("link", { name: "Open the talk" }).click();
  await expect(page).toHaveURL(new RegExp(`/talks/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ruritania–Freedonia border talks, Vienna");
  await expect(page.getByText("Freedonia asks for monitors at every crossing.")).toBeVisible();
  await expect(page.getByText("The gap has narrowed on crossings.")).toBeVisible();
  await expect(page.getByText("Freedonia denies moving troops to the border.")).toBeVisible();
  await context.close();
});

test("the template is the statements CSV's header and an example row", async ({ request }) => {
  const response = await request.get(`${server().baseURL}/import/template.csv`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^text\/csv/);
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString("utf8").slice(1).split("\r\n")[0]).toBe(HEADER);
});

test("a reader cannot reach the import: the page is not allowed and the route refuses", async ({ browser }) => {
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  const anonymous = await page.goto("/import");
  expect(anonymous?.url()).toContain("/login?next=%2Fimport");
  await signIn(page, analyst, "/");
  await expect(page.getByRole("link", { name: "Import a talk" })).toHaveCount(0);
  const refused = await page.goto("/import");
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  const post = await page.request.post("/import/events?mode=import", {
    headers: { origin: server().baseURL, "content-type": "application/octet-stream" },
    data: Buffer.from(`null\n${csv(`vienna-${uniqueId()}`)}`),
  });
  expect(post.status()).toBe(403);
  await context.close();
});
