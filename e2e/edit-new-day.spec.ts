// Issue 12, part 3: "recording one new day (a session, two statements, a new source, an
// assessment, one typo fix, one undo) took 9 page loads, 19 clicks and ~30 fields". The same task,
// done the way a new editor would with today's pages, counting the page loads (document requests
// of the main frame, not fetches) and the clicks, and then checking that everything was saved.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, type Account } from "./support/accounts";
import { expectNoAxeViolations, formReady, loadTalk, ownServer, statementArticle, textBox } from "./support/editing";

const server = ownServer("edit-new-day");
const TALK = "test-new-day-geneva";
let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
  // A round planned for two days (2–3 March 2026) that runs on into a third.
  await loadTalk(server(), {
    talk: { slug: TALK, title: "Test round, Geneva, a day more", venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: "2026-03-02", lastDay: "2026-03-03", status: "ongoing", summary: "" },
    parties: [
      { slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia", isoCode: "XAU" },
      { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis", isoCode: "XBO" },
    ],
    envoys: [
      { slug: "ana-ruiz", name: "Ana Ruiz", title: "Chief negotiator", party: "aurelia", role: "head" },
      { slug: "bo-lind", name: "Bo Lind", title: "Foreign Ministry spokesperson", party: "borealis", role: "member" },
    ],
    issues: [
      { slug: "test-water-rights", name: "Water rights (test)" },
      { slug: "test-border", name: "Border demarcation (test)" },
    ],
    sessions: [
      { ref: "mon", localDay: "2026-03-02", kind: "plenary", title: "Opening plenary", summary: "", outcome: "unknown", issues: ["test-water-rights"] },
      { ref: "tue", localDay: "2026-03-03", kind: "plenary", title: "Second plenary", summary: "", outcome: "unknown", issues: ["test-border"] },
    ],
  });
});

/** Page loads (the main frame's document requests) and the editor's clicks, keys and fields. */
function counter(page: Page) {
  const counts = { loads: 0, navigations: 0, clicks: 0, keys: 0, fields: 0 };
  const loads: string[] = [];
  page.on("request", (request) => {
    if (request.isNavigationRequest() && request.resourceType() === "document" && request.frame() === page.mainFrame()) {
      counts.loads += 1;
      loads.push(new URL(request.url()).pathname);
    }
  });
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) counts.navigations += 1;
  });
  return {
    counts,
    loads,
    click: async (target: Locator) => {
      counts.clicks += 1;
      await target.click();
    },
    fill: async (target: Locator, value: string) => {
      counts.fields += 1;
      await target.fill(value);
    },
    choose: async (target: Locator, option: { label: string }) => {
      counts.fields += 1;
      await target.selectOption(option);
    },
    save: async (target: Locator) => {
      counts.keys += 1;
      await target.press("ControlOrMeta+Enter");
    },
  };
}

