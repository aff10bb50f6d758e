// `npm run bench`: how fast the talk page is for a large talk (30 days, 600 sessions, 5,000
// statements), measured against the production build on a fresh SQLite database.
// See bench/README.md for what each number means and how it is taken.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Browser } from "playwright";
import { TalkDocumentSchema, describeIssues, type TalkDocument } from "../../lib/talk-document/schema";
import { prepareDatabase } from "./database";
import { generateTalkDocument, describeMix, LARGE_TALK, type TalkMix } from "./generate";
import { CHROMIUM_PATH, launchBrowser, measureInBrowser, type BrowserSample } from "./measure-browser";
import { compressedSize, fetchPage, type HttpSample } from "./measure-http";
import { summarize, table, verdict, type Row, type Summary } from "./report";
import { describeMachine, guardCleanup, inlineScriptBytes, runMain, UsageError } from "../common/run-support";
import { DIST_DIR, ensureBuild, freePort, killStarted, runNode, snapshotBuild, startServer, tail, type RunningServer } from "./server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OUT = path.join(ROOT, "bench/results/timeline");
const SEED_FILE = path.join(ROOT, "prisma/seed/japan-dprk-beijing-2006.json");

const TARGETS = {
  fcp: { below: 500, text: "< 500 ms" },
  usable: { below: 1000, text: "< 1000 ms" },
  jsCompressed: { below: 100_000, text: "< 100 KB" },
};

const USAGE = `Usage: npm run bench -- [--runs N] [--build] [--no-seed-talk] [--keep]
  --runs N         measured runs per number (default 7), after one warm-up
  --build          run \`next build\` first (default: use the existing build, build only if there is none)
  The build folder is .next, or NEXT_DIST_DIR when set (as next.config.js reads it).
  --no-seed-talk   skip the Beijing seed talk (measured beside the large one for comparison)
  --keep           keep this run's folder (bench/results/timeline/run-…: database, build copy, server log)`;

type TalkResult = {
  slug: string;
  mix: TalkMix;
  navMode: "navigator" | "hash" | "none";
  targetDay: string;
  /** Chromium runs that failed, by their first line; the metrics come from the others. */
  browserErrors: string[];
  statementsInHtml: number;
  htmlEncoding: string;
  scripts: { url: string; rawBytes: number; compressedBytes: number; brotliBytes: number; encoding: string }[];
  /** The last Chromium run's long tasks, to see when the main thread was busy (hydration, layout). */
  longTasks: { startMs: number; durationMs: number }[];
  metrics: Record<string, Summary | null>;
};

function log(line = "") {
  console.log(line);
}

function options() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "7" },
      build: { type: "boolean", default: false },
      "no-seed-talk": { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  if (values.help) {
    log(USAGE);
    process.exit(0);
  }
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new UsageError(`--runs must be a whole number from 1 to 100, not "${values.runs}".`);
  return { runs, build: values.build, seedTalk: !values["no-seed-talk"], keep: values.keep };
}

async function measureHttp(url: string, runs: number): Promise<HttpSample[]> {
  await fetchPage(url); // warm-up: first render loads the page's server chunks and the Prisma client
  const samples: HttpSample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await fetchPage(url));
  return samples;
}

type DataLayerTimes = { page: number[]; all: number[] } | { error: string };

async function measureDataLayer(slug: string, runs: number, databaseUrl: string): Promise<DataLayerTimes> {
  const { code, output } = await runNode(
    ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "bench/timeline/data-layer.ts"), slug, String(runs)],
    ROOT,
    120_000,
    { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
  );
  const last = output.trim().split("\n").at(-1) ?? "";
  try {
    const parsed = JSON.parse(last) as { page?: number[]; all?: number[]; error?: string };
    if (code === 0 && parsed.page && parsed.all) return { page: parsed.page, all: parsed.all };
    return { error: parsed.error ?? `exit ${code}` };
  } catch {
    return { error: `exit ${code}: ${tail(output, 3)}` };
  }
}

/**
 * Chromium runs that fail (say the navigator's link never shows the day) are counted and their
 * first error kept, and the other runs still measured: a broken page should read as FAIL with a
 * reason, not stop the bench.
 */
