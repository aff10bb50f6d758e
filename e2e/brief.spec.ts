// The brief of a talk (/talks/<slug>/brief, docs/decisions/019-brief.md): an analyst opens it
// from the talk page, and it prints from Chromium on A4 and Letter in at most two pages that hold
// the envoys' quoted words — read back from the PDF itself — with no site header or footer; and
// `npm run brief` writes the same PDF from the running app. As known on a moment (`?asOf=`) and
// with what changed since one (`?since=`), it says which moment, counts and tags the changes, and
// still prints in two pages; a moment it cannot read is said on the page and by the script.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { printBrief, type BriefPaper } from "../scripts/brief-pdf";
import { run } from "./support/accounts";
import { BEIJING } from "./support/editing";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The PDF's pages, their size in points and their text. */
async function readPdf(pdf: Uint8Array) {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const first = await document.getPage(1);
  const { width, height } = first.getViewport({ scale: 1 });
  const { totalPages, text } = await extractText(document, { mergePages: false });
  // Lines of a paragraph are joined with a line break: read them as one text.
  return { totalPages, size: [Math.round(width), Math.round(height)], pages: text.map((t) => t.replace(/\s+/g, " ")) };
}

test("an analyst opens the brief from the talk page and reads where each side stands", async ({ page }) => {
  await page.goto(`/talks/${BEIJING}`);
  await page.getByRole("link", { name: "Brief (where each side stands)" }).click();
  await expect(page).toHaveURL(`/talks/${BEIJING}/brief`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Japan–DPRK normalization talks, Beijing, February 2006");
  await expect(page.getByText(/^As of .+ GMT\+8 \(Beijing\) · .*\d\d:\d\d UTC$/)).toBeVisible();

  const abductions = page.getByRole("region", { name: "Abductions of Japanese nationals" });
  await expect(abductions.getByText("Gap: deadlocked since day 4")).toBeVisible();
  // The strip in words, for those who cannot see its cells.
  await expect(abductions).toContainText("Gap by day on Abductions of Japanese nationals: Day 1 · Sat 4 Feb: not assessed; Days 2–3 · 5–6 Feb: nothing recorded; Day 4 · Tue 7 Feb: deadlocked.");
  const positions = abductions.getByRole("table", { name: "Latest position of each party on Abductions of Japanese nationals" });
  await expect(positions.getByRole("row", { name: /^Japan / })).toContainText("demands full information on the fate of all of them");
  await expect(positions.getByRole("row", { name: /^DPRK / })).toContainText("The abduction case is closed");
  // The quotation marks are the <q> element's own (CSS), not text.
  await expect(abductions.getByRole("listitem")).toHaveText(["huge difference — Song Il Ho (DPRK), day not reported [1]", "very regrettable — Kunio Umeda (Japan), day not reported [1]"]);
  await expect(abductions.locator("q")).toHaveText(["huge difference", "very regrettable"]);

  const normalization = page.getByRole("region", { name: "Normalization of relations" });
  await expect(normalization.getByText("Gap: not assessed")).toBeVisible();
  await expect(normalization.getByRole("row", { name: /^DPRK / })).toContainText("Nothing on record on this issue.");

  await expect(page.getByRole("table", { name: "Each day’s sessions and their outcome" }).getByRole("row")).toHaveText([
    /^Day 1 · Sat 4 Feb\s*Talks open in Beijing: outcome unknown \[1\]$/,
    /^Days 2–3 · 5–6 Feb\s*Nothing reported\.$/,
    /^Day 4 · Tue 7 Feb\s*No session recorded · 1 statement\.$/,
    /^Day not reported\s*First meeting on the abduction issue; Second meeting on the abduction issue: no progress/,
  ]);
  const unknowns = page.getByRole("region", { name: "What is not known" });
  await expect(unknowns).toContainText("No report (no statement, no session) for days 2–3 (5–6 Feb).");
  await expect(unknowns).toContainText("8 statements whose day is not reported");

  // A reference leads to its source at the end.
  await positions.getByRole("link", { name: "source 1" }).first().click();
  await expect(page).toHaveURL(/#brief-source-1$/);
  await expect(page.getByRole("region", { name: "Sources" }).getByRole("listitem")).toHaveText(/North Korea, Japan Still far Apart on Issue of Abducted Japanese”, 7 February 2006\. No URL recorded\./);
});

test("axe finds no WCAG 2.2 AA violations on the brief", async ({ page }) => {
  await page.goto(`/talks/${BEIJING}/brief`);
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(" ")).join(", ")}`)).toEqual([]);
});

for (const [paper, size] of [
  ["A4", [595, 842]],
  ["Letter", [612, 792]],
] as [BriefPaper, number[]][]) {
  test(`the Beijing brief prints on ${paper} in at most two pages, with the quoted words and without the site's header`, async ({ page, baseURL }, testInfo) => {
    const pdf = await printBrief(page, baseURL!, BEIJING, paper);
    await testInfo.attach(`brief-${paper}.pdf`, { body: pdf, contentType: "application/pdf" });
    const { totalPages, size: pageSize, pages } = await readPdf(pdf);
    // Chromium rounds the paper to whole hundredths of an inch (A4 is 8.27 × 11.7 in).
    expect(Math.abs(pageSize[0]! - size[0]!), `width ${pageSize[0]}`).toBeLessThanOrEqual(2);
    expect(Math.abs(pageSize[1]! - size[1]!), `height ${pageSize[1]}`).toBeLessThanOrEqual(2);
    expect(totalPages).toBeLessThanOrEqual(2);
    const text = pages.join(" ");
    for (const words of ["huge difference", "very regrettable", "Song Il Ho", "Kunio Umeda", "deadlocked since day 4", "The abduction case is closed", "North Korea, Japan Still far Apart on Issue of Abducted Japanese"]) {
      expect(text, words).toContain(words);
    }
    expect(pages[0]).toMatch(/^Page 1 of \d /);
    expect(pages[0]).toMatch(/As of \w+day \d+ \w+ \d{4}, \d\d:\d\d GMT\+8 \(Beijing\)/);
    // Not the site around it: no search box, account menu or footer.
    expect(text).not.toContain("negotiations, day by day");
    expect(text).not.toContain("Read API");
    expect(text).not.toContain("Back to the timeline");
  });
}

