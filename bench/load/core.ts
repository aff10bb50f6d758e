// `npm run bench:load:core`: the write core alone — lib/mutations/statements.ts createStatement,
// called in-process by concurrent savers, no HTTP, no Next.js — in one or several processes on one
// SQLite database (as the app's workers share it). Tells a save's own cost apart from the app's
// around it, and shows what a second process does to SQLite's one write lock. See bench/README.md.
import { AsyncLocalStorage } from "node:async_hooks";
import { fork } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb } from "../../lib/db";
import { parseDatabaseUrl } from "../../lib/env";
import { StatementInput } from "../../lib/entities/statement";
import { createStatement } from "../../lib/mutations/statements";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { describeMachine, runMain, UsageError } from "../common/run-support";
import { prepareDatabase, removeDatabase } from "../timeline/database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORK = path.join(ROOT, "bench/results/load");
const SLUG = "japan-dprk-beijing-2006";
const USAGE = `Usage: npm run bench:load:core -- [--processes P] [--savers N] [--seconds S]
  --processes P  processes saving at once on the same database (default 1)
  --savers N     concurrent savers in each process (default 20)
  --seconds S    how long (default 10)`;

type Result = { saved: number; latencies: number[] };

/** One process's savers, until `until` (epoch ms). */
async function save(url: string, savers: number, until: number, tag: string): Promise<Result> {
  const db = await createDb(parseDatabaseUrl(url));
  const latencies: number[] = [];
  let saved = 0;
  await Promise.all(
    Array.from({ length: savers }, async (_, s) => {
      for (let n = 0; Date.now() < until; n++) {
        const input = StatementInput.parse({
          talk: SLUG,
          speaker: "envoy:song-il-ho",
          capacity: "unknown",
          kind: "paraphrase",
          saidPrecision: "day",
          saidOn: "2006-02-07",
          setting: "unknown",
          text: `${tag} saver ${s} statement ${n}: North Korea repeated its position.`,
          saveKey: crypto.randomUUID(),
        });
        const t0 = performance.now();
        await createStatement(db, input, { id: null, name: "bench" });
        latencies.push(performance.now() - t0);
        saved++;
      }
    }),
  );
  await db.$disconnect();
  return { saved, latencies };
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!.toFixed(1) : "n/a";
};

async function main() {
  if (process.env.BENCH_CORE_CHILD) {
    const { url, savers, until, tag } = JSON.parse(process.env.BENCH_CORE_CHILD) as { url: string; savers: number; until: number; tag: string };
    process.send!(await save(url, savers, until, tag));
    return;
  }
  const { values } = parseArgs({ options: { processes: { type: "string", default: "1" }, savers: { type: "string", default: "20" }, seconds: { type: "string", default: "10" } } });
  const processes = Number(values.processes);
  const savers = Number(values.savers);
  const seconds = Number(values.seconds);
  if (![processes, savers].every((n) => Number.isInteger(n) && n >= 1) || !(seconds > 0)) throw new UsageError("--processes and --savers take whole numbers from 1, --seconds a positive number.");
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, "core.db");
  const seed = TalkDocumentSchema.parse(JSON.parse(readFileSync(path.join(ROOT, "prisma/seed", `${SLUG}.json`), "utf8")));
  const { url } = await prepareDatabase(file, [seed]);
  try {
    const until = Date.now() + 1_500 + seconds * 1000;
    const started = Date.now() + 1_500;
    const results = await Promise.all(
      Array.from({ length: processes }, (_, p) => {
        // One process: this one (simpler to profile).
        if (processes === 1) {
          // BENCH_CORE_ALS=1: inside an AsyncLocalStorage context, as every request in Next.js is
          // (on Node 20 that turns on async hooks for every promise).
          const run = () => save(url, savers, until, "p0");
          const inContext = process.env.BENCH_CORE_ALS === "1" ? () => new AsyncLocalStorage<object>().run({}, run) : run;
          return new Promise<void>((r) => setTimeout(r, 1_500)).then(inContext);
        }
        const child = fork(import.meta.filename, [], {
          env: { ...process.env, BENCH_CORE_CHILD: JSON.stringify({ url, savers, until, tag: `p${p}` }) },
          execArgv: process.execArgv,
        });
        return new Promise<Result>((resolve, reject) => {
          child.once("message", (m) => resolve(m as Result));
          child.once("exit", (code) => (code ? reject(new Error(`saver process ${p} exited with ${code}`)) : undefined));
        });
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const all = results.flatMap((r) => r.latencies);
    const saved = results.reduce((a, r) => a + r.saved, 0);
    console.log(`Machine: ${JSON.stringify(describeMachine())}`);
    console.log(`${processes} process(es) × ${savers} savers, ${elapsed.toFixed(1)} s: ${saved} statements, ${(saved / elapsed).toFixed(0)}/s; latency ms p50 ${pct(all, 0.5)}, p99 ${pct(all, 0.99)}`);
  } finally {
    removeDatabase(file);
  }
}

runMain(main, USAGE);
