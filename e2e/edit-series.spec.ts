// Rounds in a series (docs/decisions/025-series.md): two rounds of one series loaded as talk
// documents; a reader finds the series from the talks index, reads its rounds in order and, per
// issue, the gap each round ended on and each party's latest position, side by side (axe-clean);
// the talk header says which round it is; the issue page groups its talks by series; and the
// talk form refuses a round number that is taken or not a whole number, on the round's field.
import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createAccountWithCli, newVisitor, signIn, uniqueId, type Account } from "./support/accounts";
import { BEIJING, expectNoAxeViolations, formReady, loadTalk, ownServer } from "./support/editing";

// A database of this file's own: it adds talks that other files would count.
const server = ownServer("edit-series");
const SHOTS = process.env.E2E_SHOTS;

const SERIES = { slug: "water-talks", name: "Aurelia–Borealis water talks", description: "Talks on the shared river, held once a year." };
const PARTIES = [
  { slug: "aurelia", name: "Republic of Aurelia", shortName: "Aurelia" },
  { slug: "borealis", name: "Kingdom of Borealis", shortName: "Borealis" },
];
const ISSUES = [
  { slug: "water-rights", name: "Water rights" },
  { slug: "fisheries", name: "Fisheries" },
];
const statement = (ref: string, party: string, saidOn: string | null, kind: string, text: string, issues = ["water-rights"]) => ({
  ref,
  party,
  saidOn,
  saidPrecision: saidOn ? "day" : "unknown",
  kind,
  text,
  issues,
});
const ROUND_1 = {
  talk: { slug: "water-talks-2025", title: "Water talks, first round", venueCity: "Geneva", venueTimeZone: "Europe/Zurich", firstDay: "2025-03-03", lastDay: "2025-03-07", status: "concluded", round: 1 },
  series: SERIES,
  parties: PARTIES,
  issues: ISSUES,
  statements: [
    statement("s1", "aurelia", "2025-03-03", "position", "Aurelia holds the upstream rights."),
    statement("s2", "aurelia", "2025-03-05", "demand", "Aurelia demands a fixed quota of the summer flow."),
    statement("s3", "borealis", "2025-03-04", "denial", "Borealis denies that any upstream right exists."),
    statement("s4", "borealis", "2025-03-06", "position", "Borealis will share the fishing grounds.", ["fisheries"]),
  ],
  assessments: [
    { issue: "water-rights", localDay: "2025-03-04", gap: "widening", author: "Ann Editor" },
    { issue: "water-rights", localDay: "2025-03-07", gap: "deadlocked", author: "Ann Editor" },
  ],
};
const ROUND_2 = {
  talk: { slug: "water-talks-2026", title: "Water talks, second round", venueCity: "Vienna", venueTimeZone: "Europe/Vienna", firstDay: "2026-03-02", lastDay: "2026-03-06", status: "concluded", round: 2 },
  series: SERIES,
  parties: PARTIES,
  issues: [ISSUES[0]],
  statements: [statement("s1", "aurelia", "2026-03-04", "position", "Aurelia would accept a sliding quota.")],
  assessments: [{ issue: "water-rights", localDay: "2026-03-05", gap: "narrowing", note: "Quotas discussed in earnest.", author: "Ann Editor" }],
};

let editor: Account;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  editor = await createAccountWithCli(server().databaseUrl, "editor");
  // Round 2 first: the page orders rounds by when they were held.
  await loadTalk(server(), ROUND_2);
  await loadTalk(server(), ROUND_1);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

