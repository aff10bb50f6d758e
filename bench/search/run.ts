// `npm run bench:search`: search over 100,000 statements, on SQLite and on PostgreSQL in one run.
// Fifty generated talks of 2,000 statements each (bench/timeline/generate.ts, one seed per talk)
// and the Beijing talk are loaded into each database through the app's own loader; then 20 queries
// — words, phrases, prefixes, filters — are timed in a process per database that calls the search
// page's read (lib/data/search.ts) as the server does. Prints each query's median and p95, and the
// median and p95 of all samples, against the target (median ≤ 10 ms on SQLite). See bench/README.md.
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../../lib/db";
import { parseDatabaseUrl } from "../../lib/env";
import { compactSearchIndex } from "../../lib/search/maintenance";
import { loadTalkDocument } from "../../lib/talk-document/load";
import type { TalkDocument } from "../../lib/talk-document/schema";
import { addLocalDays } from "../../lib/time/local-day";
import { startDatabaseRun } from "../common/database-run";
import { loadAverage, runMain, UsageError } from "../common/run-support";
import { cachedDatabase, loadSeed } from "../peer/data";
import { generateTalkDocument } from "../timeline/generate";
import { removeDatabase } from "../timeline/database";
import type { BenchQuery, Plan, Samples } from "./measure";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORK = path.join(ROOT, "bench/results/search");
// Not the 5,000 of `npm run bench`'s talk: the loader writes a talk in one transaction, and on
// PostgreSQL that one passes the 5 s a transaction may take when the machine is busy.
const PER_TALK = 2_000;
const TARGET_MEDIAN_MS = 10;
const USAGE = `Usage: npm run bench:search -- [--statements N] [--runs R] [--only sqlite|postgresql] [--as-loaded]
  --statements N  statements in all, in talks of ${PER_TALK.toLocaleString("en-US")} (default 100000)
  --runs R        timed runs of each query (default 15), after 2 that are not counted
  --only D        one database only
  --as-loaded     leave SQLite's index as the loader leaves it, not compacted as db:load does`;

/** The generated talks: one seed each, three weeks long, a month apart. */
function talks(statements: number): TalkDocument[] {
  return Array.from({ length: Math.ceil(statements / PER_TALK) }, (_, i) =>
    generateTalkDocument({
      seed: 4_000 + i,
      slug: `bench-search-${String(i + 1).padStart(2, "0")}`,
      firstDay: addLocalDays("2021-01-04", i * 30),
      days: 21,
      sessions: 240,
      statements: Math.min(PER_TALK, statements - i * PER_TALK),
      timeZone: "Europe/Zurich",
    }),
  );
}

/** The 20 queries: what an analyst would type into the box over these talks, with the page's filters. */
function queries(docs: TalkDocument[]): BenchQuery[] {
  const middle = docs[Math.floor(docs.length / 2)]!;
  const from = addLocalDays(middle.talk.firstDay, 10);
  const to = addLocalDays(from, 6);
  const envoy = middle.envoys[0]!.slug;
  const w = (label: string, q: string, filters: BenchQuery["filters"] = {}): BenchQuery => ({ label, q, filters });
  return [
    w("word, common", "verification"),
    w("word, less common", "breakthrough"),
    w("two words", "mediator brackets"),
    w("three words", "delegation capital overnight"),
    w("phrase", '"huge difference"'),
    w("phrase, short words", '"step by step"'),
    w("phrase, six words", '"not acceptable in its current form"'),
    w("phrase in session titles", '"working group"'),
    w("prefix", "verif*"),
    w("prefix", "concess*"),
    w("prefix and word", "demarc* border"),
    w("word in titles", "geneva"),
    w("word + talk", "verification", { talk: middle.talk.slug }),
    w("phrase + party", '"huge difference"', { party: "borealis" }),
    w("word + envoy", "proposal", { envoy }),
    w("word + kind", "breakthrough", { kind: "assessment" }),
    w("word + issue", "border", { issue: "border-demarcation" }),
    w("word + days", "sanctions", { from, to }),
    w("word + talk + days", "capital", { talk: middle.talk.slug, from, to }),
    w("nothing found", "quokka"),
  ];
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN;
};
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

function measure(url: string, plan: Plan): Promise<Samples> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "bench/search/measure.ts")],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, BENCH_SEARCH_PLAN: JSON.stringify(plan) }, maxBuffer: 64 * 1024 * 1024, timeout: 30 * 60_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as Samples)),
    );
  });
}

