// The brief of a talk as a PDF, printed by Chromium from the real page (/talks/<slug>/brief) of a
// running Parley: the same page an analyst prints from the browser, on A4 or Letter. Used by
// `npm run brief` (scripts/brief.ts) and by its end-to-end test (e2e/brief.spec.ts).
import type { Page } from "@playwright/test";

export type BriefPaper = "A4" | "Letter";

/** Chromium as the machines here have it: Debian's, not a downloaded one. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-quic"],
};

export class BriefPdfError extends Error {}

/** The moments the brief page takes (`?asOf=`, `?since=`): the venue's date and time, or a full instant. */
export type BriefMoments = { asOf?: string; since?: string };

/** Opens the brief at `base` (Parley's address) in `page` and prints it. Throws BriefPdfError with a sentence when it cannot. */
export async function printBrief(page: Page, base: string, slug: string, paper: BriefPaper, moments: BriefMoments = {}): Promise<Buffer> {
  const query = new URLSearchParams({ ...(moments.asOf ? { asOf: moments.asOf } : {}), ...(moments.since ? { since: moments.since } : {}) }).toString();
  const url = new URL(`/talks/${encodeURIComponent(slug)}/brief${query ? `?${query}` : ""}`, base).href;
  let response;
  try {
    response = await page.goto(url, { waitUntil: "load" });
  } catch (error) {
    throw new BriefPdfError(`Nothing answered at ${base} (${error instanceof Error ? error.message.split("\n")[0] : String(error)}). Start Parley (npm run start, or npm run dev) or pass its address with --url.`);
  }
  if (!response) throw new BriefPdfError(`No answer from ${url}.`);
  if (new URL(page.url()).pathname === "/login") throw new BriefPdfError(`${base} asks readers to sign in (PARLEY_PUBLIC_READ=false); the brief script reads only a Parley whose talks are public.`);
  if (response.status() === 404) throw new BriefPdfError(`There is no talk "${slug}" at ${base}.`);
  if (!response.ok()) throw new BriefPdfError(`${url} answered ${response.status()} ${response.statusText()}.`);
  // A moment the page cannot read is said on the page, in place of the brief.
  const notice = page.getByRole("alert", { name: "Moment not understood" });
  if ((await notice.count()) > 0) throw new BriefPdfError(((await notice.locator("p").first().textContent()) ?? "The moment given is not one Parley can read.").trim());
  if ((await page.locator("article.brief").count()) === 0) throw new BriefPdfError(`${url} is not a Parley brief.`);
  return page.pdf({ format: paper, printBackground: true });
}