async function measureBrowser(browser: Browser, url: string, runs: number): Promise<{ samples: BrowserSample[]; errors: string[] }> {
  const errors: string[] = [];
  const attempt = () =>
    measureInBrowser(browser, url).catch((error: unknown) => {
      errors.push(error instanceof Error ? error.message.split("\n")[0]! : String(error));
      return null;
    });
  await attempt(); // warm-up: the server's and Chromium's first-time costs
  errors.length = 0;
  const samples: BrowserSample[] = [];
  for (let i = 0; i < runs; i++) {
    const sample = await attempt();
    if (sample) samples.push(sample);
  }
  return { samples, errors };
}

async function measureTalk(server: RunningServer, browser: Browser, doc: TalkDocument, runs: number, databaseUrl: string): Promise<TalkResult> {
  const url = `${server.origin}/talks/${doc.talk.slug}`;
  const mix = describeMix(doc);
  log(`  ${doc.talk.slug}: HTTP…`);
  const http = await measureHttp(url, runs);
  log(`  ${doc.talk.slug}: data layer…`);
  const data = await measureDataLayer(doc.talk.slug, runs, databaseUrl);
  if ("error" in data) log(`    data layer not measured: ${data.error}`);
  log(`  ${doc.talk.slug}: Chromium…`);
  const { samples: browserSamples, errors: browserErrors } = await measureBrowser(browser, url, runs);
  if (browserErrors.length) log(`    ${browserErrors.length} of ${runs} Chromium runs failed; first: ${browserErrors[0]}`);

  const html = http[http.length - 1]!.html;
  const raw = http.map((s) => Buffer.byteLength(s.html));
  const gz = http.map((s) => compressedSize(Buffer.from(s.html), s.transferBytes, s.encoding));
  const jsRaw = browserSamples.map((b) => b.scripts.reduce((sum, s) => sum + s.rawBytes, 0));
  const jsCompressed = browserSamples.map((b) => b.scripts.reduce((sum, s) => sum + s.compressedBytes, 0));
  const jsBrotli = browserSamples.map((b) => b.scripts.reduce((sum, s) => sum + s.brotliBytes, 0));
  const statementsInHtml = (html.match(/id="statement-/g) ?? []).length;
  const last = browserSamples.at(-1);
  return {
    slug: doc.talk.slug,
    mix,
    navMode: last?.navMode ?? "none",
    targetDay: last?.targetDay ?? "none",
    browserErrors,
    statementsInHtml,
    htmlEncoding: http[0]!.encoding,
    scripts: last?.scripts ?? [],
    longTasks: last?.longTasks ?? [],
    metrics: {
      ttfb: summarize(http.map((s) => s.ttfbMs)),
      ttlb: summarize(http.map((s) => s.ttlbMs)),
      dataLayer: "page" in data ? summarize(data.page) : null,
      dataLayerAll: "all" in data ? summarize(data.all) : null,
      htmlRaw: summarize(raw),
      htmlGzip: summarize(gz),
      htmlInlineScripts: summarize(http.map((s) => inlineScriptBytes(s.html))),
      statementsInHtml: summarize(http.map((s) => (s.html.match(/id="statement-/g) ?? []).length)),
      // Per statement the HTML carries (the page may defer days): what one more statement costs.
      htmlPerStatement: statementsInHtml ? summarize(raw.map((r) => r / statementsInHtml)) : null,
      jsRaw: summarize(jsRaw),
      jsCompressed: summarize(jsCompressed),
      jsBrotli: summarize(jsBrotli),
      jsFiles: summarize(browserSamples.map((b) => b.scripts.length)),
      responseStart: summarize(browserSamples.map((b) => b.responseStartMs)),
      responseEnd: summarize(browserSamples.map((b) => b.responseEndMs)),
      fcp: summarize(browserSamples.flatMap((b) => (b.fcpMs === null ? [] : [b.fcpMs]))),
      domContentLoaded: summarize(browserSamples.map((b) => b.domContentLoadedMs)),
      load: summarize(browserSamples.map((b) => b.loadMs)),
      usable: summarize(browserSamples.map((b) => b.usableMs)),
      loadToClick: summarize(browserSamples.map((b) => b.clickMs - b.loadMs)),
      clickToShown: summarize(browserSamples.map((b) => b.usableMs - b.clickMs)),
      longTaskTotal: summarize(browserSamples.map((b) => b.longTasks.reduce((sum, t) => sum + t.durationMs, 0))),
      longTaskMax: summarize(browserSamples.map((b) => Math.max(0, ...b.longTasks.map((t) => t.durationMs)))),
      domElements: summarize(browserSamples.map((b) => b.domElements)),
    },
  };
}

function printResults(results: TalkResult[], peakRss: number | null) {
  const names = results.map((r, i) => (i === 0 ? "large" : "seed"));
  const row = (label: string, unit: Row["unit"], key: string, target?: Row["target"]): Row => ({
    label,
    unit,
    target,
    values: results.map((r) => r.metrics[key] ?? null),
  });
  log();
  log(
    table(names, [
      row("Server: time to first byte", "ms", "ttfb"),
      row("Server: time to last byte", "ms", "ttlb"),
      row("Data layer: the page's read alone", "ms", "dataLayer"),
      row("Data layer: whole talk in full detail", "ms", "dataLayerAll"),
      row("HTML raw", "KB", "htmlRaw"),
      row("HTML gzip", "KB", "htmlGzip"),
      row("HTML inline scripts (RSC payload)", "KB", "htmlInlineScripts"),
      row("Statements in the HTML", "count", "statementsInHtml"),
      row("HTML raw per statement in it", "B", "htmlPerStatement"),
      row("JS raw", "KB", "jsRaw"),
      row("JS compressed", "KB", "jsCompressed", TARGETS.jsCompressed),
      row("JS brotli (level 11)", "KB", "jsBrotli"),
      row("JS files", "count", "jsFiles"),
      row("Chromium: HTML first byte", "ms", "responseStart"),
      row("Chromium: HTML last byte", "ms", "responseEnd"),
      row("Chromium: first contentful paint", "ms", "fcp", TARGETS.fcp),
      row("Chromium: DOMContentLoaded", "ms", "domContentLoaded"),
      row("Chromium: load event", "ms", "load"),
      { ...row("Chromium: usable (late day shown)", "ms", "usable", TARGETS.usable), failed: results.map((r) => r.browserErrors.length > 0) },
      row("  of which load → click (link shown)", "ms", "loadToClick"),
      row("  of which click → day shown", "ms", "clickToShown"),
      row("Main thread: long tasks, total", "ms", "longTaskTotal"),
      row("Main thread: longest task", "ms", "longTaskMax"),
      row("DOM elements", "count", "domElements"),
    ]),
  );
  log();
  for (const [i, r] of results.entries()) {
    const how =
      r.navMode === "navigator"
        ? `clicked the day navigator's link to ${r.targetDay}`
        : r.navMode === "hash"
          ? `no day navigator found; jumped by location.hash to ${r.targetDay}`
          : "no Chromium run succeeded";
    const failed = r.browserErrors.length ? ` ${r.browserErrors.length} Chromium run(s) failed: ${r.browserErrors[0]}.` : "";
    log(`${names[i]}: ${how}; HTML served ${r.htmlEncoding}; ${r.statementsInHtml.toLocaleString("en-US")} of ${r.mix.statements.total.toLocaleString("en-US")} statements in the HTML.${failed}`);
  }
  const biggest = [...(results[0]?.scripts ?? [])].sort((a, b) => b.compressedBytes - a.compressedBytes).slice(0, 5);
  if (biggest.length) {
    log(`Largest scripts (large talk, compressed): ${biggest.map((s) => `${path.basename(new URL(s.url).pathname)} ${(s.compressedBytes / 1000).toFixed(1)} KB`).join(", ")}`);
  }
  if (peakRss) log(`Server peak resident memory (all runs): ${(peakRss / 1_000_000).toFixed(0)} MB`);
  const large = results[0]!.metrics;
  log();
  log(
    `Targets (large talk): FCP ${verdict(large.fcp ?? null, TARGETS.fcp)}, usable ${results[0]!.browserErrors.length ? "FAIL" : verdict(large.usable ?? null, TARGETS.usable)}, compressed JS ${verdict(large.jsCompressed ?? null, TARGETS.jsCompressed)}`,
  );
}

async function main() {
  const opts = options();
  const started = new Date();
  const machine = describeMachine();
  const stamp = started.toISOString().replaceAll(":", "-").slice(0, 19);
  // Each run works in its own folder, so two runs at once (two engineers) cannot delete each
  // other's database or build copy. Only the summary JSON stays after a run.
  const work = path.join(OUT, `run-${stamp}-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const dbFile = path.join(work, "bench.db");
  const appDir = path.join(work, "app");

  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  const { cleanup, abort } = guardCleanup(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    killStarted();
    if (!opts.keep) {
      rmSync(work, { recursive: true, force: true });
    } else log(`Kept ${path.relative(ROOT, work)} (database, build copy, server log, talk.json).`);
  });

  try {
    log(`Parley timeline bench — ${started.toISOString()}`);
    log(`Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGB} GB, Node ${machine.node}, load average ${machine.loadAverage.join(" ")}`);
    if ((machine.loadAverage[0] ?? 0) > machine.cores * 0.5) log("Warning: the machine is busy (load average above half the cores); numbers will be noisy.");

    const build = await ensureBuild(ROOT, opts.build, log);
    log(`Build: ${build.id} in ${DIST_DIR}, ${build.built ? "built now" : `built ${build.builtAt.toISOString()}`}`);
    if (build.newerSources.length) {
      log(`Warning: ${build.newerSources.length} source file(s) changed after this build (${build.newerSources.slice(0, 4).join(", ")}${build.newerSources.length > 4 ? ", …" : ""}); run with --build to measure the current code.`);
    }

    // Everything after the build has a time limit, so a stuck step cannot hang the bench.
    const budgetMs = 5 * 60_000 + opts.runs * 2 * 60_000;
    setTimeout(() => abort(`The bench took longer than ${budgetMs / 60_000} minutes`, 1), budgetMs).unref();

    let t = performance.now();
    const large = generateTalkDocument(LARGE_TALK);
    const generateMs = performance.now() - t;
    writeFileSync(path.join(work, "talk.json"), JSON.stringify(large, null, 1));
    const docs = [large];
    if (opts.seedTalk) {
      const parsed = TalkDocumentSchema.safeParse(JSON.parse(readFileSync(SEED_FILE, "utf8")));
      if (!parsed.success) throw new Error(`${SEED_FILE} is invalid: ${describeIssues(parsed.error).join("; ")}`);
      docs.push(parsed.data);
    }
    const m = describeMix(large);
    log(
      `Talk ${large.talk.slug}: ${m.days} days; ${m.sessions.total} sessions (${m.sessions.timed} timed, ${m.sessions.nearMidnight} near venue midnight, ${m.sessions.undated} undated); ` +
        `${m.statements.total.toLocaleString("en-US")} statements (day ${m.statements.day}, minute ${m.statements.minute}, part of day ${m.statements.partOfDay}, unknown day ${m.statements.unknown}; ` +
        `${m.statements.quoted} with quoted words, ${m.statements.nearMidnight} timed near midnight); ${m.issues} issues, ${m.parties} parties, ${m.envoys} envoys, ${m.sources} sources, ${m.assessments} assessments. Generated in ${(generateMs / 1000).toFixed(1)} s.`,
    );

    const db = await prepareDatabase(dbFile, docs);
    log(`Database: ${path.relative(ROOT, dbFile)}, migrated in ${(db.migrateMs / 1000).toFixed(1)} s, large talk loaded in ${((db.loadMs[0] ?? 0) / 1000).toFixed(1)} s.`);

    t = performance.now();
    const copied = await snapshotBuild(ROOT, appDir, log);
    if (copied !== build.id) log(`Note: the build changed while starting (now ${copied}); measuring ${copied}.`);
    const port = await freePort();
    server = await startServer({ root: ROOT, dir: appDir, port, databaseUrl: db.url, logFile: path.join(work, "server.log") });
    log(`Server: next start on ${server.origin} (pid ${server.pid}), ready in ${((performance.now() - t) / 1000).toFixed(1)} s.`);

    browser = await launchBrowser();
    log(`Chromium ${browser.version()} (${CHROMIUM_PATH}); ${opts.runs} runs per number after one warm-up.`);
    const results: TalkResult[] = [];
    for (const doc of docs) results.push(await measureTalk(server, browser, doc, opts.runs, db.url));
    const peakRss = server.peakRss();

    printResults(results, peakRss);
    const loadAfter = os.loadavg().map((x) => Number(x.toFixed(2)));
    log(`Load average at the end: ${loadAfter.join(" ")}${(loadAfter[0] ?? 0) > machine.cores * 0.5 ? " (busy: other work shared the cores; compare medians with care)" : ""}`);
    const file = path.join(OUT, `${stamp}.json`);
    const record = { date: started.toISOString(), machine, loadAverageAtEnd: loadAfter, build: { id: copied, builtAt: build.builtAt }, runs: opts.runs, peakRssBytes: peakRss, talks: results };
    writeFileSync(file, JSON.stringify(record, null, 1));
    log(`\nAll samples: ${path.relative(ROOT, file)}`);
  } finally {
    await cleanup();
  }
}

runMain(main, USAGE);