test("an editor records a new day — a session, two statements with a new source, an assessment, a typo fix, an undo — in at most 4 page loads", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await newVisitor(browser, server().baseURL)).newPage();
  await signIn(page, editor, "/");
  const editorTask = counter(page);
  const { click, fill, choose, save, counts } = editorTask;

  // 1. The talk, and its last day's "Add the next day's session": the session form for Wednesday 4 March.
  await page.goto(`/talks/${TALK}`);
  const nextDay = page.getByRole("link", { name: "Add the next day’s session" });
  await expect(nextDay).toBeVisible();
  await expect(page.locator("#day-2026-03-03")).toContainText("Add the next day’s session");
  await click(nextDay);
  await formReady(page);
  await expect(page.getByLabel("Day", { exact: true })).toHaveValue("2026-03-04");
  await expect(page.getByRole("checkbox", { name: "Water rights (test)" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Border demarcation (test)" })).toBeChecked();
  await fill(page.getByLabel("Title", { exact: true }), "Third-day plenary");
  await click(page.getByRole("button", { name: "Add session" }));
  // The talk was to end on the 3rd: a warning, nothing saved until the editor confirms.
  const warning = page.getByRole("main").getByRole("alert");
  await expect(warning).toContainText("Wednesday 4 March 2026 is after the talk’s last day, 3 March 2026. Save anyway to extend the talk to 4 March 2026");
  await click(page.getByRole("button", { name: "Save anyway" }));
  await page.waitForURL(/\/days\/2026-03-04/);

  // 2. Two statements in the session, typed one after the other in place, with a new source.
  await click(page.getByRole("link", { name: "Add statement in the session “Third-day plenary”" }));
  const speaker = page.getByLabel("Who said it");
  await expect(speaker).toBeFocused();
  await choose(speaker, { label: "Ana Ruiz, Chief negotiator" });
  await expect(page.getByLabel("Capacity")).toHaveValue("head_of_delegation");
  await fill(textBox(page), "Aurelia will not sign withuot a water clause.");
  await click(page.getByText("Add a new source"));
  await fill(page.getByLabel("Publisher of the new source"), "Test Wire");
  await fill(page.getByLabel("Title of the new source"), "Geneva round runs into a third day");
  await save(textBox(page));
  await expect(page.getByRole("status").filter({ hasText: "Statement added to" })).toBeVisible();
  // A fresh form, focused, keeping the session, day, issues and the new source.
  await expect(speaker).toBeFocused();
  await expect(textBox(page)).toHaveValue("");
  await expect(page.getByRole("checkbox", { name: /Geneva round runs into a third day/ })).toBeChecked();
  await choose(speaker, { label: "Bo Lind, Foreign Ministry spokesperson" });
  await expect(page.getByLabel("Capacity")).toHaveValue("spokesperson");
  await fill(textBox(page), "Borealis says the clause can wait for the final text.");
  await save(textBox(page));
  await expect(statementArticle(page, "Borealis says the clause can wait")).toBeVisible();

  // 3. One too many, undone in place.
  await choose(speaker, { label: "Aurelia (the party as a whole)" });
  await fill(textBox(page), "Posted to the wrong day by mistake.");
  await save(textBox(page));
  await expect(statementArticle(page, "Posted to the wrong day by mistake")).toBeVisible();
  await click(page.getByRole("button", { name: "Undo" }));
  await expect(page.getByRole("status").filter({ hasText: "Undone: the statement was removed." })).toBeVisible();
  await expect(statementArticle(page, "Posted to the wrong day by mistake")).toHaveCount(0);

  // 4. The day's gap assessment.
  await click(page.getByRole("link", { name: "Assess the gap on day 3" }));
  await formReady(page);
  await choose(page.getByLabel("Issue"), { label: "Water rights (test)" });
  await choose(page.getByLabel("Gap"), { label: "Narrowing" });
  await click(page.getByRole("button", { name: "Save assessment" }));
  await page.waitForURL(/\/days\/2026-03-04/);

  // 5. The typo in the first statement.
  await click(statementArticle(page, "withuot").getByRole("link", { name: "Edit statement" }));
  await formReady(page);
  await fill(textBox(page), "Aurelia will not sign without a water clause.");
  await click(page.getByRole("button", { name: "Save changes" }));
  await page.waitForURL(/\/days\/2026-03-04/);
  await expect(statementArticle(page, "Aurelia will not sign without a water clause.")).toBeVisible();

  console.log(`edit-new-day: ${counts.loads} page loads (${editorTask.loads.join(", ")}), ${counts.navigations} main-frame navigations, ${counts.clicks} clicks, ${counts.keys} key presses, ${counts.fields} fields`);
  expect(counts.loads).toBeLessThanOrEqual(4);

  // Everything was saved: the day as a reader's page shows it, loaded afresh.
  await page.goto(`/talks/${TALK}/days/2026-03-04`);
  await expect(page.getByRole("heading", { name: /Third-day plenary/ })).toBeVisible();
  const first = statementArticle(page, "Aurelia will not sign without a water clause.");
  const second = statementArticle(page, "Borealis says the clause can wait for the final text.");
  await expect(first.getByRole("link", { name: /Test Wire, Geneva round runs into a third day/ })).toBeVisible();
  await expect(second.getByRole("link", { name: /Test Wire, Geneva round runs into a third day/ })).toBeVisible();
  await expect(statementArticle(page, "withuot")).toHaveCount(0);
  await expect(statementArticle(page, "Posted to the wrong day by mistake")).toHaveCount(0);
  await expect(page.locator(".assessment")).toContainText("Water rights (test)");
  await expect(page.locator(".assessment")).toContainText("Narrowing");
  // The talk now runs to the 4th.
  await page.goto(`/talks/${TALK}`);
  await expect(page.locator("#day-2026-03-04")).toContainText("Third-day plenary");
  await expect(page.getByRole("link", { name: "Add the next day’s session" })).toHaveAttribute("href", `/talks/${TALK}/sessions/new?day=2026-03-05`);
});

test("the timeline's last day offers the next day's session (screenshot), and passes axe", async ({ browser }) => {
  const page = await (await newVisitor(browser, server().baseURL)).newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, editor, `/talks/${TALK}`);
  const last = page.locator("ol.timeline > li").last();
  await expect(last.getByRole("link", { name: "Add the next day’s session" })).toBeVisible();
  await last.scrollIntoViewIfNeeded();
  await last.screenshot({ path: "/tmp/clicks-shots/timeline-last-day.png" });
  await expectNoAxeViolations(page);
});
