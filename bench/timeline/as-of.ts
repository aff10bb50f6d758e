// `npm run bench:as-of`: the talk page "as known on" a moment against the current view, whole
// pages over HTTP from the production build (issue 13: the 5,000-statement bench talk as of its
// middle day must render in no more than 2× the time of the current view;
// docs/decisions/023-as-known-on.md). See bench/README.md ("As known on against the current view").
//
// The bench talk (LARGE_TALK) is loaded into a fresh SQLite database, then its revisions are dated
// as if the talk had been recorded live, each row on its own day (the loader dates them all at the
// load, which would leave the middle day's record empty); then 100 statements from before the
// middle day are corrected and 20 deleted through the write core (later changes, which the
// rebuild must undo). The server runs as one process (PARLEY_WORKERS=1, so "warm" means the
// process that answered before). Each run asks for:
//   - the current view, `/talks/<slug>`;
//   - the talk as of its middle day, `?asOf=<middle day>T18:00` (the issue's case);
//   - the talk as of just before the corrections, every row rebuilt (the largest rebuild);
// each "cold" (the first request after a change: a write through the write core moves the talk's
// stamp, so every read the page keeps in memory is read afresh) and then "warm" (twice more).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "../../lib/db";
import { statementStore } from "../../lib/entities/statement";
import { deleteRow, updateRow } from "../../lib/mutations/core";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { addLocalDays } from "../../lib/time/local-day";
import { venueInstants } from "../../lib/time/venue-clock";
import { printProfile } from "../common/cpu-profile";
import { describeMachine, guardCleanup, loadAverage, runMain, UsageError } from "../common/run-support";
import { prepareDatabase } from "./database";
import { generateTalkDocument, LARGE_TALK } from "./generate";
import { fetchPage, type HttpSample } from "./measure-http";
import { ensureBuild, freePort, killStarted, snapshotBuild, startServer, type RunningServer } from "./server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const OUT = path.join(ROOT, "bench/results/as-of");
const TARGET_RATIO = 2;
const WARM_PER_RUN = 2;

const USAGE = `Usage: npm run bench:as-of -- [--runs N] [--build] [--profile] [--keep]
  --runs N     cold requests per view (default 9), each followed by ${WARM_PER_RUN} warm ones
  --build      run \`next build\` first (default: the existing build, built only if there is none)
  --profile    run the server under node --cpu-prof and print where its time went
  --keep       keep this run's folder (bench/results/as-of/run-…: database, build copy, server log)`;

const log = (line = "") => console.log(line);

/** Nearest-rank percentile (p in 0–100) of a list of numbers. */
export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A venue clock reading on a day, as an instant (the first one, on a day the clocks turn back). */
function venueTime(day: string, minutes: number, timeZone: string): Date {
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  // A time the clocks skip (the change to summer time) is read an hour later.
  const found = venueInstants(day, clock(minutes), timeZone)[0] ?? venueInstants(day, clock(minutes + 60), timeZone)[0];
  if (!found) throw new Error(`No instant for ${day} ${clock(minutes)} in ${timeZone}`);
  return found;
}

/**
 * Dates each loaded row's revision as if the talk had been recorded as it went: a timed statement
 * or session 20 minutes after it, an untimed one during its day (09:00–22:59, spread by its order),
 * an assessment at 22:30 on its day, a row whose day is not known on the day it was reported or
 * else the first day. Returns how many revisions were moved.
 */
async function recordAsItWent(db: Db, talkId: string, firstDay: string, timeZone: string): Promise<number> {
  const [sessions, statements, assessments] = await Promise.all([
    db.session.findMany({ where: { talkId }, orderBy: { id: "asc" }, select: { id: true, localDay: true, startsAt: true } }),
    db.statement.findMany({ where: { talkId }, orderBy: { id: "asc" }, select: { id: true, saidOn: true, saidAt: true, reportedOn: true } }),
    db.assessment.findMany({ where: { talkId }, select: { id: true, localDay: true } }),
  ]);
  const spread = (i: number) => 9 * 60 + ((i * 97) % (14 * 60));
  const at = new Map<string, Date>();
  const timed = (instant: Date | null) => (instant ? new Date(instant.getTime() + 20 * 60_000) : null);
  sessions.forEach((s, i) => at.set(s.id, timed(s.startsAt) ?? venueTime(s.localDay ?? firstDay, spread(i), timeZone)));
  statements.forEach((s, i) => at.set(s.id, timed(s.saidAt) ?? venueTime(s.saidOn ?? s.reportedOn ?? firstDay, spread(i), timeZone)));
  assessments.forEach((a) => at.set(a.id, venueTime(a.localDay, 22 * 60 + 30, timeZone)));
  const revisions = await db.revision.findMany({ where: { talkId, entityId: { in: [...at.keys()] } }, select: { id: true, entityId: true } });
  await db.$transaction(revisions.map((r) => db.revision.update({ where: { id: r.id }, data: { at: at.get(r.entityId)! } })));
  // The talk itself, its parties and agenda: recorded before its first day.
  await db.revision.updateMany({ where: { talkId, entityType: "talk" }, data: { at: venueTime(firstDay, 8 * 60, timeZone) } });
  return revisions.length;
}

