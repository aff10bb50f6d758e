import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const TALK = "Japan–DPRK normalization talks, Beijing, February 2006";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("analyst opens Song Il Ho's page, finds his “huge difference” among the words the report does not date, and follows it to the timeline", async ({
  page,
}) => {
  await page.goto("/envoys/song-il-ho");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Song Il Ho");
  await expect(page.getByRole("link", { name: "Democratic People's Republic of Korea" })).toHaveAttribute("href", "/parties/dprk");

  const roles = page.getByRole("region", { name: "Talks", exact: true });
  await expect(roles.getByRole("listitem").filter({ hasText: TALK })).toContainText("Head of delegation");

  const talk = page.getByRole("region", { name: TALK });
  const byDay = talk.getByRole("list", { name: `Statements in ${TALK}, by day` }).getByRole("listitem");
  // The report dates his first statement to Tuesday (day 4), not the "huge difference".
  const day4 = byDay.filter({ has: page.getByRole("heading", { level: 4, name: "Day 4 · Tuesday 7 February 2006" }) });
  await expect(day4.getByRole("article", { name: "Song Il Ho: Assessment" })).toContainText("significant progress");
  const undated = byDay.filter({ has: page.getByRole("heading", { level: 4, name: "Day not reported" }) });
  const huge = undated.getByRole("article", { name: "Song Il Ho: Assessment" }).filter({ hasText: "huge difference" });
  await expect(huge).toHaveCount(1);
  await expect(huge.locator("q")).toHaveText("huge difference");
  await expect(huge).toContainText("North Korea, Japan Still far Apart on Issue of Abducted Japanese");

  await huge.getByRole("link", { name: /^Open in timeline/ }).click();
  await expect(page).toHaveURL(/\/talks\/japan-dprk-beijing-2006\/days\/unknown#statement-[\w-]+$/);
  const id = new URL(page.url()).hash;
  const target = page.locator(id);
  await expect(target).toContainText("huge difference");
  await expect(target).toBeInViewport();
});

test("analyst sees the statements the sources do not date at the end of Song Il Ho's talk, marked day not reported", async ({ page }) => {
  // The report dates none of Kunio Umeda's statements.
  await page.goto("/envoys/kunio-umeda");
  const days = page.getByRole("list", { name: `Statements in ${TALK}, by day` });
  const last = days.locator(":scope > li").last();
  await expect(last.getByRole("heading", { level: 4 })).toHaveText("Day not reported");
  await expect(last.locator("q", { hasText: "very regrettable" })).toBeVisible();
});

test("analyst opens the Japan party page and finds Kunio Umeda, the Beijing talks and Japan's statements there", async ({ page }) => {
  await page.goto("/parties/japan");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Japan");
  await expect(page.getByText("JPN", { exact: true })).toBeVisible();

  const envoys = page.getByRole("region", { name: "Envoys", exact: true });
  await expect(envoys.getByRole("link", { name: "Kunio Umeda" })).toHaveAttribute("href", "/envoys/kunio-umeda");
  // "Japanese envoy Kunio Umeda": the report does not say he leads Japan's delegation.
  await expect(envoys).toContainText("Delegation member");

  const talks = page.getByRole("region", { name: "Talks", exact: true });
  await expect(talks.getByRole("link", { name: TALK })).toHaveAttribute("href", "/talks/japan-dprk-beijing-2006");
  await expect(talks).toContainText("Ongoing");

  // Japan as a whole and through its envoy, each linking to its place on the timeline.
  const statements = page.getByRole("region", { name: TALK });
  await expect(statements.getByRole("article", { name: "Japan: Demand" }).filter({ hasText: "full information" })).toHaveCount(1);
  await expect(statements.getByRole("article", { name: "Kunio Umeda: Assessment" }).filter({ hasText: "very regrettable" })).toHaveCount(1);
  await expect(statements.getByRole("article", { name: /DPRK|Song Il Ho/ })).toHaveCount(0);
  for (const link of await statements.getByRole("link", { name: /^Open in timeline/ }).all()) {
    await expect(link).toHaveAttribute("href", /^\/talks\/japan-dprk-beijing-2006\/days\/(\d{4}-\d{2}-\d{2}|unknown)#statement-/);
  }
});

test("analyst opens the abductions issue and sees each side's position and the deadlock on Tuesday 7 February 2006", async ({ page }) => {
  await page.goto("/issues/abductions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Abductions of Japanese nationals");

  const talk = page.getByRole("region", { name: TALK });
  const grid = talk.getByRole("list", { name: `Positions on Abductions of Japanese nationals in ${TALK}, by day` });
  const undated = grid.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 5, name: "Day not reported" }) });
  await expect(undated.getByRole("article", { name: "Japan: Demand" }).filter({ hasText: "full information" })).toBeVisible();
  await expect(undated.getByRole("article", { name: "Japan: Position" })).toContainText("must be resolved before");
  await expect(undated.getByRole("article", { name: "DPRK: Position" })).toContainText("The abduction case is closed");
  // Comments on how the talks are going are not positions: shown only when asked for.
  await expect(talk.locator("q", { hasText: "huge difference" })).toHaveCount(0);

  const strip = talk.getByRole("list", { name: `Gap on Abductions of Japanese nationals in ${TALK}, by day` });
  // Days 1–3 hold nothing on the abductions: one entry for the three, then the assessed day 4.
  await expect(strip.getByRole("listitem")).toHaveCount(2);
  await expect(strip.getByRole("listitem").nth(0)).toHaveText(/^Days 1–3\s*Sat 4 Feb – Mon 6 Feb\s*Nothing recorded on this issue$/);
  const run = strip.getByRole("listitem").nth(0).locator("time");
  await expect(run.nth(0)).toHaveAttribute("datetime", "2006-02-04");
  await expect(run.nth(1)).toHaveAttribute("datetime", "2006-02-06");
  await expect(strip.getByRole("listitem").nth(1)).toContainText("Day 4");
  await expect(strip.getByRole("listitem").nth(1).getByRole("link", { name: "Deadlocked" })).toBeVisible();

  const assessment = talk.getByRole("article", { name: "Gap on Tuesday 7 February 2006" });
  await expect(assessment).toContainText("Deadlocked");
  await expect(assessment).toContainText("Assessed by Parley editors (from the day-4 news report)");

  await expect(talk.getByRole("listitem").filter({ hasText: "No diplomatic relations before the abduction issue is resolved." })).toContainText(
    "Holds back Normalization of relations until Abductions of Japanese nationals is settled",
  );

  await page.getByRole("navigation", { name: "Statements shown" }).getByRole("link", { name: "All statements on this issue" }).click();
  await expect(page).toHaveURL(/\/issues\/abductions\?show=all$/);
  // Day 4 now has its own row: the DPRK's assessment beside nothing recorded for Japan, under the day's gap.
  const day4 = page
    .getByRole("list", { name: `Statements on Abductions of Japanese nationals in ${TALK}, by day` })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { level: 5, name: "Day 4 · Tuesday 7 February 2006" }) });
  await expect(day4.getByRole("article", { name: "Song Il Ho: Assessment" })).toHaveCount(1);
  await expect(day4).toContainText("Gap assessed Deadlocked");
  await expect(day4.getByRole("article", { name: /^(Japan|Kunio Umeda):/ })).toHaveCount(0);
});

for (const [path, heading] of [
  ["/envoys/no-such-envoy", "Envoy not found"],
  ["/parties/no-such-party", "Party not found"],
  ["/issues/no-such-issue", "Issue not found"],
] as const) {
  test(`a visitor who follows a bad address (${path}) is told it does not exist`, async ({ page }) => {
    // Status 404 and the not-found page, with a noindex marker (see e2e/talk-page.spec.ts).
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole("link", { name: "See all talks" })).toHaveAttribute("href", "/");
  });
}

for (const path of ["/envoys/song-il-ho", "/parties/japan", "/issues/abductions", "/issues/abductions?show=all"]) {
  test(`${path} has no WCAG 2.2 AA violations that axe can find`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  });
}