test("npm run brief writes the PDF of a talk's brief from the running app, and says so when there is no such talk", async ({ baseURL }) => {
  test.setTimeout(60_000);
  const dir = mkdtempSync(path.join(tmpdir(), "parley-brief-"));
  const out = path.join(dir, "beijing.pdf");
  const said = await run("npm", ["run", "-s", "brief", "--", BEIJING, out, "--letter", "--url", baseURL!], {});
  expect(said).toContain(`Wrote the brief of ${BEIJING} to ${out} (Letter`);
  const { totalPages, size, pages } = await readPdf(new Uint8Array(readFileSync(out)));
  expect(size).toEqual([612, 792]); // Letter
  expect(totalPages).toBeLessThanOrEqual(2);
  expect(pages.join(" ")).toContain("very regrettable");

  await expect(run("npm", ["run", "-s", "brief", "--", "no-such-talk", path.join(dir, "none.pdf"), "--url", baseURL!], {})).rejects.toThrow(`There is no talk "no-such-talk" at ${baseURL}/.`);
});

test("a reader reads the brief as known on a moment: before the talk was recorded, and after it", async ({ page, baseURL }, testInfo) => {
  await page.goto(`/talks/${BEIJING}/brief?asOf=2006-02-06T18:00`);
  await expect(page.getByText("As known on Monday 6 February 2006, 18:00 GMT+8 (Beijing) · 10:00 UTC")).toBeVisible();
  await expect(page.getByText(/^The record as editors had it then, rebuilt from its history/)).toContainText("Parties, issues and sources are named as they are now.");
  await expect(page.getByRole("link", { name: "See the brief now" })).toHaveAttribute("href", `/talks/${BEIJING}/brief`);
  await expect(page.getByRole("link", { name: "Back to the timeline as known then" })).toHaveAttribute("href", `/talks/${BEIJING}?asOf=2006-02-06T18%3A00`);
  // Nothing was recorded then: every position is empty.
  await expect(page.getByRole("region", { name: "Abductions of Japanese nationals" }).getByRole("row")).toHaveText([/^Japan\s*Nothing on record on this issue\.$/, /^DPRK\s*Nothing on record on this issue\.$/]);
  await expect(page).toHaveTitle(/^Brief: Japan–DPRK normalization talks, Beijing, February 2006 \(as known on Monday 6 February 2006, 18:00 GMT\+8 \(Beijing\)\)/);
  const empty = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(empty.violations.map((v) => v.id)).toEqual([]);

  // A moment after the talk was loaded: the record as it stands, under the moment's stamp; two pages in print.
  const moment = new Date(Date.now() - 1000).toISOString();
  await page.goto(`/talks/${BEIJING}/brief?${new URLSearchParams({ asOf: moment })}`);
  await expect(page.getByText(/^As known on \w+day \d+ \w+ \d{4}, \d\d:\d\d GMT\+8 \(Beijing\) · /)).toBeVisible();
  await expect(page.getByRole("region", { name: "Abductions of Japanese nationals" }).locator("q")).toHaveText(["huge difference", "very regrettable"]);
  const full = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(full.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("brief-as-of.png"), fullPage: true });
  const pdf = await printBrief(page, baseURL!, BEIJING, "A4", { asOf: moment });
  await testInfo.attach("brief-as-of-A4.pdf", { body: pdf, contentType: "application/pdf" });
  const { totalPages, pages } = await readPdf(pdf);
  expect(totalPages).toBeLessThanOrEqual(2);
  expect(pages[0]).toMatch(/As known on \w+day \d+ \w+ \d{4}, \d\d:\d\d GMT\+8 \(Beijing\)/);
  expect(pages[0]).toContain("rebuilt from its history");
  expect(pages.join(" ")).toContain("huge difference");
  expect(pages.join(" ")).not.toContain("See the brief now");
});

