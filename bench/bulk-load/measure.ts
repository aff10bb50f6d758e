// One measured load, in a process of its own so that its peak resident memory is its own: reads a
// talk document from a file, parses and validates it (timed apart), then plans and writes it into
// the empty database DATABASE_URL names with the current loader or the reference one (timed from
// the parsed document to the commit). Prints one JSON line. Run by bench/bulk-load/run.ts.
import { readFileSync } from "node:fs";
import { createDb } from "../../lib/db";
import { parseDatabaseUrl } from "../../lib/env";
import { planTalkDocumentLoad, writeTalkDocumentLoad, type LoadProgress } from "../../lib/talk-document/load";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { referenceWriteTalkDocumentLoad } from "./reference-load";

export type Sample = {
  parseMs: number;
  loadMs: number;
  /** CPU time of this process (user + system) during the load: the database's too on SQLite, not PostgreSQL's server. */
  loadCpuMs: number;
  /** Resident memory just before the load, and the process's peak (VmHWM) at the end. */
  rssBeforeMB: number;
  /** PostgreSQL only, filled in by run.ts: the cluster's CPU time while this process ran (connecting and planning included). */
  serverCpuMs?: number;
  peakRssMB: number;
  /** onProgress events the write sent. */
  progressEvents: number;
  statements: number;
  revisions: number;
};

function vmHwmMB(): number {
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

async function main() {
  const [file, loader] = process.argv.slice(2);
  if (!file || (loader !== "current" && loader !== "reference")) throw new Error("usage: measure.ts <document.json> current|reference");
  const text = readFileSync(file, "utf8");
  const db = await createDb(parseDatabaseUrl(process.env.DATABASE_URL ?? ""));
  try {
    await db.talk.count(); // connected, and the client's first-query costs paid before timing
    let t = performance.now();
    const doc = TalkDocumentSchema.parse(JSON.parse(text));
    const parseMs = performance.now() - t;
    const rssBeforeMB = process.memoryUsage().rss / 2 ** 20;
    const events: LoadProgress[] = [];
    const cpu = process.cpuUsage();
    t = performance.now();
    const plan = await planTalkDocumentLoad(db, doc, "bench");
    if (plan.status !== "new") throw new Error(`${doc.talk.slug} is already in the database.`);
    const write = loader === "current" ? writeTalkDocumentLoad : referenceWriteTalkDocumentLoad;
    await write(db, plan.prepared, { onProgress: (p) => events.push(p) });
    const loadMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const sample: Sample = {
      parseMs,
      loadMs,
      loadCpuMs: (used.user + used.system) / 1000,
      rssBeforeMB,
      peakRssMB: vmHwmMB(),
      progressEvents: events.length,
      statements: await db.statement.count(),
      revisions: await db.revision.count(),
    };
    console.log(JSON.stringify(sample));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
