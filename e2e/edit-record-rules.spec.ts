// The record cannot contradict itself, through the forms an editor uses (issue 10; the rules are
// lib/time/row-rules.ts): a statement said in a session before the session began is a warning the
// editor confirms ("Save anyway", issue 12) — nothing is saved until then; a talk's zone cannot
// change so that recorded times fall on other days, and the form names them. What was typed stays.
// And the statement form's defaults: a session's day, issues and sources, an envoy's capacity.
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, type Account } from "./support/accounts";
import { expectNoAxeViolations, formReady, loadTalk, ownServer } from "./support/editing";

const server = ownServer("edit-record-rules");
const TALK = "test-rules-geneva";
let editor: Account;

test.beforeAll(async () => {
  editor = await createAccountWithCli(server().databaseUrl, "editor");
  // A night plenary, Tuesday 3 March 2026 23:00 to 00:30 CET, and a statement in it at 00:15.
  await loadTalk(server(), {
    talk: { slug: TALK, title: "Test round, Geneva, rules", venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: "2026-03-02", lastDay: "2026-03-06", status: "ongoing", summary: "" },
    parties: [{ slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia", isoCode: "XAU" }],
    envoys: [
      { slug: "ana-ruiz", name: "Ana Ruiz", title: "Chief negotiator", party: "aurelia", role: "head" },
      { slug: "ivo-marr", name: "Ivo Marr", title: "Legal adviser", party: "aurelia", role: "member" },
    ],
    issues: [
      { slug: "test-water-rights", name: "Water rights (test)" },
      { slug: "test-border", name: "Border demarcation (test)" },
    ],
    sources: [{ key: "test-wire-night", publisher: "Test Wire", title: "Night plenary in Geneva", publishedOn: "2026-03-04" }],
    sessions: [
      {
        ref: "night", localDay: "2026-03-03", startsAt: "2026-03-03T22:00:00Z", endsAt: "2026-03-03T23:30:00Z", kind: "plenary", title: "Night plenary", summary: "", outcome: "unknown",
        issues: ["test-border"], sources: ["test-wire-night"],
      },
    ],
    statements: [
      { ref: "late", session: "night", party: "aurelia", capacity: "government", saidOn: "2026-03-04", saidAt: "2026-03-03T23:15:00Z", saidPrecision: "minute", setting: "session", kind: "position", text: "Aurelia will not sign tonight." },
    ],
  });
});

test("a statement said in the night plenary at 22:00, before it began, is a warning: nothing is saved until the editor saves anyway", async ({ browser }) => {
  const page = await (await newVisitor(browser, server().baseURL)).newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await signIn(page, editor, `/talks/${TALK}/statements/new?day=2026-03-03`);
  await formReady(page);
  await page.getByLabel("Who said it").selectOption({ label: "Aurelia (the party as a whole)" });
  await page.getByLabel("Text", { exact: true }).fill("Aurelia opened the night plenary.");
  await page.getByLabel("When it was said is known to").selectOption({ label: "Time to the minute" });
  await page.getByLabel("Time at the venue").fill("22:00");
  await page.getByLabel("Session (optional)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add statement" }).click();

  const warning = page.getByRole("main").getByRole("alert");
  await expect(warning).toContainText("Check before saving.");
  await expect(warning).toContainText("It was said at 22:00 on Tuesday 3 March 2026, before its session, “Night plenary”, began (23:00 on Tuesday 3 March 2026)");
  await expect(warning).toContainText("Nothing was saved yet.");
  const time = page.getByLabel("Time at the venue");
  await expect(time).toHaveAccessibleDescription(/before its session, “Night plenary”, began \(23:00 on Tuesday 3 March 2026\): correct the time, choose another session, or save anyway if the report says so\./);
  await expect(time).toHaveValue("22:00");
  await expectNoAxeViolations(page);
  mkdirSync("/tmp/clicks-shots", { recursive: true });
  await page.locator("main form").screenshot({ path: "/tmp/clicks-shots/statement-form-warning.png" });

  // Not saved: the night plenary's day still has only its one statement.
  const check = await (await newVisitor(browser, server().baseURL)).newPage();
  await check.goto(`/talks/${TALK}/days/2026-03-03`);
  await expect(check.getByText("Aurelia opened the night plenary.")).toHaveCount(0);

  await page.getByRole("button", { name: "Save anyway" }).click();
  await page.waitForURL(/\/days\/2026-03-03#statement-/);
  await expect(page.getByRole("article").filter({ hasText: "Aurelia opened the night plenary." })).toBeVisible();
});

test("a statement added in a session starts with its day, issues and sources; the capacity follows the envoy's role until set by hand; the breadcrumb follows the day", async ({ browser }) => {
  const page = await (await newVisitor(browser, server().baseURL)).newPage();
  await signIn(page, editor, `/talks/${TALK}/days/2026-03-03`);
  const session = page.locator("li.session").filter({ hasText: "Night plenary" });
  await session.getByRole("link", { name: "Add statement in the session “Night plenary”" }).click();
  const form = session.locator("form");
  await expect(form.getByLabel("Who said it")).toBeFocused();
  await expect(form.getByLabel("Day said")).toHaveValue("2026-03-03");
  await expect(form.getByRole("checkbox", { name: "Border demarcation (test)" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "Water rights (test)" })).not.toBeChecked();
  await expect(form.getByRole("checkbox", { name: /Night plenary in Geneva/ })).toBeChecked();
  await form.getByLabel("Who said it").selectOption({ label: "Ana Ruiz, Chief negotiator" });
  await expect(form.getByLabel("Capacity")).toHaveValue("head_of_delegation");
  await form.getByLabel("Who said it").selectOption({ label: "Ivo Marr, Legal adviser" });
  await expect(form.getByLabel("Capacity")).toHaveValue("delegation_member");
  await form.getByLabel("Who said it").selectOption({ label: "Aurelia (the party as a whole)" });
  await expect(form.getByLabel("Capacity")).toHaveValue("government");
  // Set by hand, it stays.
  await form.getByLabel("Capacity").selectOption({ label: "Spokesperson" });
  await form.getByLabel("Who said it").selectOption({ label: "Ana Ruiz, Chief negotiator" });
  await expect(form.getByLabel("Capacity")).toHaveValue("spokesperson");

  // Ctrl+Enter from the text box saves; a fresh form takes the focus, keeping the day, issues and sources.
  await form.getByLabel("Text", { exact: true }).fill("Aurelia’s chief negotiator asked for a recess.");
  await form.getByLabel("Text", { exact: true }).press("ControlOrMeta+Enter");
  await expect(page.getByRole("status").filter({ hasText: "Statement added to" })).toBeVisible();
  await expect(form.getByLabel("Who said it")).toBeFocused();
  await expect(form.getByLabel("Who said it")).toHaveValue("");
  await expect(form.getByLabel("Text", { exact: true })).toHaveValue("");
  await expect(form.getByLabel("Day said")).toHaveValue("2026-03-03");
  await expect(form.getByRole("checkbox", { name: "Border demarcation (test)" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: /Night plenary in Geneva/ })).toBeChecked();
  await expect(page.getByRole("article").filter({ hasText: "Aurelia’s chief negotiator asked for a recess." })).toContainText("spokesperson");

  // On the form's own page, picking another day moves the breadcrumb and Cancel with it.
  await page.goto(`/talks/${TALK}/statements/new?day=2026-03-03`);
  await formReady(page);
  const crumb = page.locator(".breadcrumb");
  await expect(crumb.getByRole("link", { name: "Day 2 · Tue 3 Mar" })).toHaveAttribute("href", `/talks/${TALK}/days/2026-03-03`);
  await page.getByLabel("Day said").fill("2026-03-05");
  await expect(crumb.getByRole("link", { name: "Day 4 · Thu 5 Mar" })).toHaveAttribute("href", `/talks/${TALK}/days/2026-03-05`);
  await expect(page.getByRole("link", { name: "Cancel" })).toHaveAttribute("href", `/talks/${TALK}/days/2026-03-05`);
});

test("moving the talk to Tokyo's clocks is refused: the form names the times that would fall on other days", async ({ browser }) => {
  const page = await (await newVisitor(browser, server().baseURL)).newPage();
  await signIn(page, editor, `/talks/${TALK}/edit`);
  await formReady(page);
  const zone = page.getByLabel("Venue time zone");
  await zone.fill("Asia/Tokyo");
  await page.getByRole("button", { name: "Save changes" }).click();
  // The night plenary, and the statement the first test saved anyway at 22:00 (06:00 in Tokyo).
  await expect(zone).toHaveAccessibleDescription(
    /On Asia\/Tokyo’s clocks, recorded times would fall on other days than their own: “Night plenary” would start at 07:00 on Wednesday 4 March \(it is filed under Tuesday 3 March\); Aurelia’s statement would be at 06:00 on Wednesday 4 March \(it is filed under Tuesday 3 March\)\. Correct or remove those times first, or keep the zone\./,
  );
  await expect(zone).toHaveValue("Asia/Tokyo");
  await expect(page).toHaveURL(new RegExp(`/talks/${TALK}/edit$`));
});
