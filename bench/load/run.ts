// `npm run bench:load`: the write path under a crowd of editors (issue 9). Starts the production
// build on a fresh SQLite database with the Beijing talk, signs in N editors (each from an address
// of its own, behind a trusted proxy as in production), and has each save statements through the
// real Server Action (`lib/actions/statements.ts#create`, called over HTTP exactly as the form's
// fetch calls it) as fast as its answers come, for a fixed time. Prints statements/s, latency
// p50/p90/p99/max, errors, and checks that every acknowledged save is in the database (and
// nothing more). See bench/README.md ("npm run bench:load").
import http from "node:http";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDb, type Db } from "../../lib/db";
import { TalkDocumentSchema } from "../../lib/talk-document/schema";
import { createUserAccount } from "../../lib/users/accounts";
import { printProfile } from "../common/cpu-profile";
import { describeMachine, guardCleanup, loadAverage, runMain, UsageError } from "../common/run-support";
import { prepareDatabase, removeDatabase } from "../timeline/database";
import { loadTalkDocument } from "../../lib/talk-document/load";
import type { DatabaseConfig } from "../../lib/env";
import { applyMigrations } from "../../scripts/db/engine";
import { createDatabase, startPostgres, type PostgresCluster } from "../../test/support/postgres";
import { DIST_DIR, ensureBuild, freePort, groupCpuSeconds, killStarted, snapshotBuild, startServer, type RunningServer } from "../timeline/server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WORK = path.join(ROOT, "bench/results/load");
const SLUG = "japan-dprk-beijing-2006";
const DAY = "2006-02-07";
const USAGE = `Usage: npm run bench:load -- [--editors N] [--seconds S] [--mode M] [--database D] [--profile] [--build]
  --editors N  concurrent editors, or readers with --mode talk (default 20)
  --seconds S  how long they save (default 20)
  --mode M     inplace: save statements as the timeline's in-place form does (default; JSON to
               POST /api/talks/<slug>/statements); save: from the full-page form (the Server Action
               create, which redirects to the day page and renders it); refused: send saves the form's schema
               refuses (the request's cost without the write and the page); page: open the day
               page a full-page save leads to, signed in (the cost of that page alone); talk: readers
               (not signed in) opening the Beijing talk page
  --database D sqlite (default: a fresh file) or postgresql (a throwaway local cluster with
               PostgreSQL's durable defaults, fsync on; PostgreSQL 15 server binaries needed)
  --profile    run the server as one process under node --cpu-prof and print where its time went
  --build      run next build first even if a build exists`;

const MODES = ["inplace", "save", "refused", "page", "talk"] as const;
/** Requests before the measured time, not counted. */
const WARM_UP_MS = 3_000;
type Mode = (typeof MODES)[number];

type Action = { id: string; path: string };

/** The build's id of a Server Action, by module and export (as e2e/write-permissions.spec.ts reads it). */
function actionId(dir: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, DIST_DIR, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, e]) => `${e.filename}#${e.exportedName}` === name);
  if (!found) throw new Error(`The build has no Server Action ${name}.`);
  return found[0];
}

/** One kept-alive connection per editor, as a browser keeps one to the app. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request by node:http, which costs the bench far less CPU than fetch (the bench shares the server's two cores). */
function send(url: string, options: { method?: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (c: Buffer) => chunks.push(c));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error("no answer in 30 s")));
    request.on("error", reject);
    request.end(options.body);
  });
}

/**
 * Calls a Server Action over HTTP as the browser's fetch does, with (previous state, input): the
 * input as multipart form data in React's reply encoding (the form's fields under "_1_", then the
 * arguments in "0": React reads the fields as it streams, so "0" comes last, as a browser sends it).
 */
function callAction(base: string, action: Action, input: Record<string, string>, headers: Record<string, string>): Promise<Answer> {
  const boundary = `----ParleyBench${crypto.randomUUID()}`;
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = `${Object.entries(input).map(([name, value]) => part(`_1_${name}`, value)).join("")}${part("0", JSON.stringify([null, "$K1"]))}--${boundary}--\r\n`;
  return send(`${base}${action.path}`, {
    method: "POST",
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      origin: base,
      "content-type": `multipart/form-data; boundary=${boundary}`,
      "content-length": String(Buffer.byteLength(body)),
      ...headers,
    },
    body,
  });
}

/** The fields as JSON, as the in-place form sends them (components/editing/save-through-route.ts). */
function postJson(url: string, input: Record<string, string>, headers: Record<string, string>): Promise<Answer> {
  const body = JSON.stringify(input);
  const origin = new URL(url).origin;
  return send(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", origin, "content-length": String(Buffer.byteLength(body)), ...headers },
    body,
  });
}

/** The q-quantile of the samples, in whole milliseconds (nearest rank). */
function percentile(samples: number[], q: number): string {
  if (samples.length === 0) return "n/a";
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!.toFixed(0);
}

