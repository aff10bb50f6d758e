// The record cannot contradict itself, through the forms an editor uses (issue 10; the rules are
// lib/time/row-rules.ts): a statement said in a session before the session began is refused next
// to its time; a talk's zone cannot change so that recorded times fall on other days, and the form
// names them. Nothing is saved, and what was typed stays.
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
    sessions: [{ ref: "night", localDay: "2026-03-03", startsAt: "2026-03-03T22:00:00Z", endsAt: "2026-03-03T23:30:00Z", kind: "plenary", title: "Night plenary", summary: "", outcome: "unknown" }],
    statements: [
      { ref: "late", session: "night", party: "aurelia", capacity: "government", saidOn: "2026-03-04", saidAt: "2026-03-03T23:15:00Z", saidPrecision: "minute", setting: "session", kind: "position", text: "Aurelia will not sign tonight." },
    ],
  });
});

test("a statement said in the night plenary at 22:00, before it began, is refused next to its time", async ({ browser }) => {
  const page = await (await newVisitor(browser, server().baseURL)).newPage();
  await signIn(page, editor, `/talks/${TALK}/statements/new?day=2026-03-03`);
  await formReady(page);
  await page.getByLabel("Who said it").selectOption({ label: "Aurelia (the party as a whole)" });
  await page.getByLabel("Text", { exact: true }).fill("Aurelia opened the night plenary.");
  await page.getByLabel("When it was said is known to").selectOption({ label: "Time to the minute" });
  await page.getByLabel("Time at the venue").fill("22:00");
  await page.getByLabel("Session (optional)").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Add statement" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toContainText("Time at the venue: It was said at 22:00");
  const time = page.getByLabel("Time at the venue");
  await expect(time).toHaveAccessibleDescription(
    /It was said at 22:00 on Tuesday 3 March 2026, before its session, “Night plenary”, began \(23:00 on Tuesday 3 March 2026\): correct the time, or choose another session\./,
  );
  await expect(time).toHaveValue("22:00");
  await expectNoAxeViolations(page);
});

test("moving the talk to Tokyo's clocks is refused: the form names the times that would fall on other days", async ({ browser }) => {
  const page = await (await newVisitor(browser, server().baseURL)).newPage();
  await signIn(page, editor, `/talks/${TALK}/edit`);
  await formReady(page);
  const zone = page.getByLabel("Venue time zone");
  await zone.fill("Asia/Tokyo");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(zone).toHaveAccessibleDescription(
    /On Asia\/Tokyo’s clocks, recorded times would fall on other days than their own: “Night plenary” would start at 07:00 on Wednesday 4 March \(it is filed under Tuesday 3 March\)\. Correct or remove those times first, or keep the zone\./,
  );
  await expect(zone).toHaveValue("Asia/Tokyo");
  await expect(page).toHaveURL(new RegExp(`/talks/${TALK}/edit$`));
});
