// Parley's production server: Next.js's own request handler (its documented custom-server API,
// `next()` and `getRequestHandler()`) in one process per core. Node runs JavaScript on one core
// per process, so `next start` leaves a two-core machine half idle under a crowd of readers; with
// a worker per core, the operating system hands each new connection to one of them (Node's
// cluster module). Everything the workers share lives in the database (sessions, sign-in
// counts, live updates read from the Revision table), so any worker can answer any request.
// Why: docs/decisions/008-talk-page-windows.md.
//
//   node server.mjs [--hostname 127.0.0.1] [--port 3000]
//
// PARLEY_WORKERS sets the number of workers (default: one per core; 1 runs a single process,
// as `next start` does). PORT and HOSTNAME are read as `next start` reads them.
import cluster from "node:cluster";
import http from "node:http";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import nextEnv from "@next/env";

// .env files, read as Next.js reads them, so PARLEY_WORKERS may be set there too.
nextEnv.loadEnvConfig(process.cwd());

const { values } = parseArgs({ options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } } });
const hostname = values.hostname ?? process.env.HOSTNAME ?? "0.0.0.0";
const port = Number(values.port ?? process.env.PORT ?? 3000);
const workers = workerCount(process.env.PARLEY_WORKERS);

function workerCount(raw) {
  if (raw === undefined || raw.trim() === "") return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    console.error(`Parley cannot start: PARLEY_WORKERS must be a whole number from 1 to 64, not "${raw}".`);
    process.exit(1);
  }
  return n;
}

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Parley cannot start: the port must be a number from 0 to 65535, not "${values.port ?? process.env.PORT}".`);
  process.exit(1);
}

if (cluster.isPrimary && workers > 1) {
  console.log(`Parley: ${workers} workers on http://${hostname}:${port}`);
  let stopping = false;
  const started = new Map();
  const fork = () => started.set(cluster.fork().id, Date.now());
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    const since = started.get(worker.id) ?? 0;
    started.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that fails at start (a bad configuration, a port taken) would fail again: stop.
    if (Date.now() - since < 5_000) {
      console.error(`Parley: a worker stopped while starting (${signal ?? `exit code ${code}`}); stopping.`);
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
      process.exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
      return;
    }
    console.error(`Parley: a worker stopped (${signal ?? `exit code ${code}`}); starting another.`);
    fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The sign-in limit's client address when no trusted proxy is in front (PARLEY_TRUSTED_PROXY):
  // Next.js gives the app headers, not the socket, and keeps a client's own X-Forwarded-For. So
  // every request carries the socket's address in a header no client can set (any copy it sent
  // is overwritten), and the mark tells the app this process set it (lib/auth/client-address.ts).
  globalThis[Symbol.for("parley.socketAddressHeader")] = true;
  const server = http.createServer((request, response) => {
    const address = request.socket.remoteAddress?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
    if (address) request.headers["x-parley-client-ip"] = address;
    else delete request.headers["x-parley-client-ip"];
    return handle(request, response);
  });
  // As `next start` does: idle keep-alive connections outlive a load balancer's (60 s on most).
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    if (!cluster.isWorker) console.log(`Parley on http://${hostname}:${port}`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
