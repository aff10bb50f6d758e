// `npm run bench:peer`: Parley's talk page on the peer benchmark's multi-year data set (1,000,
// 5,000 and 20,000 events, the exact events the peer timelines were measured on) and on the
// generated 30-day talk, compared in one interleaved run with a static HTML list of the same
// statements; then requests per second beside an in-memory server of the same bytes.
// See bench/README.md ("npm run bench:peer") for what each number means and how it is taken.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { parseArgs } from "node:util";
import type { Browser } from "playwright";
import { describeMachine, guardCleanup, inlineScriptBytes, loadAverage, runMain, UsageError } from "../common/run-support";
import { CHROMIUM_PATH, launchBrowser } from "../timeline/measure-browser";
import { fetchPage } from "../timeline/measure-http";
import { format, summarize, table, type Row, type Unit } from "../timeline/report";
import { DIST_DIR, ensureBuild, freePort, killStarted, snapshotBuild, startHttpProcess, startServer, type RunningServer } from "../timeline/server";
import { cachedDatabase, loadSeed, loadSubjects, ROOT, type Subject } from "./data";
import { measureLoad, type LoadOptions, type LoadSample } from "./measure-browser";
import { staticListHtml } from "./static-pages";
import type { StaticManifest } from "./static-server";
import { cannon, captureMirror, type CannonResult, type Captured } from "./throughput";

const OUT = path.join(ROOT, "bench/results/peer");
const BEIJING = "/talks/japan-dprk-beijing-2006";
/** Warm-up requests per page: enough for each of the server's workers (one per core, two here) to have answered it. */
const WARM_ROUNDS = 4;

/** The issue's targets. KB = 1,000 bytes. */
const TARGETS = {
  fcpVsStatic: 1.5,
  usableMs: 1_000,
  printVsStatic: 2,
  firstResponseGzip: 300_000,
  jumpMs: 1_000,
  jumpAtN: 20_000,
  beijingRps: 150,
  indexRps: 300,
  p99Ms: 250,
};

const USAGE = `Usage: npm run bench:peer -- [--n 1000,5000,20000] [--runs N] [--only browser|http|throughput] [--build] [--keep]
  --n LIST         peer data set sizes (default 1000,5000,20000); the 30-day talk is always measured too
  --runs N         measured runs per number (default 3)
  --only PART      only the Chromium measures, the HTTP timings and sizes, or the throughput runs
  --build          run \`next build\` first (default: use the existing build, build only if there is none)
  The build folder is .next, or NEXT_DIST_DIR when set (as next.config.js reads it).
  --keep           keep this run's folder (bench/results/peer/run-…: database, static pages, build copy, server logs)`;

type Part = "browser" | "http" | "throughput";
type Page = "static" | "parley";

function log(line = "") {
  console.log(line);
}

function options() {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "1000,5000,20000" },
      runs: { type: "string", default: "3" },
      only: { type: "string" },
      build: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    log(USAGE);
    process.exit(0);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new UsageError(`--runs must be a whole number from 1 to 50, not "${values.runs}".`);
  const ns = values.n.split(",").map((x) => Number(x.trim().replaceAll("_", "")));
  if (ns.length === 0 || ns.some((n) => !Number.isInteger(n) || n < 1 || n > 100_000)) throw new UsageError(`--n must be a list of whole numbers from 1 to 100,000, not "${values.n}".`);
  if (values.only && !["browser", "http", "throughput"].includes(values.only)) throw new UsageError(`--only must be browser, http or throughput, not "${values.only}".`);
  const parts = new Set<Part>(values.only ? [values.only as Part] : ["browser", "http", "throughput"]);
  return { runs, ns: [...new Set(ns)].sort((a, b) => a - b), parts, build: values.build, keep: values.keep };
}

const staticPath = (s: Subject) => `/static/${s.slug}`;
const talkPath = (s: Subject) => `/talks/${s.slug}`;
const printPath = (s: Subject) => `/talks/${s.slug}/print`;
const dayPath = (s: Subject) => `/talks/${s.slug}/days/${s.middleDay}`;

// Time allowed per Chromium load, growing with the talk: the current app needs about 16 s to be
// usable and 30 s to print at 20,000. A load past its time is recorded as a failure.
const listTimeoutMs = (s: Subject) => 30_000 + s.n * 3;
const printTimeoutMs = (s: Subject) => 30_000 + s.n * 6;
const jumpTimeoutMs = (s: Subject) => 15_000 + s.n;
// When usable has not come in time, the jump is still measured once the page has loaded, if it
// loads within this much more (110 s at 20,000).
const loadWaitMs = (s: Subject) => 30_000 + s.n * 4;

