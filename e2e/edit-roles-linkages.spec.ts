// Parties' roles and linkages between issues (decision 024): an editor makes China the host of
// the Beijing round and the header and the role filter follow; an editor adds, corrects and
// deletes a linkage, and the talk page's Linkages section follows.
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId, type Account } from "./support/accounts";
import { BEIJING, expectNoAxeViolations, formReady, ownServer } from "./support/editing";

// A database of this file's own: it changes the Beijing talk that other files count.
const server = ownServer("edit-roles-linkages");
const SHOTS = process.env.E2E_SHOTS;

let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

test("an editor makes China the host: the header says so, and the timeline filters by role", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, "/parties/new");

  // China is not in the news report's talk document: the editor adds it first.
  await formReady(page);
  await page.getByLabel("Name", { exact: true }).fill("People's Republic of China");
  await page.getByLabel("Short name").fill("China");
  await page.getByLabel("ISO 3166-1 code (optional)").fill("CHN");
  await page.getByLabel("Address").fill("china");
  await page.getByRole("button", { name: "Add party" }).click();
  await expect(page).toHaveURL(/\/parties\/china$/);

  await page.goto(`/talks/${BEIJING}/edit`);
  await formReady(page);
  const parties = page.getByRole("group", { name: "Parties and their role in this talk" });
  await expect(parties.getByLabel("Role of Japan")).toHaveValue("japan:principal");
  await parties.getByLabel("People's Republic of China").check();
  await parties.getByLabel("Role of People's Republic of China").selectOption({ label: "Host" });
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/talks/${BEIJING}$`));

  const header = page.locator(".talk-header");
  await expect(header.locator(".talk-header__sides")).toHaveText("Japan · DPRK — hosted by China");
  await expect(header.getByRole("listitem").filter({ hasText: "People's Republic of China" })).toContainText("(host)");
  if (SHOTS) await header.screenshot({ path: `${SHOTS}/talk-header-host.png` });

  // The role filter offers the roles held, with their counts; China has said nothing.
  const filters = page.getByRole("search", { name: "Filter the timeline" });
  const role = filters.getByLabel("Role in the talk");
  await expect(role.locator("option")).toHaveText(["Any role", "Principals (9 statements)", "Hosts (0 statements)"]);
  await role.selectOption("host");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/talks/${BEIJING}\\?role=host$`));
  await expect(filters.getByRole("status")).toHaveText("Showing 0 of 9 statements and 0 of 3 sessions.");
  await page.getByLabel("Role in the talk").selectOption("principal");
  await page.getByRole("search", { name: "Filter the timeline" }).getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/talks/${BEIJING}\\?role=principal$`));
  await expect(page.getByRole("search", { name: "Filter the timeline" }).getByRole("status")).toHaveText("Showing 9 of 9 statements and 0 of 3 sessions.");
  await expectNoAxeViolations(page);

  // The talk's history records the change of roles.
  await page.goto(`/talks/${BEIJING}/history`);
  await expect(page.locator("main")).toContainText("Party roles");
  await expect(page.locator("main")).toContainText("China (Host)");
  await context.close();
});

test("an editor adds a linkage, sees it on the talk page, corrects it and deletes it", async ({ browser }) => {
  test.setTimeout(90_000);
  const id = uniqueId();
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, `/talks/${BEIJING}`);

  const section = page.getByRole("region", { name: "Linkages" });
  // The seed's own linkage: Japan will not normalize relations before the abductions are settled.
  await expect(section.getByRole("listitem")).toHaveCount(1);
  await expect(section.getByRole("listitem").first()).toContainText("Japan: no Normalization of relations until Abductions of Japanese nationals is settled");
  await section.getByRole("link", { name: "Add a linkage" }).click();
  await formReady(page);

  // Refused first: an issue conditional on itself, said next to the field.
  const text = `Test condition ${id}: no talk of the abductions before normalization.`;
  await page.getByLabel("Party").selectOption({ label: "Democratic People's Republic of Korea" });
  await page.getByLabel("Issue held back").selectOption({ label: "Abductions of Japanese nationals" });
  await page.getByLabel("Conditional on").selectOption({ label: "Abductions of Japanese nationals" });
  await page.getByLabel("Condition", { exact: true }).fill(text);
  await page.getByLabel("Stated on (optional)").fill("2006-02-05");
  // The statements offered are the chosen party's, under a heading per day: DPRK's, none of Japan's.
  const statedIn = page.getByLabel("Stated in (optional)");
  await expect(statedIn.locator("optgroup").first()).toHaveAttribute("label", "Day 4 · Tuesday 7 February 2006");
  await expect(statedIn.locator("option", { hasText: /^Song Il Ho: The two meetings/ })).toHaveCount(1);
  await expect(statedIn.locator("option", { hasText: /^(Kunio Umeda|Japan):/ })).toHaveCount(0);
  await page.getByLabel("Party").selectOption({ label: "Japan" });
  await expect(statedIn.locator("option", { hasText: /^Song Il Ho:/ })).toHaveCount(0);
  await expect(statedIn.locator("option", { hasText: /^Kunio Umeda:/ }).first()).toBeAttached();
  await page.getByLabel("Party").selectOption({ label: "Democratic People's Republic of Korea" });
  await page.getByRole("button", { name: "Add linkage" }).click();
  await expect(page.getByLabel("Conditional on")).toHaveAccessibleDescription(/cannot be conditional on itself/);
  await expect(page.getByLabel("Condition", { exact: true })).toHaveValue(text);
  await page.getByLabel("Conditional on").selectOption({ label: "Normalization of relations" });
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Add linkage" }).click();

  await expect(page).toHaveURL(new RegExp(`/talks/${BEIJING}#linkages$`));
  const added = section.getByRole("listitem").filter({ hasText: text });
  await expect(added).toContainText("DPRK: no Abductions of Japanese nationals until Normalization of relations is settled, since day 2 (Sun 5 Feb)");
  await expect(added.getByRole("link", { name: "Abductions of Japanese nationals", exact: true })).toHaveAttribute("href", "/issues/abductions");

  // Corrected: the condition was dropped on day 4.
  await added.getByRole("link", { name: /^Edit the linkage/ }).click();
  await formReady(page);
  await expect(page.getByLabel("Issue held back")).toHaveValue("abductions");
  await page.getByLabel("Dropped on (optional)").fill("2006-02-07");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/talks/${BEIJING}#linkages$`));
  await expect(section.getByRole("listitem").filter({ hasText: text })).toContainText("since day 2 (Sun 5 Feb); dropped on day 4 (Tue 7 Feb)");
  await expectNoAxeViolations(page);
  if (SHOTS) await section.screenshot({ path: `${SHOTS}/talk-linkages.png` });

  // Its history has both versions; then it is deleted and leaves the talk page.
  await section.getByRole("listitem").filter({ hasText: text }).getByRole("link", { name: /^History of the linkage/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("linkage");
  await expect(page.locator("main")).toContainText("Dropped on");
  await page.goto(page.url().replace(/\/history$/, "/delete"));
  // A linkage is not on the timeline: the page says where it leaves.
  await expect(page.locator("main")).toContainText("It disappears from the talk’s Linkages section and its issues’ pages");
  await expect(page.locator("main")).toContainText("DPRK: no Abductions of Japanese nationals until Normalization of relations is settled");
  await page.getByRole("button", { name: "Delete this linkage" }).click();
  await expect(page.getByRole("status").filter({ hasText: /deleted/i }).first()).toBeVisible();
  await page.goto(`/talks/${BEIJING}`);
  await expect(section.getByRole("listitem").filter({ hasText: text })).toHaveCount(0);
  await expect(section.getByRole("listitem")).toHaveCount(1);
  await context.close();
});
