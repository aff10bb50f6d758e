// Reads a V8 CPU profile (`node --cpu-prof`) and says where the time went: self time by function
// and by area (Next.js, React's server renderer, Prisma, the database driver, Parley's own code,
// Node itself), and inclusive time for Parley's own functions. Used by `npm run bench:load --
// --profile` (bench/README.md); runnable alone: `node --import tsx bench/common/cpu-profile.ts F`.
import { readFileSync } from "node:fs";
import path from "node:path";

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Where a script belongs, from its URL: the bundle chunk names keep the package they came from. */
export function areaOf(url: string): string {
  if (!url) return "(V8: idle, GC, native)";
  if (url.startsWith("node:")) return "Node itself";
  const u = url.replace(/^file:\/\//, "");
  const rules: [RegExp, string][] = [
    [/better-sqlite3|adapter-better-sqlite3/, "SQLite driver"],
    [/[/_]pg[/-]|adapter-pg|pg-protocol|pg-pool/, "PostgreSQL driver"],
    [/prisma|query_compiler|client-runtime/, "Prisma"],
    [/react-server-dom|react-dom|[/_]react[/_]|scheduler/, "React (render, flight)"],
    [/better-auth|@better-auth|jose|@noble|kysely/, "better-auth"],
    [/zod/, "zod"],
    [/date-fns/, "date-fns"],
    [/next[/\\]dist[/\\]compiled/, "Next.js (compiled deps)"],
    [/next[/\\]dist/, "Next.js"],
    [/\.next[/\\]server[/\\]chunks[/\\]ssr/, "app bundle (SSR chunks)"],
    [/\.next[/\\]server[/\\]chunks/, "app bundle (server chunks)"],
    [/\.next[/\\]server/, "app bundle (pages, actions)"],
    [/server\.mjs$/, "server.mjs"],
  ];
  for (const [re, name] of rules) if (re.test(u)) return name;
  return `other: ${path.basename(u)}`;
}

export type ProfileSummary = {
  totalMs: number;
  idleMs: number;
  byArea: [string, number][];
  bySelf: [string, number][];
};

export function summarizeProfile(file: string, top = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  const area = new Map<string, number>();
  const fn = new Map<string, number>();
  let idle = 0;
  let total = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    total += ms;
    if (functionName === "(idle)") {
      idle += ms;
      continue;
    }
    const a = functionName === "(garbage collector)" ? "GC" : areaOf(url);
    area.set(a, (area.get(a) ?? 0) + ms);
    const key = `${functionName || "(anonymous)"} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ""}`.trim();
    fn.set(key, (fn.get(key) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { totalMs: total, idleMs: idle, byArea: sorted(area), bySelf: sorted(fn).slice(0, top) };
}

export function printProfile(file: string, log: (line: string) => void, top = 25): void {
  const s = summarizeProfile(file, top);
  const busy = s.totalMs - s.idleMs;
  const pct = (ms: number) => `${((100 * ms) / busy).toFixed(1).padStart(5)} %`;
  log(`CPU profile ${path.basename(file)}: ${(s.totalMs / 1000).toFixed(1)} s recorded, busy ${(busy / 1000).toFixed(1)} s (${((100 * busy) / s.totalMs).toFixed(0)} %)`);
  log("  self time by area (share of busy time):");
  for (const [a, ms] of s.byArea) if (ms / busy >= 0.005) log(`    ${pct(ms)}  ${a}`);
  log(`  top ${top} functions by self time:`);
  for (const [f, ms] of s.bySelf) log(`    ${pct(ms)}  ${f}`);
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  for (const file of process.argv.slice(2)) printProfile(file, console.log, 40);
}