// ---------------------------------------------------------------------------------------------
// HTTP: first response, server timings

type HttpSample = { ttfbMs: number; ttlbMs: number; encoding: string; rawBytes: number; gzipBytes: number; inlineScriptBytes: number; daySections: number; statements: number };
type HttpRecord = { subject: string; url: string; run: number; sample: HttpSample | null; error: string | null };

async function httpSample(url: string): Promise<HttpSample> {
  const s = await fetchPage(url, 120_000, "gzip");
  const raw = Buffer.from(s.html);
  return {
    ttfbMs: s.ttfbMs,
    ttlbMs: s.ttlbMs,
    encoding: s.encoding,
    rawBytes: raw.length,
    // What came over the wire when compressed; else our own gzip at zlib's default level.
    gzipBytes: s.encoding === "identity" ? zlib.gzipSync(raw).length : s.transferBytes,
    inlineScriptBytes: inlineScriptBytes(s.html),
    daySections: (s.html.match(/id="day-(\d{4}-\d{2}-\d{2}|unknown)"/g) ?? []).length,
    statements: (s.html.match(/id="statement-/g) ?? []).length,
  };
}

async function measureHttp(subjects: Subject[], runs: number, staticOrigin: string, appOrigin: () => Promise<string>): Promise<HttpRecord[]> {
  const records: HttpRecord[] = [];
  for (let run = 0; run < runs; run++) {
    for (const s of subjects) {
      const paths = [`static:${staticPath(s)}`, talkPath(s), dayPath(s)];
      for (const p of run % 2 ? [...paths].reverse() : paths) {
        const url = p.startsWith("static:") ? `${staticOrigin}${p.slice(7)}` : `${await appOrigin()}${p}`;
        try {
          records.push({ subject: s.label, url, run, sample: await httpSample(url), error: null });
        } catch (error) {
          records.push({ subject: s.label, url, run, sample: null, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
  }
  return records;
}

// ---------------------------------------------------------------------------------------------
// Chromium, interleaved

type BrowserRecord = { subject: string; page: Page; view: "list" | "print"; run: number; order: number; url: string; sample: LoadSample };

function loadOptions(s: Subject, page: Page, view: "list" | "print"): LoadOptions {
  return {
    kind: view,
    lastDay: s.lastDay,
    hydration: page === "parley",
    // The static list has no navigator: its jump is the browser's own scroll to #day-… (location.hash).
    jump: view === "print" ? "none" : page === "parley" ? "link" : "hash",
    timeoutMs: view === "list" ? listTimeoutMs(s) : printTimeoutMs(s),
    jumpTimeoutMs: jumpTimeoutMs(s),
    loadWaitMs: view === "list" ? loadWaitMs(s) : 0,
  };
}

function pageUrl(s: Subject, page: Page, view: "list" | "print", staticOrigin: string, appOrigin: string): string {
  if (page === "static") return `${staticOrigin}${staticPath(s)}`; // the list is already everything: it is its own print view
  return `${appOrigin}${view === "list" ? talkPath(s) : printPath(s)}`;
}

async function measureBrowser(browser: Browser, subjects: Subject[], runs: number, staticOrigin: string, appOrigin: () => Promise<string>): Promise<BrowserRecord[]> {
  // Warm-up, not counted: Chromium's first-time costs, on the smallest talk.
  const first = subjects[0]!;
  for (const page of ["static", "parley"] as const) await measureLoad(browser, pageUrl(first, page, "list", staticOrigin, await appOrigin()), loadOptions(first, page, "list"));
  const records: BrowserRecord[] = [];
  let order = 0;
  for (let run = 0; run < runs; run++) {
    // Static first on even runs, Parley first on odd ones.
    const pages: Page[] = run % 2 ? ["parley", "static"] : ["static", "parley"];
    for (const s of subjects) {
      for (const view of ["list", "print"] as const) {
        for (const page of pages) {
          const url = pageUrl(s, page, view, staticOrigin, await appOrigin());
          const started = performance.now();
          const sample = await measureLoad(browser, url, loadOptions(s, page, view));
          records.push({ subject: s.label, page, view, run, order: order++, url, sample });
          const main = view === "list" ? sample.usableMs : sample.lastDayRenderedMs;
          log(
            `  run ${run + 1}, ${s.label.padStart(7)}, ${page.padEnd(6)} ${view.padEnd(5)}: ` +
              (sample.error
                ? `FAILED (${sample.error})`
                : `FCP ${fmt(sample.fcpMs)}, ${view === "list" ? "usable" : "last day rendered"} ${fmt(main)}${sample.jump ? `, jump ${sample.jump.mode === "not found" ? "not found" : fmt(sample.jump.clickToShownMs)}` : ""} ms`) +
              ` (${((performance.now() - started) / 1000).toFixed(1)} s)`,
          );
        }
      }
    }
  }
  return records;
}

const fmt = (ms: number | null) => (ms === null ? "n/a" : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

// ---------------------------------------------------------------------------------------------
// Throughput

type ThroughputRecord = { name: string; path: string; server: "parley" | "mirror"; connections: number; result: CannonResult | null; error: string | null };

async function measureThroughput(appOrigin: () => Promise<string>, mirrorOrigin: string): Promise<ThroughputRecord[]> {
  const records: ThroughputRecord[] = [];
  const run = async (name: string, route: string, server: "parley" | "mirror", connections: number, seconds: number, record = true) => {
    const origin = server === "parley" ? await appOrigin() : mirrorOrigin;
    try {
      const result = await cannon(ROOT, `${origin}${route}`, connections, seconds);
      if (record) records.push({ name, path: route, server, connections, result, error: null });
      log(`  ${record ? "" : "(warm-up) "}${name} ${server}, ${connections} connections, ${seconds} s: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, errors ${result.errors}, non-2xx ${result.non2xx}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (record) records.push({ name, path: route, server, connections, result: null, error: message });
      log(`  ${name} ${server}, ${connections} connections: FAILED (${message})`);
    }
  };
  const pages = [
    { name: "Beijing talk page", route: BEIJING },
    { name: "index", route: "/" },
  ];
  for (const p of pages) {
    for (const server of ["parley", "mirror"] as const) await run(p.name, p.route, server, 10, 3, false);
    for (const server of ["parley", "mirror"] as const) await run(p.name, p.route, server, 10, 10);
    for (const server of ["mirror", "parley"] as const) await run(p.name, p.route, server, 50, 10);
  }
  return records;
}

// ---------------------------------------------------------------------------------------------
// Report

const values = <T>(records: T[], pick: (r: T) => number | null | undefined) => summarize(records.map(pick).filter((v): v is number => typeof v === "number"));

type Verdict = { target: string; subject: string; verdict: "PASS" | "FAIL" | "n/a"; detail: string };

function printBrowser(subjects: Subject[], records: BrowserRecord[], verdicts: Verdict[]) {
  const names = subjects.map((s) => s.label);
  const cell = (page: Page, view: "list" | "print", s: Subject) => records.filter((r) => r.page === page && r.view === view && r.subject === s.label);
  const row = (label: string, unit: Unit, page: Page, view: "list" | "print", pick: (x: LoadSample) => number | null | undefined): Row => ({
    label: `${label}, ${page === "static" ? "static" : "Parley"}`,
    unit,
    values: subjects.map((s) => values(cell(page, view, s), (r) => pick(r.sample))),
  });
  const both = (label: string, unit: Unit, view: "list" | "print", pick: (x: LoadSample) => number | null | undefined) => [row(label, unit, "static", view, pick), row(label, unit, "parley", view, pick)];
  const tasks = (x: LoadSample) => x.longTasks.reduce((sum, t) => sum + t.durationMs, 0);
  const longest = (x: LoadSample) => Math.max(0, ...x.longTasks.map((t) => t.durationMs));
  const section = (title: string, rows: Row[]) => {
    log();
    log(title);
    log(table(names, rows));
  };
  section("Chromium, talk page (static list vs /talks/<slug>): first contentful paint", both("FCP", "ms", "list", (x) => x.fcpMs));
  section("Chromium, talk page: usable = first day's heading in the viewport and the page hydrated", [
    ...both("usable", "ms", "list", (x) => x.usableMs),
    row("first day in the viewport", "ms", "parley", "list", (x) => x.firstDayShownMs),
    row("first day rendered (anywhere)", "ms", "parley", "list", (x) => x.firstDayRenderedMs),
    row("hydrated", "ms", "parley", "list", (x) => x.hydratedMs),
    row("rendered anywhere and hydrated", "ms", "parley", "list", (x) => x.renderedAndHydratedMs),
    ...both("first day's heading top", "px", "list", (x) => x.firstDayTopPx),
  ]);
  section("Chromium, talk page: DOMContentLoaded and load", [...both("DOMContentLoaded", "ms", "list", (x) => x.domContentLoadedMs), ...both("load", "ms", "list", (x) => x.loadMs)]);
  section("Chromium, talk page: HTML first / last byte as Chromium saw it", [...both("first byte", "ms", "list", (x) => x.responseStartMs), ...both("last byte", "ms", "list", (x) => x.responseEndMs)]);
  section("Chromium, talk page: DOM elements at load, long tasks up to usable", [
    ...both("DOM elements", "count", "list", (x) => x.domElements),
    ...both("long tasks total", "ms", "list", tasks),
    ...both("longest task", "ms", "list", longest),
  ]);
  section("Chromium, jump to the last day: click → its heading in the viewport (static: location.hash)", both("jump", "ms", "list", (x) => x.jump?.clickToShownMs));
  section("Chromium, print view (static list vs /talks/<slug>/print)", [
    ...both("FCP", "ms", "print", (x) => x.fcpMs),
    ...both("DOMContentLoaded", "ms", "print", (x) => x.domContentLoadedMs),
    ...both("complete: last day rendered", "ms", "print", (x) => x.lastDayRenderedMs),
    ...both("load", "ms", "print", (x) => x.loadMs),
    ...both("DOM elements", "count", "print", (x) => x.domElements),
  ]);

  log();
  for (const r of records) if (r.sample.error) log(`Failed: ${r.page} ${r.view} at ${r.subject}, run ${r.run + 1}: ${r.sample.error}`);
  for (const s of subjects) {
    const parley = cell("parley", "list", s);
    const signals = [...new Set(parley.map((r) => r.sample.hydrationSignal).filter(Boolean))];
    const jumps = parley.map((r) => r.sample.jump).filter((j) => j !== null);
    const j = jumps[0];
    log(
      `${s.label}: hydration seen by ${signals.join(", ") || "nothing"}; jump to ${s.lastDay}: ` +
        (!j ? "not tried (the page never loaded in the time allowed)" : j.mode === "not found" ? "no link to #day-" + s.lastDay + " found" : `clicked ${j.href}${j.inNav ? " in the day navigator" : ""}${j.newDocument ? ", shown on a new document" : ", same document"}`) +
        (jumps.length && jumps.length < parley.length ? ` (tried in ${jumps.length} of ${parley.length} runs: the others never loaded in the time allowed)` : "") +
        (jumps.some((x) => x.error) ? ` (${jumps.filter((x) => x.error).length} failed: ${jumps.find((x) => x.error)!.error})` : ""),
    );
  }

  // Targets
  for (const s of subjects) {
    const sl = cell("static", "list", s);
    const pl = cell("parley", "list", s);
    const sp = cell("static", "print", s);
    const pp = cell("parley", "print", s);
    const failed = (rs: BrowserRecord[], pick: (x: LoadSample) => number | null | undefined) => rs.filter((r) => typeof pick(r.sample) !== "number");
    const relative = (target: string, factor: number, pick: (x: LoadSample) => number | null | undefined, staticRs: BrowserRecord[], parleyRs: BrowserRecord[]) => {
      const a = values(staticRs, (r) => pick(r.sample));
      const b = values(parleyRs, (r) => pick(r.sample));
      const bad = failed(parleyRs, pick);
      if (!a || !b) return verdicts.push({ target, subject: s.label, verdict: bad.length ? "FAIL" : "n/a", detail: bad.length ? `${bad.length} of ${parleyRs.length} runs failed: ${bad[0]!.sample.error ?? "not measured"}` : "not measured" });
      const ok = bad.length === 0 && b.median <= factor * a.median;
      verdicts.push({ target, subject: s.label, verdict: ok ? "PASS" : "FAIL", detail: `Parley ${format(b.median, "ms")} ms vs static ${format(a.median, "ms")} ms = ${(b.median / a.median).toFixed(2)}× (limit ${factor}×)${bad.length ? `; ${bad.length} of ${parleyRs.length} runs failed` : ""}` });
    };
    const absolute = (target: string, limit: number, pick: (x: LoadSample) => number | null | undefined, rs: BrowserRecord[], why = (x: LoadSample) => x.error ?? "not measured") => {
      const b = values(rs, (r) => pick(r.sample));
      const bad = failed(rs, pick);
      const reason = bad.length ? `${bad.length} of ${rs.length} runs failed: ${why(bad[0]!.sample)}` : "";
      if (!b) return verdicts.push({ target, subject: s.label, verdict: bad.length ? "FAIL" : "n/a", detail: reason || "not measured" });
      verdicts.push({ target, subject: s.label, verdict: bad.length === 0 && b.median <= limit ? "PASS" : "FAIL", detail: `${format(b.median, "ms")} ms (limit ${limit.toLocaleString("en-US")} ms)${reason ? `; ${reason}` : ""}` });
    };
    relative("FCP ≤ 1.5× static", TARGETS.fcpVsStatic, (x) => x.fcpMs, sl, pl);
    absolute("usable ≤ 1,000 ms", TARGETS.usableMs, (x) => x.usableMs, pl);
    relative("print complete ≤ 2× static", TARGETS.printVsStatic, (x) => x.lastDayRenderedMs, sp, pp);
    if (s.kind === "peer" && s.n === TARGETS.jumpAtN) {
      const whyJump = (x: LoadSample) =>
        x.jump
          ? (x.jump.error ?? "not measured")
          : `not tried: the page had not loaded ${Math.round((listTimeoutMs(s) + loadWaitMs(s)) / 1000)} s after navigation start${x.error ? ` (${x.error})` : ""}`;
      absolute("jump to the last day ≤ 1,000 ms", TARGETS.jumpMs, (x) => x.jump?.clickToShownMs, pl, whyJump);
    }
  }
}

function printHttp(subjects: Subject[], records: HttpRecord[], staticOrigin: string, verdicts: Verdict[]) {
  const names = subjects.map((s) => s.label);
  const pick = (which: "static" | "talk" | "day", s: Subject) =>
    records.filter((r) => r.subject === s.label && (which === "static" ? r.url.startsWith(staticOrigin) : which === "day" ? r.url.includes("/days/") : !r.url.startsWith(staticOrigin) && !r.url.includes("/days/")));
  const row = (label: string, unit: Unit, which: "static" | "talk" | "day", f: (x: HttpSample) => number): Row => ({
    label,
    unit,
    values: subjects.map((s) => values(pick(which, s), (r) => (r.sample ? f(r.sample) : null))),
  });
  log();
  log("HTTP (node:http, Accept-Encoding: gzip, new connection each, after a warm-up): first response of the talk page");
  log(
    table(names, [
      row("HTML raw, static", "KB", "static", (x) => x.rawBytes),
      row("HTML raw, Parley", "KB", "talk", (x) => x.rawBytes),
      row("HTML gzip, static (precompressed -9)", "KB", "static", (x) => x.gzipBytes),
      row("HTML gzip, Parley (as sent)", "KB", "talk", (x) => x.gzipBytes),
      row("inline scripts (RSC payload), Parley", "KB", "talk", (x) => x.inlineScriptBytes),
      row("day sections in the HTML, Parley", "count", "talk", (x) => x.daySections),
      row("statements in the HTML, Parley", "count", "talk", (x) => x.statements),
    ]),
  );
  log();
  log("HTTP: server time (request → first byte / last byte)");
  log(
    table(names, [
      row("talk page first byte, static", "ms", "static", (x) => x.ttfbMs),
      row("talk page last byte, static", "ms", "static", (x) => x.ttlbMs),
      row("talk page first byte, Parley", "ms", "talk", (x) => x.ttfbMs),
      row("talk page last byte, Parley", "ms", "talk", (x) => x.ttlbMs),
      row("day page first byte, Parley", "ms", "day", (x) => x.ttfbMs),
      row("day page last byte, Parley", "ms", "day", (x) => x.ttlbMs),
      row("day page HTML gzip, Parley", "KB", "day", (x) => x.gzipBytes),
    ]),
  );
  for (const r of records) if (r.error) log(`Failed: GET ${r.url} (run ${r.run + 1}): ${r.error}`);
  for (const s of subjects) {
    const rs = pick("talk", s);
    const gz = values(rs, (r) => r.sample?.gzipBytes);
    const bad = rs.filter((r) => !r.sample).length;
    verdicts.push({
      target: "first response ≤ 300 KB gzip",
      subject: s.label,
      verdict: !gz ? (bad ? "FAIL" : "n/a") : bad === 0 && gz.median <= TARGETS.firstResponseGzip ? "PASS" : "FAIL",
      detail: gz ? `${format(gz.median, "KB")} KB gzip, of it ${format(values(rs, (r) => r.sample?.inlineScriptBytes)?.median ?? 0, "KB")} KB raw inline scripts (limit 300 KB)${bad ? `; ${bad} requests failed` : ""}` : "not measured",
    });
  }
}

function printThroughput(records: ThroughputRecord[], verdicts: Verdict[]) {
  log();
  log("Throughput (autocannon, Accept-Encoding: gzip; mirror = in-memory node:http server sending Parley's captured bytes)");
  const header = ["page", "server", "conns", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "timeouts", "non-2xx", "Parley ÷ mirror"];
  const lines = records.map((r) => {
    const mirror = records.find((m) => m.server === "mirror" && m.path === r.path && m.connections === r.connections);
    const ratio = r.server === "parley" && r.result && mirror?.result ? (r.result.requestsPerSecond / mirror.result.requestsPerSecond).toFixed(3) : "";
    return r.result
      ? [r.name, r.server, String(r.connections), r.result.requestsPerSecond.toFixed(0), String(r.result.latencyP50Ms), String(r.result.latencyP99Ms), String(r.result.latencyMaxMs), String(r.result.errors), String(r.result.timeouts), String(r.result.non2xx), ratio]
      : [r.name, r.server, String(r.connections), `FAILED: ${r.error}`, "", "", "", "", "", "", ""];
  });
  const all = [header, ...lines];
  const widths = header.map((_, i) => Math.max(...all.map((l) => (l[i] ?? "").length)));
  for (const l of all) log(l.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd());
  const find = (route: string, c: number) => records.find((r) => r.server === "parley" && r.path === route && r.connections === c);
  for (const [route, name, rps] of [
    [BEIJING, "Beijing talk page", TARGETS.beijingRps],
    ["/", "index", TARGETS.indexRps],
  ] as const) {
    const at10 = find(route, 10)?.result;
    const at50 = find(route, 50)?.result;
    verdicts.push({ target: `${name} ≥ ${rps} req/s at 10 connections`, subject: "", verdict: !at10 ? "FAIL" : at10.requestsPerSecond >= rps ? "PASS" : "FAIL", detail: at10 ? `${at10.requestsPerSecond.toFixed(0)} req/s` : "not measured" });
    verdicts.push({ target: `${name} p99 ≤ ${TARGETS.p99Ms} ms at 10 connections`, subject: "", verdict: !at10 ? "FAIL" : at10.latencyP99Ms <= TARGETS.p99Ms ? "PASS" : "FAIL", detail: at10 ? `p99 ${at10.latencyP99Ms} ms` : "not measured" });
    const errs = at50 ? at50.errors + at50.non2xx : null;
    verdicts.push({ target: `${name} zero errors at 50 connections`, subject: "", verdict: errs === null ? "FAIL" : errs === 0 ? "PASS" : "FAIL", detail: at50 ? `${at50.errors} errors (${at50.timeouts} timeouts), ${at50.non2xx} non-2xx in ${at50.requests} requests` : "not measured" });
  }
}

// ---------------------------------------------------------------------------------------------

function gitCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "app", "components", "lib", "proxy.ts", "next.config.js"], { cwd: ROOT, encoding: "utf8" }).trim();
    return dirty ? `${head} (app sources changed since)` : head;
  } catch {
    return "unknown";
  }
}

async function main() {
  const opts = options();
  const started = new Date();
  const machine = describeMachine();
  const stamp = started.toISOString().replaceAll(":", "-").slice(0, 19);
  const work = path.join(OUT, `run-${stamp}-${process.pid}`);
  mkdirSync(work, { recursive: true });

  let server: RunningServer | null = null;
  let staticServer: RunningServer | null = null;
  let mirror: RunningServer | null = null;
  let browser: Browser | null = null;
  let appOrigin: () => Promise<string> = () => Promise.reject(new Error("the server is not started"));
  const { cleanup, abort } = guardCleanup(async () => {
    await browser?.close().catch(() => undefined);
    await Promise.all([server, staticServer, mirror].filter((s) => s !== null).map((s) => s.stop().catch(() => undefined)));
    killStarted();
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
    else log(`Kept ${path.relative(ROOT, work)} (database, static pages, build copy, server logs).`);
  });

  try {
    log(`Parley peer bench — ${started.toISOString()}`);
    log(`Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGB} GB, Node ${machine.node}, load average ${machine.loadAverage.join(" ")}`);
    if ((machine.loadAverage[0] ?? 0) > machine.cores * 0.5) log("Warning: the machine is busy (load average above half the cores); numbers will be noisy.");
    const commit = gitCommit();
    const build = await ensureBuild(ROOT, opts.build, log);
    log(`Build: ${build.id} in ${DIST_DIR}, ${build.built ? "built now" : `built ${build.builtAt.toISOString()}`}; commit ${commit}`);
    if (build.newerSources.length) {
      log(`Warning: ${build.newerSources.length} source file(s) changed after this build (${build.newerSources.slice(0, 4).join(", ")}${build.newerSources.length > 4 ? ", …" : ""}); run with --build to measure the current code.`);
    }

    // Everything after the build has a time limit, so a stuck step cannot hang the bench (each
    // step has its own, shorter one).
    const budgetMs = 20 * 60_000 + opts.runs * 15 * 60_000;
    setTimeout(() => abort(`The bench took longer than ${budgetMs / 60_000} minutes`, 1), budgetMs).unref();

    const subjects = await loadSubjects(opts.ns);
    const seed = loadSeed();
    for (const s of subjects) {
      log(`Talk ${s.slug}: ${s.n.toLocaleString("en-US")} statements over ${s.spanDays.toLocaleString("en-US")} calendar days (${s.firstDay} to ${s.lastDay}); day page measured: ${s.middleDay}.`);
    }

    let t = performance.now();
    const dbFile = path.join(work, "bench.db");
    const db = await cachedDatabase([...subjects.map((s) => s.doc), seed], dbFile, log);
    log(`Database: ${db.hit ? "copied from the cache" : `loaded (${db.loadMs.map((ms) => (ms / 1000).toFixed(1)).join(" + ")} s) and cached`} (key ${db.key}), ready in ${((performance.now() - t) / 1000).toFixed(1)} s.`);

    // The static reference: one page per talk, precompressed, served from memory by its own process.
    const staticDir = path.join(work, "static");
    mkdirSync(staticDir, { recursive: true });
    const manifest: StaticManifest = {};
    for (const s of subjects) {
      const html = Buffer.from(staticListHtml(s.doc));
      const identity = path.join(staticDir, `${s.slug}.html`);
      writeFileSync(identity, html);
      writeFileSync(`${identity}.gz`, zlib.gzipSync(html, { level: 9 }));
      manifest[staticPath(s)] = { type: "text/html; charset=utf-8", identity, gzip: `${identity}.gz` };
    }
    writeFileSync(path.join(staticDir, "manifest.json"), JSON.stringify(manifest, null, 1));
    const staticArgs = (m: string, port: number) => ["--import", "tsx", path.join(ROOT, "bench/peer/static-server.ts"), m, String(port)];
    let port = await freePort();
    staticServer = await startHttpProcess({ name: "the static server", args: staticArgs(path.join(staticDir, "manifest.json"), port), cwd: ROOT, env: process.env, port, logFile: path.join(work, "static.log") });

    t = performance.now();
    const copied = await snapshotBuild(ROOT, path.join(work, "app"), log);
    if (copied !== build.id) log(`Note: the build changed while starting (now ${copied}); measuring ${copied}.`);
    const restarts: { at: string; status: string }[] = [];
    const startApp = async () => {
      const p = await freePort();
      return startServer({ root: ROOT, dir: path.join(work, "app"), port: p, databaseUrl: `file:${dbFile}`, logFile: path.join(work, `server-${restarts.length}.log`) });
    };
    server = await startApp();
    // The server's origin, checked before every request: if the server has gone (it has been ended
    // by a SIGTERM from outside the bench while others' tests ran), it is started again and the run
    // goes on, noted in the printout.
    appOrigin = async () => {
      const status = server?.exitStatus() ?? "not running";
      if (server && server.exitStatus() === null) return server.origin;
      restarts.push({ at: new Date().toISOString(), status });
      log(`  Warning: the Parley server stopped (${status}), not by this bench; starting it again.`);
      server = await startApp();
      // Load the routes' server code again (talk, print and day pages, index), on the smallest talk.
      const first = subjects[0]!;
      for (const p of ["/", BEIJING, talkPath(first), printPath(first), dayPath(first)]) await fetchPage(`${server.origin}${p}`, 120_000, "gzip").catch(() => undefined);
      return server.origin;
    };
    const staticOrigin = staticServer.origin;
    log(`Servers: Parley on ${server.origin} (pid ${server.pid}, ready in ${((performance.now() - t) / 1000).toFixed(1)} s), static list on ${staticServer.origin}.`);

    // Warm-up, not counted: each page (server chunks, Prisma, SQLite's page cache, the app's own
    // cache of each talk's reads), WARM_ROUNDS times over new connections, which the server's
    // workers take in turn (server.mjs runs one per core): every worker answers each page once.
    t = performance.now();
    for (const s of subjects) {
      for (const p of [`static:${staticPath(s)}`, talkPath(s), dayPath(s), printPath(s)]) {
        for (let round = 0; round < (p.startsWith("static:") ? 1 : WARM_ROUNDS); round++) {
          const url = p.startsWith("static:") ? `${staticOrigin}${p.slice(7)}` : `${await appOrigin()}${p}`;
          await fetchPage(url, 180_000, "gzip").catch((error: unknown) => log(`  warm-up GET ${url} failed: ${error instanceof Error ? error.message : String(error)}`));
        }
      }
    }
    log(`Warm-up: every page ${WARM_ROUNDS} times over HTTP in ${((performance.now() - t) / 1000).toFixed(1)} s.`);

    const verdicts: Verdict[] = [];
    let httpRecords: HttpRecord[] = [];
    let browserRecords: BrowserRecord[] = [];
    let throughput: ThroughputRecord[] = [];
    let captured: Captured[] = [];

    if (opts.parts.has("http")) {
      log(`HTTP: ${opts.runs} runs, interleaved…`);
      httpRecords = await measureHttp(subjects, opts.runs, staticOrigin, appOrigin);
    }
    if (opts.parts.has("browser")) {
      browser = await launchBrowser();
      log(`Chromium ${browser.version()} (${CHROMIUM_PATH}); ${opts.runs} runs, interleaved (static first on odd runs, Parley first on even runs), after one warm-up load of each.`);
      browserRecords = await measureBrowser(browser, subjects, opts.runs, staticOrigin, appOrigin);
      await browser.close().catch(() => undefined);
      browser = null;
    }
    if (opts.parts.has("throughput")) {
      await staticServer.stop();
      staticServer = null;
      const five = subjects.find((s) => s.kind === "peer" && s.n === 5000);
      const routes = [BEIJING, "/", ...(five ? [talkPath(five)] : [])];
      const m = await captureMirror(await appOrigin(), routes, work);
      captured = m.captured;
      port = await freePort();
      mirror = await startHttpProcess({ name: "the mirror server", args: staticArgs(m.manifest, port), cwd: ROOT, env: process.env, port, logFile: path.join(work, "mirror.log") });
      log(`Throughput: mirror of ${captured.map((c) => `${c.path} (${(c.bytes / 1000).toFixed(1)} KB ${c.encoding})`).join(", ")} on ${mirror.origin}.`);
      throughput = await measureThroughput(appOrigin, mirror.origin);
      if (five) {
        for (const which of ["parley", "mirror"] as const) {
          const origin = which === "parley" ? await appOrigin() : mirror.origin;
          try {
            const result = await cannon(ROOT, `${origin}${talkPath(five)}`, 10, 10);
            throughput.push({ name: "5,000-event talk page (informational)", path: talkPath(five), server: which, connections: 10, result, error: null });
            log(`  5,000-event talk page ${which}, 10 connections: ${result.requestsPerSecond.toFixed(1)} req/s, p99 ${result.latencyP99Ms} ms, errors ${result.errors}`);
          } catch (error) {
            throughput.push({ name: "5,000-event talk page (informational)", path: talkPath(five), server: which, connections: 10, result: null, error: error instanceof Error ? error.message : String(error) });
          }
        }
      }
    }
    const peakRss = server?.peakRss() ?? null;

    log();
    log("=".repeat(100));
    log(`Results: medians (min–max) of ${opts.runs} runs. KB = 1,000 bytes. Columns: peer data set at N events, and the 30-day generated talk (5,000 statements).`);
    if (opts.parts.has("browser")) printBrowser(subjects, browserRecords, verdicts);
    if (opts.parts.has("http")) printHttp(subjects, httpRecords, staticOrigin, verdicts);
    if (opts.parts.has("throughput")) printThroughput(throughput, verdicts);
    if (peakRss) log(`\nParley server peak resident memory: ${(peakRss / 1_000_000).toFixed(0)} MB${restarts.length ? " (since its last start)" : " (whole run)"}`);
    if (restarts.length) log(`Warning: the Parley server stopped ${restarts.length} time(s) during the run, not by this bench (${restarts.map((r) => `${r.at}: ${r.status}`).join("; ")}); it was started again; a measure in flight at that moment is recorded as failed, and the first request after the restart may be slower.`);
    log();
    log("Targets:");
    for (const v of verdicts) log(`  ${v.verdict.padEnd(4)}  ${v.target}${v.subject ? ` at ${v.subject}` : ""}: ${v.detail}`);
    const loadAfter = loadAverage();
    log(`\nLoad average at the start: ${machine.loadAverage.join(" ")}; at the end: ${loadAfter.join(" ")}${(loadAfter[0] ?? 0) > machine.cores * 0.5 ? " (busy: other work shared the cores; compare medians with care)" : ""}`);
    mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, `${stamp}.json`);
    const record = {
      date: started.toISOString(),
      machine,
      loadAverageAtEnd: loadAfter,
      commit,
      build: { id: copied, builtAt: build.builtAt, distDir: DIST_DIR },
      options: { runs: opts.runs, n: opts.ns, parts: [...opts.parts] },
      subjects: subjects.map(({ doc: _doc, ...s }) => s),
      database: { key: db.key, cached: db.hit },
      peakRssBytes: peakRss,
      serverRestarts: restarts,
      verdicts,
      http: httpRecords,
      browser: browserRecords,
      throughput: { captured, runs: throughput },
    };
    writeFileSync(file, JSON.stringify(record, null, 1));
    log(`All samples: ${path.relative(ROOT, file)}`);
  } finally {
    await cleanup();
  }
}

runMain(main, USAGE);
