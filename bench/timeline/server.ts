// The production server under test: `next start` on a free 127.0.0.1 port, run from a private
// copy of the current build so that a teammate's `next build` in the same folder (which empties
// .next) cannot pull the files from under a measurement half-way through.
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, copyFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Every child process this bench started and has not seen exit: ended by killStarted() on the way out. */
const started = new Set<ChildProcess>();

function track(child: ChildProcess): ChildProcess {
  started.add(child);
  child.once("exit", () => started.delete(child));
  return child;
}

/** Ends the process groups this bench started (by their ids), for Ctrl-C and fatal errors. */
export function killStarted(): void {
  for (const child of started) {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}

const NEXT_BIN = (root: string) => path.join(root, "node_modules/next/dist/bin/next");

export type BuildInfo = { id: string; builtAt: Date; built: boolean; newerSources: string[] };

/**
 * The build folder: `.next`, or NEXT_DIST_DIR as next.config.js reads it, so a bench can measure
 * its own build beside a teammate's (`NEXT_DIST_DIR=.next-mine npm run bench -- --build`).
 * `next build` and `next start` inherit the variable from this process.
 */
export const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";

const buildIdFile = (root: string) => path.join(root, DIST_DIR, "BUILD_ID");
const lockFile = (root: string) => path.join(root, DIST_DIR, "lock");
const readBuildId = (root: string) => (existsSync(buildIdFile(root)) ? readFileSync(buildIdFile(root), "utf8").trim() : null);

/**
 * Makes sure there is a production build to measure. Builds only when asked to or when there is
 * none; waits for a build someone else is running (Next holds .next/lock during `next build`).
 */
export async function ensureBuild(root: string, force: boolean, log: (line: string) => void): Promise<BuildInfo> {
  let built = false;
  if (!force && !readBuildId(root) && existsSync(lockFile(root))) {
    log("Another `next build` is running in this folder; waiting for it (up to 5 minutes)…");
    await waitFor(() => !existsSync(lockFile(root)) && readBuildId(root) !== null, 5 * 60_000, 2_000);
  }
  if (force || !readBuildId(root)) {
    for (let attempt = 1; ; attempt++) {
      log(`Building the app (next build, attempt ${attempt})…`);
      const { code, output } = await runNode([NEXT_BIN(root), "build"], root, 10 * 60_000);
      if (code === 0) break;
      const locked = /lock/i.test(output);
      if (!locked || attempt >= 4) throw new Error(`next build failed (exit ${code}):\n${tail(output, 30)}`);
      log("The build is locked by another build; retrying in a minute.");
      await sleep(60_000);
    }
    built = true;
  }
  const id = readBuildId(root);
  if (!id) throw new Error(`There is still no ${DIST_DIR}/BUILD_ID after building.`);
  const builtAt = statSync(buildIdFile(root)).mtime;
  return { id, builtAt, built, newerSources: sourcesNewerThan(root, builtAt) };
}

/** App sources changed since the build: the numbers would describe older code. */
function sourcesNewerThan(root: string, time: Date): string[] {
  const newer: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(root, rel);
    if (!existsSync(abs)) return;
    const st = statSync(abs);
    if (st.isDirectory()) {
      if (rel === "lib/generated" || rel.endsWith("node_modules")) return;
      for (const name of readdirSync(abs)) walk(path.join(rel, name));
    } else if (/\.(tsx?|css|js|mjs)$/.test(rel) && !/\.test\.tsx?$/.test(rel) && st.mtime > time) newer.push(rel);
  };
  for (const rel of ["app", "components", "lib", "next.config.js", "next.config.mjs", "next.config.ts", "instrumentation.ts"]) walk(rel);
  return newer.sort();
}