async function main() {
  const { values } = parseArgs({
    options: {
      editors: { type: "string", default: "20" },
      seconds: { type: "string", default: "20" },
      mode: { type: "string", default: "inplace" },
      database: { type: "string", default: "sqlite" },
      profile: { type: "boolean", default: false },
      build: { type: "boolean", default: false },
    },
  });
  const database = values.database;
  if (database !== "sqlite" && database !== "postgresql") throw new UsageError(`--database must be sqlite or postgresql, not ${database}.`);
  const mode = values.mode as Mode;
  if (!MODES.includes(mode)) throw new UsageError(`--mode must be one of ${MODES.join(", ")}, not ${values.mode}.`);
  const editors = Number(values.editors);
  const seconds = Number(values.seconds);
  if (!Number.isInteger(editors) || editors < 1) throw new UsageError(`--editors must be a positive whole number, not ${values.editors}.`);
  if (!(seconds > 0)) throw new UsageError(`--seconds must be a positive number, not ${values.seconds}.`);
  const log = (line: string) => console.log(line);

  let server: RunningServer | undefined;
  let db: Db | undefined;
  let cluster: PostgresCluster | undefined;
  const file = path.join(WORK, "load.db");
  const { cleanup } = guardCleanup(async () => {
    await server?.stop().catch(() => undefined);
    killStarted();
    await db?.$disconnect().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    removeDatabase(file);
  });
  try {
    mkdirSync(WORK, { recursive: true });
    await ensureBuild(ROOT, values.build, log);
    const dir = path.join(WORK, "app");
    await snapshotBuild(ROOT, dir, log);
    const seed = TalkDocumentSchema.parse(JSON.parse(readFileSync(path.join(ROOT, "prisma/seed", `${SLUG}.json`), "utf8")));
    let url: string;
    if (database === "postgresql") {
      cluster = await startPostgres({ durable: true });
      url = await createDatabase(cluster, "parley_load");
      const config: DatabaseConfig = { provider: "postgresql", url };
      await applyMigrations(config);
      db = await createDb(config);
      const loaded = await loadTalkDocument(db, seed, "bench");
      if (loaded.status !== "created") throw new Error(`The Beijing talk was not loaded: ${loaded.status}.`);
    } else {
      const prepared = await prepareDatabase(file, [seed]);
      url = prepared.url;
      db = await createDb(prepared.config);
    }
    const accounts = await Promise.all(
      Array.from({ length: editors }, async (_, i) => {
        const account = { name: `Load editor ${i + 1}`, email: `load-${i + 1}@example.org`, role: "editor" as const, password: `load-password-${i + 1}-long-enough` };
        await createUserAccount(db!, account, { id: null, name: "bench" });
        return account;
      }),
    );
    process.env.PARLEY_TRUSTED_PROXY = "true";
    const profiles = path.join(WORK, "profiles");
    if (values.profile) {
      // One process, so the profile holds every request; written when the server exits (SIGTERM).
      rmSync(profiles, { recursive: true, force: true });
      process.env.PARLEY_WORKERS = "1";
      process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${profiles}`;
    }
    const port = await freePort();
    server = await startServer({ root: ROOT, dir, port, databaseUrl: url, logFile: path.join(WORK, "server.log") });
    const base = `http://127.0.0.1:${port}`;
    const signIn: Action = { id: actionId(dir, "lib/actions/auth.ts#signIn"), path: "/login" };
    const create: Action = { id: actionId(dir, "lib/actions/statements.ts#create"), path: `/talks/${SLUG}/statements/new` };

    // Each editor signs in from an address of its own and keeps its session cookie; readers do not.
    const sessions = await Promise.all(
      accounts.map(async (a, i) => {
        if (mode === "talk") return { cookie: "", address: `10.8.${Math.floor(i / 250)}.${(i % 250) + 1}` };
        const address = `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}`;
        const response = await callAction(base, signIn, { email: a.email, password: a.password }, { "x-forwarded-for": address });
        const cookie = [response.headers["set-cookie"] ?? []].flat().map((c) => c.split(";")[0]).join("; ");
        if (!cookie.includes("session_token")) throw new Error(`${a.email} could not sign in: ${response.status} ${response.body.slice(0, 200)}`);
        return { cookie, address };
      }),
    );

    const marker = `load-${Date.now().toString(36)}`;
    /** One request of a client; whether it was answered as it should be, or what went wrong. */
    const once = async (s: { cookie: string; address: string }, text: string): Promise<string | null> => {
      const input = {
        talk: SLUG,
        speaker: "envoy:song-il-ho",
        capacity: "unknown",
        kind: "paraphrase",
        saidPrecision: "day",
        saidOn: DAY,
        setting: "unknown",
        text: mode === "refused" ? "" : text,
        saveKey: crypto.randomUUID(),
      };
      try {
        // Readers ask for gzip as browsers do (the body is not decoded: the status is the answer).
        const headers: Record<string, string> = { "x-forwarded-for": s.address, ...(mode === "talk" ? { "accept-encoding": "gzip" } : {}) };
        if (s.cookie) headers.cookie = s.cookie;
        const response =
          mode === "talk"
            ? await send(`${base}/talks/${SLUG}`, { headers })
            : mode === "page"
              ? await send(`${base}/talks/${SLUG}/days/${DAY}`, { headers })
              : mode === "inplace"
                ? await postJson(`${base}/api/talks/${SLUG}/statements`, input, headers)
                : await callAction(base, create, input, headers);
        const { body } = response;
        const redirect = String(response.headers["x-action-redirect"] ?? "");
        const answered =
          mode === "save"
            ? redirect.includes("#statement-")
            : mode === "inplace"
              ? response.status === 201 && body.includes("Statement added.")
              : mode === "refused"
                ? body.includes("Enter what was said.")
                : response.status === 200;
        return answered ? null : `HTTP ${response.status}`;
      } catch (error) {
        return (error as Error).message.slice(0, 60);
      }
    };
    // Warm-up, not counted: each client for WARM_UP_MS (the server's code loaded and compiled,
    // its caches filled, its connections open), with text that does not carry the marker.
    const warmUntil = Date.now() + WARM_UP_MS;
    await Promise.all(sessions.map(async (s, editor) => {
      for (let n = 0; Date.now() < warmUntil; n++) await once(s, `warm-up ${editor + 1}.${n + 1}: North Korea repeated its position.`);
    }));

    const latencies: number[] = [];
    const errors = new Map<string, number>();
    let acknowledged = 0;
    const until = Date.now() + seconds * 1000;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const serverCpu = groupCpuSeconds(server.pid);
    await Promise.all(
      sessions.map(async (s, editor) => {
        for (let n = 0; Date.now() < until; n++) {
          const t0 = performance.now();
          const problem = await once(s, `${marker} editor ${editor + 1} statement ${n + 1}: North Korea repeated its position.`);
          latencies.push(performance.now() - t0);
          if (problem === null) acknowledged++;
          else errors.set(problem, (errors.get(problem) ?? 0) + 1);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const clientCpu = (user + system) / 1e6 / elapsed;
    // Each server process's share of a core over the run (the primary of a cluster uses ~0).
    const serverShares = [...groupCpuSeconds(server.pid)].map(([pid, s]) => (s - (serverCpu.get(pid) ?? 0)) / elapsed).filter((x) => x > 0.01);
    const rows = await db.statement.findMany({ where: { text: { startsWith: marker } }, select: { id: true } });
    const written = rows.length;
    let withRevision = 0;
    // In slices: SQLite takes a limited number of parameters in one statement.
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => r.id);
      withRevision += await db.revision.count({ where: { entityType: "statement", action: "create", entityId: { in: ids } } });
    }
    log("");
    log(`Machine: ${JSON.stringify(describeMachine())}`);
    const what = {
      inplace: "in-place saves through POST /api/talks/<slug>/statements",
      save: "full-page saves through lib/actions/statements.ts#create",
      refused: "saves the schema refuses",
      page: "day pages",
      talk: "readers opening the talk page",
    }[mode];
    log(`${editors} ${mode === "talk" ? "readers" : "editors"} for ${elapsed.toFixed(1)} s, ${what}, on ${database === "postgresql" ? "PostgreSQL" : "SQLite"} (server.mjs, PARLEY_WORKERS=${process.env.PARLEY_WORKERS ?? "cores"}):`);
    log(`  answered ${acknowledged} (${(acknowledged / elapsed).toFixed(1)}/s), attempts ${latencies.length}, errors ${[...errors].map(([k, v]) => `${k} × ${v}`).join(", ") || "none"}`);
    log(`  latency ms: p50 ${percentile(latencies, 0.5)}, p90 ${percentile(latencies, 0.9)}, p99 ${percentile(latencies, 0.99)}, max ${percentile(latencies, 1)}`);
    const expected = mode === "save" || mode === "inplace" ? acknowledged : 0;
    log(`  in the database: ${written} statements with the marker, ${withRevision} create revisions; written == acknowledged: ${written === expected && withRevision === written ? "yes" : "NO"}`);
    log(`  CPU, % of one core: server processes ${serverShares.map((x) => (100 * x).toFixed(0)).join(" + ") || "n/a"}; the bench's own HTTP client ${(100 * clientCpu).toFixed(0)}`);
    log(`Load average at the end: ${loadAverage().join(" ")}`);
    if (values.profile) {
      await server.stop();
      server = undefined;
      for (const f of readdirSync(profiles).filter((f) => f.endsWith(".cpuprofile"))) printProfile(path.join(profiles, f), log);
    }
  } finally {
    await cleanup();
  }
}

runMain(main, USAGE);
