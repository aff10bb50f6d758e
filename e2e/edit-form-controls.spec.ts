// Every control of every editing form has an id of its own and an accessible name, and its label
// focuses it (issue 12: the session and talk forms' Summary field shared its id with the form's
// outcome box, so it had no name and its label focused nothing — and axe did not notice). Also
// the site's icon is served.
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, type Account } from "./support/accounts";
import { BEIJING, DAY_4, formReady, ownServer } from "./support/editing";

const server = ownServer("edit-form-controls");
let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
});

const FORMS = [
  "/talks/new",
  `/talks/${BEIJING}/edit`,
  `/talks/${BEIJING}/sessions/new?day=${DAY_4}`,
  `/talks/${BEIJING}/statements/new?day=${DAY_4}`,
  `/talks/${BEIJING}/assessments/new?day=${DAY_4}`,
  "/parties/new",
  "/parties/japan/edit",
  "/envoys/new",
  "/envoys/song-il-ho/edit",
  "/issues/new",
  "/issues/abductions/edit",
  "/sources/new",
  "/sources/news-report-2006-02-07/edit",
];

test("every form control has an id of its own, an accessible name, and a label that focuses it", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await newVisitor(browser, server().baseURL)).newPage();
  await signIn(page, editor, FORMS[0]);
  for (const address of FORMS) {
    await page.goto(address);
    await formReady(page);
    const problems = await page.locator("main").evaluate((main) => {
      const found: string[] = [];
      const ids = new Map<string, number>();
      for (const el of document.querySelectorAll("[id]")) ids.set(el.id, (ids.get(el.id) ?? 0) + 1);
      for (const [id, n] of ids) if (n > 1) found.push(`id "${id}" is used ${n} times`);
      const controls = main.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("input:not([type=hidden]), select, textarea");
      for (const c of controls) {
        const labelled = c.getAttribute("aria-labelledby")?.split(/\s+/).map((id) => document.getElementById(id)?.textContent?.trim() ?? "").join(" ").trim();
        const name = c.getAttribute("aria-label")?.trim() || labelled || [...(c.labels ?? [])].map((l) => l.textContent?.trim() ?? "").join(" ").trim() || c.title.trim();
        if (!name) found.push(`${c.tagName.toLowerCase()} name="${c.getAttribute("name")}" has no accessible name`);
      }
      for (const label of main.querySelectorAll("label[for]")) {
        const target = document.getElementById(label.getAttribute("for")!);
        if (!target || !["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName)) found.push(`label "${label.textContent?.trim()}" points at ${target ? target.tagName.toLowerCase() : "nothing"}`);
      }
      return found;
    });
    expect(problems, address).toEqual([]);
  }
  // The Summary field that shared its id: its label now names and focuses it.
  await page.goto(`/talks/${BEIJING}/sessions/new?day=${DAY_4}`);
  await formReady(page);
  await page.getByText("Summary (optional)", { exact: true }).click();
  await expect(page.getByRole("textbox", { name: "Summary (optional)" })).toBeFocused();
});

test("the site's icon is served, as /favicon.ico and as the page's icon", async ({ request }) => {
  const ico = await request.get(`${server().baseURL}/favicon.ico`);
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const page = await request.get(`${server().baseURL}/`);
  expect(await page.text()).toMatch(/<link rel="icon" href="\/icon\.svg[^"]*"[^>]*type="image\/svg\+xml"/);
});