test("a reader reads the brief with what changed since a moment counted at the top and tagged where it stands, on screen and on paper", async ({ page, baseURL }, testInfo) => {
  // The seed was loaded long after 2006: every row of it is added since.
  await page.goto(`/talks/${BEIJING}/brief?since=2006-02-06T18:00`);
  await expect(page.getByText(/^As of .+ GMT\+8 \(Beijing\) · .*\d\d:\d\d UTC$/)).toBeVisible();
  const changes = page.locator(".brief__changes");
  await expect(changes).toContainText(/^13 changes since Monday 6 February 2006, 18:00 \(Beijing\): /);
  await expect(changes).toContainText("9 statements added; 3 sessions added; 1 gap assessment added. Each is tagged added or corrected where this brief shows it");
  await expect(changes.getByRole("link", { name: "See them on the timeline" })).toHaveAttribute("href", `/talks/${BEIJING}?since=2006-02-06T18%3A00`);
  const abductions = page.getByRole("region", { name: "Abductions of Japanese nationals" });
  await expect(abductions.getByRole("row", { name: /^DPRK / })).toContainText(/The abduction case is closed.* \[1\]\sadded$/);
  await expect(abductions.getByRole("listitem")).toHaveText(["huge difference — Song Il Ho (DPRK), day not reported [1] added", "very regrettable — Kunio Umeda (Japan), day not reported [1] added"]);
  // The gap cell's change, in words beside the strip and for screen readers.
  await expect(abductions).toContainText("Day 4 · Tue 7 Feb: deadlocked (assessment added since)");
  await expect(abductions.getByText("Assessment of day 4 added")).toBeVisible();
  await expect(page.getByRole("table", { name: "Each day’s sessions and their outcome" }).getByRole("row").first()).toContainText("Talks open in Beijing: outcome unknown [1] added");
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(" ")).join(", ")}`)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("brief-since.png"), fullPage: true });

  const pdf = await printBrief(page, baseURL!, BEIJING, "Letter", { since: "2006-02-06T18:00" });
  await testInfo.attach("brief-since-Letter.pdf", { body: pdf, contentType: "application/pdf" });
  const { totalPages, pages } = await readPdf(pdf);
  expect(totalPages).toBeLessThanOrEqual(2);
  const text = pages.join(" ");
  expect(text).toContain("13 changes since Monday 6 February 2006, 18:00 (Beijing)");
  // The tags are words on paper, not a colour.
  expect(text).toMatch(/The abduction case is closed.*\[1\] ADDED/i);
  expect(text).not.toContain("See them on the timeline");
});

test("a moment the brief cannot read is said on the page and by npm run brief; a moment to come is now, said so", async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  const response = await page.goto(`/talks/${BEIJING}/brief?asOf=yesterday`);
  expect(response!.status()).toBe(200);
  await expect(page.getByRole("alert", { name: "Moment not understood" })).toContainText("“yesterday” is not a moment Parley can read.");
  await expect(page.getByRole("link", { name: "See the record now" })).toHaveAttribute("href", `/talks/${BEIJING}/brief`);
  await page.goto(`/talks/${BEIJING}/brief?since=tuesday`);
  await expect(page.getByRole("alert", { name: "Moment not understood" })).toContainText("“tuesday” is not a moment Parley can read.");

  await page.goto(`/talks/${BEIJING}/brief?asOf=2999-01-01T00:00`);
  await expect(page.getByText("The moment asked for is still to come: this is the brief as the record stands now.")).toBeVisible();
  await expect(page.getByText(/^As of /)).toBeVisible();

  const dir = mkdtempSync(path.join(tmpdir(), "parley-brief-"));
  await expect(run("npm", ["run", "-s", "brief", "--", BEIJING, path.join(dir, "bad.pdf"), "--as-of", "yesterday", "--url", baseURL!], {})).rejects.toThrow("“yesterday” is not a moment Parley can read.");
  const out = path.join(dir, "as-of.pdf");
  const said = await run("npm", ["run", "-s", "brief", "--", BEIJING, out, "--as-of", "2006-02-06T18:00", "--url", baseURL!], {});
  expect(said).toContain(`Wrote the brief of ${BEIJING}, as known on 2006-02-06T18:00, to ${out} (A4`);
  const { pages } = await readPdf(new Uint8Array(readFileSync(out)));
  expect(pages[0]).toContain("As known on Monday 6 February 2006, 18:00 GMT+8 (Beijing)");
});