test("a reader reads a series with two rounds: rounds in order, each round's final gap and positions side by side", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();

  // The talks index names each talk's round and links to its series.
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Water talks, first round" }) });
  await expect(card).toContainText("Round 1 of Aurelia–Borealis water talks");
  await card.getByRole("link", { name: "Aurelia–Borealis water talks" }).click();
  await expect(page).toHaveURL(/\/series\/water-talks$/);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aurelia–Borealis water talks");
  await expect(page.locator(".profile-header")).toContainText("2 rounds recorded, 3 March 2025 – 6 March 2026.");
  const rounds = page.getByRole("table", { name: "The rounds of the series, in the order they were held" });
  await expect(rounds.locator("tbody tr")).toHaveText([/^1\s*Water talks, first round\s*3–7 March 2025\s*Geneva\s*Concluded$/, /^2\s*Water talks, second round\s*2–6 March 2026\s*Vienna\s*Concluded$/]);

  const water = page.getByRole("table", { name: /^Water rights: the gap at the end of each round/ });
  await expect(water.locator("thead th")).toHaveText([/^Round 1\s*3–7 March 2025$/, /^Round 2\s*2–6 March 2026$/]);
  await expect(water.getByRole("row", { name: /^Gap at the end/ }).locator("td")).toHaveText([/^Deadlocked\s*as assessed on day 5, Fri 7 Mar$/, /^Narrowing\s*as assessed on day 4, Thu 5 Mar$/]);
  const aurelia = water.getByRole("row", { name: /^Aurelia/ }).locator("td");
  await expect(aurelia).toHaveText([/^Aurelia demands a fixed quota of the summer flow\.\s*Demand · Aurelia · day 3, Wed 5 Mar$/, /^Aurelia would accept a sliding quota\.\s*Position · Aurelia · day 3, Wed 4 Mar$/]);
  await expect(water.getByRole("row", { name: /^Borealis/ }).locator("td")).toHaveText([/^Borealis denies that any upstream right exists\./, "No statement on this issue"]);
  const fisheries = page.getByRole("table", { name: /^Fisheries: the gap at the end of each round/ });
  await expect(fisheries.getByRole("row", { name: /^Gap at the end/ }).locator("td")).toHaveText(["No assessment", "Not on this round’s agenda"]);
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/series-page.png`, fullPage: true });

  // A position links to the statement on its day.
  await aurelia.nth(1).getByRole("link", { name: "day 3, Wed 4 Mar" }).click();
  await expect(page).toHaveURL(/\/talks\/water-talks-2026\/days\/2026-03-04#statement-/);

  // The talk's header says which round it is.
  await page.goto("/talks/water-talks-2026");
  await expect(page.locator(".talk-header .meta")).toContainText("Round 2 of Aurelia–Borealis water talks");
  if (SHOTS) await page.locator(".talk-header").screenshot({ path: `${SHOTS}/talk-header-round.png` });
  await page.goto(`/talks/${BEIJING}`);
  await expect(page.locator(".talk-header .meta")).toContainText("A round of Japan–DPRK normalization talks");

  // The index of series counts the rounds.
  await page.goto("/series");
  await expect(page.getByRole("listitem").filter({ hasText: "Aurelia–Borealis water talks" })).toContainText("2 rounds3 March 2025 – 6 March 2026");
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/series-index.png`, fullPage: true });

  // The issue page groups its talks by series, rounds in order.
  await page.goto("/issues/water-rights");
  const group = page.getByRole("region", { name: "Series Aurelia–Borealis water talks" });
  await expect(group.getByRole("heading", { level: 2 })).toHaveText("Series Aurelia–Borealis water talks");
  // A round's title nests under its series' heading.
  await expect(group.getByRole("heading", { level: 3 })).toHaveText(["Water talks, first round", "Water talks, second round"]);
  await expectNoAxeViolations(page);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/issue-by-series.png` });
  await context.close();
});

test("the talk form refuses a round number taken in the series or not a whole number, on the round's field", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await newVisitor(browser, server().baseURL);
  const page = await context.newPage();
  await signIn(page, editor, "/talks/water-talks-2025/edit");
  await formReady(page);
  const series = page.getByLabel("Series (optional)");
  const round = page.getByLabel("Round (optional)");
  await expect(series).toHaveValue("water-talks");
  await expect(round).toHaveValue("1");

  await round.fill("2");
  await page.getByRole("button", { name: "Save changes" }).click();
  // The message stands at the field, which says it is at fault.
  const roundError = page.locator("#talk-round-error");
  await expect(roundError).toHaveText("Round 2 of this series is already “Water talks, second round”; give this talk another number, or leave the round empty.");
  await expect(page.getByLabel("Round (optional)")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await page.getByLabel("Round (optional)").fill("2.5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(roundError).toHaveText("Enter the round’s number as a whole number from 1 to 9,999, or leave it empty.");

  // Nothing was saved: the series page still has rounds 1 and 2.
  await page.goto("/series/water-talks");
  await expect(page.getByRole("table", { name: "The rounds of the series, in the order they were held" }).locator("tbody tr td:first-child")).toHaveText(["1", "2"]);

  // An editor adds a series and moves the round into it; its history records the change.
  const slug = `river-talks-${uniqueId()}`;
  await page.goto("/series/new");
  await formReady(page);
  await page.getByLabel("Name", { exact: true }).fill("River commission talks");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Add series" }).click();
  await expect(page).toHaveURL(new RegExp(`/series/${slug}$`));
  await expect(page.getByText("No talk is recorded as a round of this series yet.")).toBeVisible();
  await page.getByRole("link", { name: "History of changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/series/${slug}/history$`));
  await expect(page.locator("main")).toContainText("River commission talks");
  await expectNoAxeViolations(page);
  await page.goto("/talks/water-talks-2025/edit");
  await formReady(page);
  await page.getByLabel("Series (optional)").selectOption({ label: "River commission talks" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/talks\/water-talks-2025$/);
  await expect(page.locator(".talk-header .meta")).toContainText("Round 1 of River commission talks");
  await page.goto("/talks/water-talks-2025/history");
  await expect(page.locator("main")).toContainText("River commission talks");
  await context.close();
});
