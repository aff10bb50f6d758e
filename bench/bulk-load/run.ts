// `npm run bench:bulk`: loading a large talk document into an empty database (issue 12), on
// SQLite and PostgreSQL in one run, with the current loader and the reference one (the loader at
// commit 30d523a, bench/bulk-load/reference-load.ts) side by side. The talks are the bench talk
// (bench/timeline/generate.ts LARGE_TALK: 5,000 statements) and the same generator at 20,000
// statements. Each load runs in a fresh process (bench/bulk-load/measure.ts) on a fresh database:
// a copy of the migrated SQLite template, or a PostgreSQL database made from a migrated template
// database in one throwaway cluster with durable settings. Prints, per database, size and loader,
// the median and min–max of the load (parsed document → committed), of the parse and validation
// alone, of the process's CPU time during the load, and the peak resident memory. See
// bench/README.md.
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { TalkDocument } from "../../lib/talk-document/schema";
import type { PostgresCluster } from "../../test/support/postgres";
import { sqliteTemplate } from "../../test/support/sqlite-template";
import { startDatabaseRun } from "../common/database-run";
import { loadAverage, runMain, UsageError } from "../common/run-support";
import { removeDatabase } from "../timeline/database";
import { generateTalkDocument, LARGE_TALK, type GenerateOptions } from "../timeline/generate";
import type { Sample } from "./measure";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORK = path.join(ROOT, "bench/results/bulk-load");

/** The issue's targets, seconds from a parsed document to committed. */
const TARGETS: Record<Database, Record<number, number>> = {
  sqlite: { 5_000: 3, 20_000: 12 },
  postgresql: { 5_000: 5, 20_000: 12 },
};

/** The bench talk, and the same round four times as dense (there is no 20,000-statement preset in bench/timeline). */
const TALKS: Record<number, GenerateOptions> = {
  5_000: LARGE_TALK,
  20_000: { ...LARGE_TALK, slug: "bench-geneva-30-days-20k", sessions: 2_400, statements: 20_000 },
};

type Database = "sqlite" | "postgresql";
type Loader = "current" | "reference";

