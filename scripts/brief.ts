// npm run brief -- <talk-slug> <out.pdf> [--letter] [--as-of <moment>] [--since <moment>] [--url http://127.0.0.1:3000]
// Prints a talk's brief to a PDF with Chromium, from a running Parley (the page itself, so the
// file is what the browser prints). A4 unless --letter. --as-of: the brief as known on a moment;
// --since: what changed since one marked (the page's ?asOf= and ?since=, read as it reads them).
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { BriefPdfError, CHROMIUM, printBrief } from "./brief-pdf";

const USAGE =
  "Usage: npm run brief -- <talk-slug> <out.pdf> [--letter] [--as-of 2006-02-06T18:00] [--since 2006-02-06T18:00] [--url http://127.0.0.1:3000]\n" +
  "  --as-of: the brief as known on that moment; --since: what changed since it, marked. The venue's date and time, or a full instant (2006-02-06T10:00:00Z).";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        letter: { type: "boolean", default: false },
        "as-of": { type: "string" },
        since: { type: "string" },
        url: { type: "string", default: "http://127.0.0.1:3000" },
        help: { type: "boolean", short: "h" },
      },
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
    const pdf = await printBrief(page, base.href, slug, values.letter ? "Letter" : "A4", { asOf: values["as-of"], since: values.since });
    await writeFile(out, pdf);
    const moment = values["as-of"] ? `, as known on ${values["as-of"]}` : values.since ? `, changes since ${values.since} marked` : "";
    console.log(`Wrote the brief of ${slug}${moment ? `${moment},` : ""} to ${out} (${values.letter ? "Letter" : "A4"}, ${Math.round(pdf.length / 1024)} KB).`);
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