/** Copies the build folder (without its cache) and the few files `next start` reads into `dir`; returns the build id copied. */
export async function snapshotBuild(root: string, dir: string, log: (line: string) => void): Promise<string> {
  const deadline = Date.now() + 5 * 60_000;
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    if (attempt === 2) log(`A build is running in ${DIST_DIR}; waiting for it to finish before copying (up to 5 minutes)…`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const before = readBuildId(root);
    if (before && !existsSync(lockFile(root))) {
      try {
        cpSync(path.join(root, DIST_DIR), path.join(dir, DIST_DIR), {
          recursive: true,
          verbatimSymlinks: true,
          filter: (src) => !src.startsWith(path.join(root, DIST_DIR, "cache")) && src !== lockFile(root),
        });
        // Unchanged id and no lock before and after: the copy is of one whole build.
        if (readBuildId(root) === before && !existsSync(lockFile(root))) {
          for (const name of readdirSync(root)) {
            // package.json and next.config.* for `next start`; server.* for a custom server (appStartCommand).
            if (name === "package.json" || name.startsWith("next.config.") || /^server\.(mjs|cjs|js)$/.test(name)) copyFileSync(path.join(root, name), path.join(dir, name));
          }
          symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
          if (existsSync(path.join(root, "public"))) symlinkSync(path.join(root, "public"), path.join(dir, "public"), "dir");
          return before;
        }
      } catch {
        // A build started while copying (files vanished): try again below.
      }
    }
    await sleep(5_000);
  }
  throw new Error(`Could not copy a complete build from ${DIST_DIR}: a build kept running for 5 minutes. Try again when it has finished.`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type RunningServer = {
  origin: string;
  pid: number;
  /** Peak resident memory of the server's processes so far, in bytes (Linux /proc). */
  peakRss(): number | null;
  /** null while it runs; once it has exited, how ("exit code 1", "killed by SIGKILL"). */
  exitStatus(): string | null;
  stop(): Promise<void>;
};

/**
 * THE COMMAND THAT STARTS THE APP UNDER TEST, run in `dir` (the copy of the build). Both benches
 * start the server through this one function: `node server.mjs`, as `npm start` does (a worker
 * per core, or PARLEY_WORKERS), when the copy has it; otherwise, or with BENCH_NEXT_START=1 (to
 * measure a build from before server.mjs the way it was served), `next start`.
 * The server must listen on 127.0.0.1:`port` and answer `/` once it is ready.
 */
export function appStartCommand(root: string, dir: string, port: number): { args: string[]; env: Record<string, string> } {
  const env = { HOSTNAME: "127.0.0.1", PORT: String(port) };
  // Options for Node itself (e.g. --cpu-prof, which NODE_OPTIONS refuses), space-separated.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  if (existsSync(path.join(dir, "server.mjs")) && process.env.BENCH_NEXT_START !== "1") {
    return { args: [...nodeArgs, path.join(dir, "server.mjs"), "-H", "127.0.0.1", "-p", String(port)], env };
  }
  return { args: [...nodeArgs, NEXT_BIN(root), "start", dir, "-H", "127.0.0.1", "-p", String(port)], env };
}

/** Starts the app (appStartCommand) in its own process group and resolves once it answers HTTP. */
export async function startServer(options: {
  root: string;
  dir: string;
  port: number;
  databaseUrl: string;
  logFile: string;
  readyTimeoutMs?: number;
}): Promise<RunningServer> {
  const { root, dir, port, databaseUrl, logFile } = options;
  const command = appStartCommand(root, dir, port);
  return startHttpProcess({
    name: "the app server",
    args: command.args,
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", ...command.env },
    port,
    logFile,
    readyTimeoutMs: options.readyTimeoutMs,
  });
}

/**
 * Starts a Node process (`node <args>`) that serves HTTP on 127.0.0.1:`port`, in its own process
 * group, output to `logFile`; resolves once `readyPath` answers below 500. Stopped by stop(), and
 * by killStarted() on the way out.
 */
export async function startHttpProcess(options: {
  name: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  port: number;
  logFile: string;
  readyPath?: string;
  readyTimeoutMs?: number;
}): Promise<RunningServer> {
  const { name, args, cwd, env, port, logFile } = options;
  const log = openSync(logFile, "w");
  const child = track(spawn(process.execPath, args, {
    cwd,
    env,
    // Its own process group, so stop() ends the server and anything it forked, and nothing else.
    detached: true,
    stdio: ["ignore", log, log],
  }));
  closeSync(log);
  let status: string | null = null;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => {
      status = signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve(code);
    }),
  );
  let done = false;
  void exited.then(() => (done = true));
  const origin = `http://127.0.0.1:${port}`;
  const server: RunningServer = {
    origin,
    pid: child.pid!,
    peakRss: () => groupPeakRss(child.pid!),
    exitStatus: () => status,
    stop: () => stopGroup(child, exited, () => done),
  };
  try {
    const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
    while (true) {
      if (done) throw new Error(`${name} exited before it was ready. Its log (${logFile}):\n${tail(readFileSync(logFile, "utf8"), 20)}`);
      const status = await probe(`${origin}${options.readyPath ?? "/"}`).catch(() => null);
      if (status !== null && status < 500) return server;
      if (Date.now() > deadline) throw new Error(`${name} did not answer on ${origin} within the time allowed. Log:\n${tail(readFileSync(logFile, "utf8"), 20)}`);
      await sleep(200);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
}

async function stopGroup(child: ChildProcess, exited: Promise<number | null>, done: () => boolean): Promise<void> {
  if (done() || child.pid === undefined) return;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const timeout = sleep(5_000).then(() => "timeout" as const);
  if ((await Promise.race([exited, timeout])) === "timeout") {
    signal("SIGKILL");
    await Promise.race([exited, sleep(2_000)]);
  }
}

function probe(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
  });
}

/**
 * Each live process of a process group: its pid and its /proc/<pid>/stat fields after the command
 * name (which may contain spaces, so they start after the last ")"), field 0 being the state.
 */
function groupProcesses(pgid: number): { pid: number; fields: string[] }[] {
  const found: { pid: number; fields: string[] }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) found.push({ pid: Number(name), fields });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** CPU seconds (user + system) used so far by each process of a process group, by pid. */
export function groupCpuSeconds(pgid: number): Map<number, number> {
  const ticks = 100; // USER_HZ on Linux
  return new Map(groupProcesses(pgid).map(({ pid, fields }) => [pid, (Number(fields[11]) + Number(fields[12])) / ticks]));
}

function groupPeakRss(pgid: number): number | null {
  try {
    let total = 0;
    for (const { pid } of groupProcesses(pgid)) {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        if (hwm) total += Number(hwm[1]) * 1024;
      } catch {
        // The process ended while we looked.
      }
    }
    return total || null;
  } catch {
    return null;
  }
}

/** Runs a Node script to completion with a hard time limit; returns its exit code and output. */
export function runNode(args: string[], cwd: string, timeoutMs: number, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = track(spawn(process.execPath, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] }));
    let output = "";
    child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n(killed after ${Math.round(timeoutMs / 1000)} s)`;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

async function waitFor(test: () => boolean, timeoutMs: number, everyMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) return;
    await sleep(everyMs);
  }
}

export function tail(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