type View = { name: string; query: string };
type ViewResult = View & { cold: HttpSample[]; warm: HttpSample[]; statementsInHtml: number; bannerShown: boolean };

async function main() {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "9" },
      build: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    log(USAGE);
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new UsageError(`--runs must be a whole number from 1 to 100, not "${values.runs}".`);
  const started = new Date();
  const machine = describeMachine();
  const stamp = started.toISOString().replaceAll(":", "-").slice(0, 19);
  const work = path.join(OUT, `run-${stamp}-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const profiles = path.join(work, "profiles");

  let server: RunningServer | null = null;
  let db: Db | null = null;
  const { cleanup, abort } = guardCleanup(async () => {
    await server?.stop().catch(() => undefined);
    killStarted();
    await db?.$disconnect().catch(() => undefined);
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else log(`Kept ${path.relative(ROOT, work)}.`);
  });
  try {
    log(`Parley "as known on" bench — ${started.toISOString()}`);
    log(`Machine: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, load average ${machine.loadAverage.join(" ")}`);
    const build = await ensureBuild(ROOT, values.build, log);
    log(`Build: ${build.id}, ${build.built ? "built now" : `built ${build.builtAt.toISOString()}`}`);
    if (build.newerSources.length) log(`Warning: ${build.newerSources.length} source file(s) changed after this build (${build.newerSources.slice(0, 4).join(", ")}…); run with --build to measure the current code.`);
    const budgetMs = 5 * 60_000 + runs * 60_000;
    setTimeout(() => abort(`The bench took longer than ${budgetMs / 60_000} minutes`, 1), budgetMs).unref();

    // The talk, recorded as it went, then corrected.
    const doc = TalkDocumentSchema.parse(generateTalkDocument(LARGE_TALK));
    const { url, config } = await prepareDatabase(path.join(work, "bench.db"), [doc]);
    db = await createDb(config);
    const talk = await db.talk.findFirstOrThrow({ where: { slug: doc.talk.slug }, select: { id: true, firstDay: true, venueTimeZone: true } });
    const moved = await recordAsItWent(db, talk.id, talk.firstDay, talk.venueTimeZone);
    const middle = addLocalDays(talk.firstDay, Math.floor(LARGE_TALK.days / 2));
    const beforeCorrections = new Date();
    await new Promise((r) => setTimeout(r, 20));
    const actor = { id: null, name: "bench" };
    const early = await db.statement.findMany({ where: { talkId: talk.id, saidOn: { lt: middle } }, orderBy: { id: "asc" }, select: { id: true }, take: 120 });
    for (const [i, { id }] of early.entries()) {
      const row = (await statementStore.read(db, id))!;
      if (i < 100) await updateRow(db, statementStore, id, { expectedVersion: row.version, snapshot: { ...row.snapshot, text: `${row.snapshot.text} (corrected)` }, actor });
      else await deleteRow(db, statementStore, id, { expectedVersion: row.version, actor });
    }
    log(`Talk ${doc.talk.slug}: ${doc.statements.length.toLocaleString("en-US")} statements, ${doc.sessions.length} sessions; ${moved.toLocaleString("en-US")} revisions dated along its days; 100 statements before ${middle} corrected and 20 deleted since.`);

    // A change before each cold request: one statement of the last day, its text toggled.
    const poke = await db.statement.findFirstOrThrow({ where: { talkId: talk.id, saidOn: addLocalDays(talk.firstDay, LARGE_TALK.days - 1), deletedAt: null }, select: { id: true } });
    let toggles = 0;
    const change = async () => {
      const row = (await statementStore.read(db!, poke.id))!;
      const text = toggles++ % 2 === 0 ? `${row.snapshot.text} (edited)` : row.snapshot.text.replace(/ \(edited\)$/, "");
      await updateRow(db!, statementStore, poke.id, { expectedVersion: row.version, snapshot: { ...row.snapshot, text }, actor });
    };

    if (values.profile) {
      process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${profiles}`;
    }
    process.env.PARLEY_WORKERS = "1";
    const copied = await snapshotBuild(ROOT, path.join(work, "app"), log);
    server = await startServer({ root: ROOT, dir: path.join(work, "app"), port: await freePort(), databaseUrl: url, logFile: path.join(work, "server.log") });
    log(`Server: ${server.origin}, build ${copied}, one process.`);

    const views: View[] = [
      { name: "current view", query: "" },
      { name: `as of ${middle}T18:00 (middle day)`, query: `?${new URLSearchParams({ asOf: `${middle}T18:00` })}` },
      { name: "as of before the corrections (whole talk)", query: `?${new URLSearchParams({ asOf: beforeCorrections.toISOString() })}` },
    ];
    const results: ViewResult[] = views.map((v) => ({ ...v, cold: [], warm: [], statementsInHtml: 0, bannerShown: false }));
    const pageUrl = (v: View) => `${server!.origin}/talks/${doc.talk.slug}${v.query}`;
    // Warm-up: the server's first-time costs (chunks, Prisma client), not counted.
    for (const v of views) await fetchPage(pageUrl(v));
    for (let run = 0; run < runs; run++) {
      // Each run in another order, so neither view always follows the other.
      const order = results.map((_, i) => (i + run) % results.length);
      for (const i of order) {
        const r = results[i]!;
        await change();
        r.cold.push(await fetchPage(pageUrl(r)));
        for (let w = 0; w < WARM_PER_RUN; w++) r.warm.push(await fetchPage(pageUrl(r)));
      }
      process.stdout.write(`  run ${run + 1}/${runs}\r`);
    }
    for (const r of results) {
      const html = r.cold.at(-1)!.html;
      r.statementsInHtml = (html.match(/id="statement-/g) ?? []).length;
      r.bannerShown = html.includes("The record as known on");
      if ((r.query !== "") !== r.bannerShown) throw new Error(`${r.name}: the page ${r.bannerShown ? "shows" : "lacks"} the "as known on" banner.`);
    }

    const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
    const stat = (samples: HttpSample[], key: "ttfbMs" | "ttlbMs") => {
      const xs = samples.map((s) => s[key]);
      return { median: percentile(xs, 50), p90: percentile(xs, 90) };
    };
    log();
    log(`Whole page over HTTP (last byte; first byte in brackets), ms: median / p90 of ${runs} cold and ${runs * WARM_PER_RUN} warm requests`);
    const rows = results.map((r) => {
      const c = stat(r.cold, "ttlbMs");
      const w = stat(r.warm, "ttlbMs");
      const cf = stat(r.cold, "ttfbMs");
      const wf = stat(r.warm, "ttfbMs");
      return [r.name, `${ms(c.median)} / ${ms(c.p90)} (${ms(cf.median)})`, `${ms(w.median)} / ${ms(w.p90)} (${ms(wf.median)})`, String(r.statementsInHtml), `${(Buffer.byteLength(r.cold.at(-1)!.html) / 1000).toFixed(0)} KB`];
    });
    const header = ["view", "cold", "warm", "statements in HTML", "HTML"];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const line of [header, ...rows]) log(`  ${line.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}`);
    log();
    const current = results[0]!;
    const ratios = results.slice(1).map((r) => {
      const ratio = (key: "cold" | "warm", p: number) => percentile(r[key].map((s) => s.ttlbMs), p) / percentile(current[key].map((s) => s.ttlbMs), p);
      return { view: r.name, cold: { median: ratio("cold", 50), p90: ratio("cold", 90) }, warm: { median: ratio("warm", 50), p90: ratio("warm", 90) } };
    });
    for (const r of ratios) {
      const verdict = r.cold.median <= TARGET_RATIO && r.warm.median <= TARGET_RATIO ? "PASS" : "FAIL";
      log(`  ${r.view} ÷ current view: cold ${r.cold.median.toFixed(2)}× (p90 ${r.cold.p90.toFixed(2)}×), warm ${r.warm.median.toFixed(2)}× (p90 ${r.warm.p90.toFixed(2)}×); target ≤ ${TARGET_RATIO}× on the medians: ${verdict}`);
    }
    const loadAfter = loadAverage();
    log(`Load average at the end: ${loadAfter.join(" ")}${(loadAfter[0] ?? 0) > machine.cores * 0.5 ? " (busy: other work shared the cores)" : ""}`);

    const strip = (s: HttpSample) => ({ ttfbMs: s.ttfbMs, ttlbMs: s.ttlbMs, bytes: s.transferBytes });
    const file = path.join(OUT, `${stamp}.json`);
    writeFileSync(
      file,
      JSON.stringify({ date: started.toISOString(), machine, loadAverageAtEnd: loadAfter, build: copied, runs, middle, ratios, views: results.map((r) => ({ name: r.name, query: r.query, statementsInHtml: r.statementsInHtml, cold: r.cold.map(strip), warm: r.warm.map(strip) })) }, null, 1),
    );
    log(`All samples: ${path.relative(ROOT, file)}`);
    if (values.profile) {
      await server.stop(); // the profile is written as the server exits
      server = null;
      for (const f of readdirSync(profiles).filter((f) => f.endsWith(".cpuprofile"))) printProfile(path.join(profiles, f), log);
    }
  } finally {
    await cleanup();
  }
}

runMain(main, USAGE);