async function main() {
  const { values } = parseArgs({
    options: { statements: { type: "string", default: "100000" }, runs: { type: "string", default: "15" }, only: { type: "string" }, "as-loaded": { type: "boolean", default: false } },
  });
  const statements = Number(values.statements);
  const runs = Number(values.runs);
  if (!Number.isInteger(statements) || statements < 1) throw new UsageError(`--statements must be a positive whole number, not ${values.statements}.`);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a positive whole number, not ${values.runs}.`);
  if (values.only && values.only !== "sqlite" && values.only !== "postgresql") throw new UsageError(`--only takes sqlite or postgresql, not ${values.only}.`);
  const databases = values.only ? [values.only as "sqlite" | "postgresql"] : (["sqlite", "postgresql"] as const);

  const { dir, machine, log, cleanup, startPostgres, stopPostgres } = startDatabaseRun(WORK);
  try {
    const generated = talks(statements);
    const docs = [...generated, loadSeed()];
    const total = docs.reduce((n, d) => n + d.statements.length, 0);
    log(`Data: ${generated.length} generated talks and the Beijing talk: ${total.toLocaleString("en-US")} statements, ${docs.reduce((n, d) => n + d.sessions.length, 0).toLocaleString("en-US")} sessions.`);
    const plan: Plan = { queries: queries(generated), runs, warmUp: 2 };

    const results: Record<string, Samples & { loadSeconds: number | null; cached?: boolean }> = {};
    for (const database of databases) {
      let url: string;
      let loadSeconds: number | null = null;
      let cached: boolean | undefined;
      const t = performance.now();
      if (database === "sqlite") {
        const file = path.join(dir, "search.db");
        const prepared = await cachedDatabase(docs, file, log);
        url = `file:${file}`;
        cached = prepared.hit;
        // Compacted as `npm run db:load` leaves a database it loaded (lib/search/maintenance.ts).
        if (!values["as-loaded"]) {
          const db = await createDb(parseDatabaseUrl(url));
          try {
            await compactSearchIndex(db);
          } finally {
            await db.$disconnect();
          }
        }
        if (!prepared.hit) loadSeconds = prepared.loadMs.reduce((a, b) => a + b, 0) / 1000;
        log(`SQLite: ${prepared.hit ? "copied from the cache" : `loaded in ${loadSeconds!.toFixed(0)} s`}, search index ${values["as-loaded"] ? "as loaded" : "compacted"} (${((performance.now() - t) / 1000).toFixed(0)} s).`);
      } else {
        const { config } = await startPostgres("parley_search_bench", " and loading the talks");
        url = config.url;
        const db = await createDb(config);
        try {
          for (const doc of docs) if ((await loadTalkDocument(db, doc, "bench")).status !== "created") throw new Error(`${doc.talk.slug} was already there.`);
          // As `npm run db:load` leaves it (lib/search/maintenance.ts), and the other tables as
          // autovacuum would have by the time anyone searched.
          await compactSearchIndex(db);
          await db.$executeRawUnsafe("VACUUM ANALYZE");
        } finally {
          await db.$disconnect();
        }
        loadSeconds = (performance.now() - t) / 1000;
        log(`PostgreSQL: loaded and analysed in ${loadSeconds.toFixed(0)} s.`);
      }
      log(`${database}: timing ${plan.queries.length} queries, ${runs} runs each…`);
      results[database] = { ...(await measure(url, plan)), loadSeconds, cached };
      if (database === "postgresql") await stopPostgres();
      else removeDatabase(path.join(dir, "search.db"));
    }

    log("");
    log(`Search page read (lib/data/search.ts searchRecords: the ranked query and the page's records), ms, over ${runs} runs; the query alone in brackets:`);
    const header = ["#", "query", "filters", "found", ...databases.flatMap((d) => [`${d} median`, `${d} p95`])];
    log(header.join(" | "));
    plan.queries.forEach((q, i) => {
      const cells = databases.flatMap((d) => {
        const s = results[d]!;
        return [`${ms(quantile(s.page[i]!, 0.5))} (${ms(quantile(s.query[i]!, 0.5))})`, `${ms(quantile(s.page[i]!, 0.95))} (${ms(quantile(s.query[i]!, 0.95))})`];
      });
      const found = databases.map((d) => results[d]!.found[i]!).join(" / ");
      log([i + 1, `${q.label}: ${q.q}`, Object.entries(q.filters).map(([k, v]) => `${k}=${v}`).join(" ") || "–", found, ...cells].join(" | "));
    });
    const verdicts: Record<string, unknown> = {};
    for (const d of databases) {
      const all = results[d]!.page.flat();
      const queryOnly = results[d]!.query.flat();
      const median = quantile(all, 0.5);
      log(`${d}: all ${all.length} samples: median ${ms(median)} ms, p95 ${ms(quantile(all, 0.95))} ms (query alone: median ${ms(quantile(queryOnly, 0.5))}, p95 ${ms(quantile(queryOnly, 0.95))})`);
      verdicts[d] = { median, p95: quantile(all, 0.95), queryMedian: quantile(queryOnly, 0.5), queryP95: quantile(queryOnly, 0.95) };
      if (d === "sqlite") log(`Target: median ≤ ${TARGET_MEDIAN_MS} ms on SQLite: ${median <= TARGET_MEDIAN_MS ? "PASS" : "**FAIL**"}`);
    }
    const mismatch = plan.queries.filter((_, i) => new Set(databases.map((d) => results[d]!.found[i])).size > 1);
    if (mismatch.length) log(`The databases found different numbers of records for: ${mismatch.map((q) => q.q).join(", ")}`);
    log(`Load average at the end: ${loadAverage().join(" ")}`);
    mkdirSync(WORK, { recursive: true });
    const out = path.join(WORK, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(out, JSON.stringify({ machine, statements: total, runs, asLoaded: values["as-loaded"], queries: plan.queries, results, verdicts, loadAverageEnd: loadAverage() }, null, 1));
    log(`Samples: ${path.relative(ROOT, out)}`);
  } finally {
    await cleanup();
  }
}

runMain(main, USAGE);