const USAGE = `Usage: npm run bench:bulk -- [--runs N] [--reference-runs N] [--sizes 5000,20000] [--only sqlite|postgresql] [--no-reference]
  --runs N            loads per database and size with the current loader (default 3)
  --reference-runs N  loads per database and size with the reference loader (default: as --runs; it takes about 6 times as long)
  --sizes LIST     statements per talk (default 5000,20000; each must be one of ${Object.keys(TALKS).join(", ")})
  --only D         one database only
  --no-reference   only the current loader`;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => {
  const s = sorted(xs);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(2);
const spread = (xs: number[], f: (x: number) => string) => `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;

function measure(url: string, file: string, loader: Loader): Promise<Sample> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "bench/bulk-load/measure.ts"), file, loader],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, maxBuffer: 16 * 1024 * 1024, timeout: 15 * 60_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as Sample)),
    );
  });
}

/**
 * CPU seconds the cluster's processes have used so far: the postmaster and its live children, and
 * the children it has reaped (a backend's time moves to the postmaster's cutime/cstime when the
 * client disconnects and it exits). Linux /proc; NaN elsewhere.
 */
function clusterCpuMs(cluster: PostgresCluster): number {
  try {
    const ticks = 100; // USER_HZ on Linux
    const postmaster = Number(readFileSync(path.join(cluster.dir, "postmaster.pid"), "utf8").split("\n")[0]);
    const stat = (pid: number) => {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      return text.slice(text.lastIndexOf(")") + 2).split(" ");
    };
    const own = stat(postmaster);
    // Fields after the name: state is [0], ppid [1], utime [11], stime [12], cutime [13], cstime [14].
    let total = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const f = stat(Number(entry));
        if (Number(f[1]) === postmaster) total += Number(f[11]) + Number(f[12]);
      } catch {
        // gone meanwhile
      }
    }
    return (total / ticks) * 1000;
  } catch {
    return NaN;
  }
}

async function adminQuery(cluster: PostgresCluster, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { runs: { type: "string", default: "3" }, "reference-runs": { type: "string" }, sizes: { type: "string", default: "5000,20000" }, only: { type: "string" }, "no-reference": { type: "boolean", default: false } },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new UsageError(`--runs must be a positive whole number, not ${values.runs}.`);
  const referenceRuns = Number(values["reference-runs"] ?? runs);
  if (!Number.isInteger(referenceRuns) || referenceRuns < 1) throw new UsageError(`--reference-runs must be a positive whole number, not ${values["reference-runs"]}.`);
  const sizes = values.sizes.split(",").map(Number);
  for (const n of sizes) if (!TALKS[n]) throw new UsageError(`--sizes: no talk of ${n} statements.`);
  if (values.only && values.only !== "sqlite" && values.only !== "postgresql") throw new UsageError(`--only takes sqlite or postgresql, not ${values.only}.`);
  const databases: Database[] = values.only ? [values.only as Database] : ["sqlite", "postgresql"];
  const loaders: Loader[] = values["no-reference"] ? ["current"] : ["current", "reference"];

  const { dir, machine, log, cleanup, cluster: running, startPostgres, stopPostgres } = startDatabaseRun(WORK);
  try {
    const files: Record<number, string> = {};
    for (const n of sizes) {
      const doc: TalkDocument = generateTalkDocument(TALKS[n]);
      files[n] = path.join(dir, `talk-${n}.json`);
      writeFileSync(files[n], JSON.stringify(doc));
      log(`Talk of ${n.toLocaleString("en-US")} statements: ${doc.sessions.length} sessions, ${doc.assessments.length} assessments, ${doc.linkages.length} linkages.`);
    }

    const results: { database: Database; n: number; loader: Loader; samples: Sample[] }[] = [];
    for (const database of databases) {
      let fresh: () => Promise<{ url: string; drop: () => Promise<void> }>;
      if (database === "sqlite") {
        const template = await sqliteTemplate();
        let i = 0;
        fresh = () => {
          const file = path.join(dir, `load-${i++}.db`);
          copyFileSync(template, file);
          return Promise.resolve({ url: `file:${file}`, drop: () => Promise.resolve(removeDatabase(file)) });
        };
      } else {
        const { cluster: c } = await startPostgres("parley_bulk_template");
        let i = 0;
        fresh = async () => {
          const name = `parley_bulk_${i++}`;
          await adminQuery(c, `CREATE DATABASE "${name}" TEMPLATE "parley_bulk_template"`);
          const url = new URL(c.url);
          url.pathname = `/${name}`;
          return { url: url.toString(), drop: () => adminQuery(c, `DROP DATABASE "${name}" WITH (FORCE)`) };
        };
      }
      for (const n of sizes) {
        for (const loader of loaders) {
          const samples: Sample[] = [];
          // Alternating would be fairer to drifting load; one loader's runs together keep each
          // number's spread its own. Both are printed with the load average.
          for (let r = 0; r < (loader === "current" ? runs : referenceRuns); r++) {
            const target = await fresh();
            try {
              const cluster = running();
              const before = cluster ? clusterCpuMs(cluster) : NaN;
              const s = await measure(target.url, files[n]!, loader);
              // The backend's time reaches the postmaster once it has exited after the disconnect.
              if (cluster) await new Promise((resolve) => setTimeout(resolve, 300));
              const serverCpuMs = cluster ? clusterCpuMs(cluster) - before : NaN;
              s.serverCpuMs = serverCpuMs;
              if (s.statements !== n) throw new Error(`${database} ${loader}: ${s.statements} statements after loading ${n}.`);
              samples.push(s);
              log(`  ${database} ${n.toLocaleString("en-US")} ${loader} run ${r + 1}: load ${sec(s.loadMs)} s (CPU ${sec(s.loadCpuMs)} s${cluster ? `; PostgreSQL server ${sec(serverCpuMs)} s for the whole process` : ""}), parse ${sec(s.parseMs)} s, peak RSS ${s.peakRssMB.toFixed(0)} MB, ${s.revisions.toLocaleString("en-US")} revisions; load average ${loadAverage()[0]}`);
            } finally {
              await target.drop();
            }
          }
          results.push({ database, n, loader, samples });
        }
      }
      if (database === "postgresql") await stopPostgres();
    }

    log("");
    log(`Loading a parsed talk document into an empty database (plan + write, to the commit), ${runs} runs each${loaders.includes("reference") ? ` (reference: ${referenceRuns})` : ""}: median (min–max).`);
    log(["database", "statements", "loader", "load s", "process CPU s", "server CPU s", "parse + validate s", "peak RSS MB", "target"].join(" | "));
    for (const r of results) {
      const target = TARGETS[r.database][r.n];
      const med = median(r.samples.map((s) => s.loadMs)) / 1000;
      const verdict = r.loader === "current" && target ? `≤ ${target} s: ${med <= target ? "PASS" : "**FAIL**"}` : "";
      log(
        [
          r.database,
          r.n.toLocaleString("en-US"),
          r.loader,
          spread(r.samples.map((s) => s.loadMs), sec),
          spread(r.samples.map((s) => s.loadCpuMs), sec),
          r.database === "postgresql" ? spread(r.samples.map((s) => s.serverCpuMs ?? NaN), sec) : "(in process)",
          spread(r.samples.map((s) => s.parseMs), sec),
          spread(r.samples.map((s) => s.peakRssMB), (x) => x.toFixed(0)),
          verdict,
        ].join(" | "),
      );
    }
    log(`Load average at the end: ${loadAverage().join(" ")}${machine.cores ? ` (${machine.cores} cores)` : ""}.`);
    mkdirSync(WORK, { recursive: true });
    const out = path.join(WORK, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(out, JSON.stringify({ machine, runs, referenceRuns, sizes, results, loadAverageEnd: loadAverage() }, null, 1));
    log(`Samples: ${path.relative(ROOT, out)}`);
  } finally {
    await cleanup();
  }
}

runMain(main, USAGE);
