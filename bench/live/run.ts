// `npm run bench:live`: how long a saved statement takes to appear on a reader's open talk page
// (live updates: the server polls the Revision table and streams the change; the page fetches it).
// Starts the production build (as the other benches do) on a fresh database with the Beijing talk,
// opens the talk page in Chromium, saves statements on day 4 through the write core from this
// process (another connection, as a save on another app instance would be), and prints the time
// from each save's commit to the page showing it. See bench/README.md ("npm run bench:live").
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright";
import { createDb, type Db } from "../../lib/db";
import { createRow } from "../../lib/mutations/core";
import { statementStore } from "../../lib/entities/statement";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { describeMachine, guardCleanup, loadAverage, runMain, UsageError } from "../common/run-support";
import { prepareDatabase, removeDatabase } from "../timeline/database";
import { launchBrowser } from "../timeline/measure-browser";
import { format, summarize } from "../timeline/report";
import { ensureBuild, freePort, killStarted, snapshotBuild, startServer, type RunningServer } from "../timeline/server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORK = path.join(ROOT, "bench/results/live");
const SLUG = "japan-dprk-beijing-2006";
const USAGE = `Usage: npm run bench:live -- [--rounds N] [--build]
  --rounds N  statements saved and timed (default 15)
  --build     run next build first even if a build exists`;

async function main() {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "15" }, build: { type: "boolean", default: false } } });
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) throw new UsageError(`--rounds must be a positive whole number, not ${values.rounds}.`);
  const log = (line: string) => console.log(line);

  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let db: Db | undefined;
  const file = path.join(WORK, "live.db");
  const { cleanup } = guardCleanup(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    killStarted();
    await db?.$disconnect().catch(() => undefined);
    removeDatabase(file);
  });
  try {
    mkdirSync(WORK, { recursive: true });
    const build = await ensureBuild(ROOT, values.build, log);
    if (build.newerSources.length) log(`Note: ${build.newerSources.length} source files are newer than the build (${build.newerSources.slice(0, 3).join(", ")}…).`);
    const dir = path.join(WORK, "app");
    await snapshotBuild(ROOT, dir, log);
    const seed = TalkDocumentSchema.parse(JSON.parse(readFileSync(path.join(ROOT, "prisma/seed", `${SLUG}.json`), "utf8")));
    const { url, config } = await prepareDatabase(file, [seed]);
    const port = await freePort();
    server = await startServer({ root: ROOT, dir, port, databaseUrl: url, logFile: path.join(WORK, "server.log") });
    db = await createDb(config);

    // Each save copies one of Song Il Ho's statements on day 4 with new words.
    const template = await db.statement.findFirstOrThrow({ where: { talk: { slug: SLUG }, saidOn: "2006-02-07", envoy: { slug: "song-il-ho" } }, select: { id: true } });
    const base = (await statementStore.read(db, template.id))!.snapshot;

    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${server.origin}/talks/${SLUG}`);
    await page.locator(".live-status").filter({ hasText: /^Live$/ }).waitFor({ timeout: 30_000 });

    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const text = `Bench statement ${i + 1} of ${rounds} (${Date.now().toString(36)}).`;
      // Noted by the page itself, the moment the statement is in the document (no polling of ours).
      await page.evaluate((wanted) => {
        const w = window as unknown as { arrivedAt?: number };
        w.arrivedAt = undefined;
        const observer = new MutationObserver(() => {
          if ([...document.querySelectorAll("article")].some((a) => a.textContent?.includes(wanted))) {
            w.arrivedAt ??= Date.now();
            observer.disconnect();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }, text);
      await createRow(db, statementStore, { snapshot: { ...base, text, quotedWords: null, sequence: 1_000 + i }, actor: { id: null, name: "bench" } });
      const committed = Date.now();
      await page.waitForFunction(() => (window as unknown as { arrivedAt?: number }).arrivedAt !== undefined, undefined, { timeout: 30_000 });
      const arrived = (await page.evaluate(() => (window as unknown as { arrivedAt: number }).arrivedAt));
      samples.push(arrived - committed);
      log(`  save ${i + 1}: visible ${arrived - committed} ms after its commit`);
      // Saves a little apart, at a different point of the server's poll each time.
      await new Promise((r) => setTimeout(r, 300 + Math.round(Math.random() * 500)));
    }

    const s = summarize(samples)!;
    const machine = describeMachine();
    console.log(`\nLive update, save committed → visible on an open talk page (${rounds} saves; ${machine.cores} cores, load ${loadAverage().join(" ")}):`);
    console.log(`  median ${format(s.median, "ms")} ms   min ${format(s.min, "ms")} ms   max ${format(s.max, "ms")} ms`);
  } finally {
    await cleanup();
    rmSync(path.join(WORK, "app"), { recursive: true, force: true });
  }
}

runMain(main, USAGE);
