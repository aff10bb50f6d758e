// npm run brief -- <talk-slug> <out.pdf> [--letter] [--url http://127.0.0.1:3000]
// Prints a talk's brief to a PDF with Chromium, from a running Parley (the page itself, so the
// file is what the browser prints). A4 unless --letter.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { BriefPdfError, CHROMIUM, printBrief } from "./brief-pdf";

const USAGE = "Usage: npm run brief -- <talk-slug> <out.pdf> [--letter] [--url http://127.0.0.1:3000]";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { letter: { type: "boolean", default: false }, url: { type: "string", default: "http://127.0.0.1:3000" }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [slug, out, ...extra] = positionals;
  if (!slug || !out || extra.length > 0) {
    console.error(USAGE);
    return 2;
  }
  let base: URL;
  try {
    base = new URL(values.url);
  } catch {
    console.error(`--url ${values.url} is not an address (for example http://127.0.0.1:3000).`);
    return 2;
  }

  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    const pdf = await printBrief(page, base.href, slug, values.letter ? "Letter" : "A4");
    await writeFile(out, pdf);
    console.log(`Wrote the brief of ${slug} to ${out} (${values.letter ? "Letter" : "A4"}, ${Math.round(pdf.length / 1024)} KB).`);
    return 0;
  } catch (error) {
    if (error instanceof BriefPdfError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await browser.close();
  }
}

process.exitCode = await main();
