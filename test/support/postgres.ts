// A throwaway PostgreSQL 15 cluster for tests and scripts (e.g. the shadow database of
// `npm run db:migrate:create`). postgres refuses to run as root, so as root the cluster belongs
// to a `pgtest` user and every server command goes through runuser; as anyone else it runs as
// that user. The cluster trades durability for speed (no fsync): never keep data in it.
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const PG_BIN = process.env.PARLEY_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const CLUSTER_USER = "pgtest";

export type PostgresCluster = {
  /** postgresql://postgres@127.0.0.1:<port>/postgres (trust authentication, no password). */
  url: string;
  host: string;
  port: number;
  /** The data directory, also the Unix socket directory. */
  dir: string;
  /** Stops the server (fast shutdown) and deletes the data directory. Safe to call twice. */
  stop(): Promise<void>;
  /** Stops the server and keeps its data, as an outage would; `resume` starts it again on the same port. */
  pause(): void;
  resume(): void;
};

/** Starts a fresh cluster on 127.0.0.1 and a free port; takes a few seconds (initdb). */
/**
 * `durable`: keep PostgreSQL's defaults (fsync, full page writes), as a benchmark must; tests turn
 * them off, since a throwaway cluster need not survive a power cut.
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresCluster> {
  const asRoot = process.getuid?.() === 0;
  if (asRoot) ensureClusterUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), "parley-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", CLUSTER_USER], { encoding: "utf8" }));
    const gid = Number(execFileSync("id", ["-g", CLUSTER_USER], { encoding: "utf8" }));
    chownSync(dir, uid, gid);
  }
  // cwd "/" because the cluster user may not be allowed into the caller's working directory.
  const run = (bin: string, args: string[]) =>
    execFileSync(
      asRoot ? "runuser" : path.join(PG_BIN, bin),
      asRoot ? ["-u", CLUSTER_USER, "--", path.join(PG_BIN, bin), ...args] : args,
      { cwd: "/", stdio: "pipe", encoding: "utf8" },
    );

  let started = false;
  const stopSync = (mode: "fast" | "immediate") => {
    try {
      if (started) run("pg_ctl", ["-D", dir, "-m", mode, "-w", "stop"]);
    } finally {
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A crashed test or a ^C must not leave a server behind.
  const onExit = () => stopSync("immediate");
  process.once("exit", onExit);

  try {
    run("initdb", ["-D", dir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
    const port = await freePort();
    const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${options.durable ? "" : " -c fsync=off -c full_page_writes=off"}`;
    run("pg_ctl", ["-D", dir, "-l", path.join(dir, "server.log"), "-o", settings, "-w", "start"]);
    started = true;
    const host = "127.0.0.1";
    return {
      url: `postgresql://postgres@${host}:${port}/postgres`,
      host,
      port,
      dir,
      pause: () => {
        run("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
        started = false;
      },
      resume: () => {
        run("pg_ctl", ["-D", dir, "-l", path.join(dir, "server.log"), "-o", settings, "-w", "start"]);
        started = true;
      },
      stop: () =>
        new Promise<void>((resolve) => {
          process.removeListener("exit", onExit);
          stopSync("fast");
          resolve();
        }),
    };
  } catch (error) {
    process.removeListener("exit", onExit);
    stopSync("immediate");
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`Could not start a throwaway PostgreSQL cluster${stderr ? `: ${stderr}` : ""}`, { cause: error });
  }
}

/** Creates an empty database on the cluster's server and returns its URL. */
export async function createDatabase(
  cluster: Pick<PostgresCluster, "url">,
  name = `parley_test_${Math.random().toString(36).slice(2, 10)}`,
): Promise<string> {
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(cluster.url);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

function ensureClusterUser(): void {
  const exists = () => {
    try {
      execFileSync("id", ["-u", CLUSTER_USER], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  if (exists()) return;
  try {
    execFileSync("useradd", ["-m", CLUSTER_USER], { stdio: "pipe" });
  } catch (error) {
    if (!exists()) throw error; // else another process made it meanwhile
  }
}

/** A port nobody listens on right now (the kernel picks it for a socket bound to port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
