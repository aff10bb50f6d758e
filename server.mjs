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
import { ACTION_BODY_LIMIT } from "./next.config.js";

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

// Refusals made here, before Next.js's handler, because Next.js 16 answers each of these with a
// 500 and offers no hook that runs first (docs/decisions/012-refusals.md): an unsupported method
// fails as proxy.ts's Request is built, a broken percent-encoding before proxy.ts runs, and a
// cross-site, oversized or broken Server Action inside Next.js's action handler, after it. Each
// answer is one sentence (JSON for Server Actions and for clients asking for JSON); none reaches
// Next.js, so none can write anything.
const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS"]);
const ALLOW = [...ALLOWED_METHODS].join(", ");
const CROSS_SITE = "This request did not come from Parley's own pages, so it was refused.";
const BAD_ORIGIN = "The request's Origin header is not a web address, so it was refused.";
const TOO_LARGE = `The request is larger than Parley accepts (${ACTION_BODY_LIMIT / 1024 / 1024} MB); nothing was saved.`;
const BROKEN_BODY = "The request's body is not a form submission Parley can read; nothing was saved.";
const BROKEN_PATH = "The address has a broken percent-encoding (a % not followed by a valid character code).";

/** A Server Action as Next.js recognises one: a POST with its header, or a form posted without JavaScript. */
function isActionRequest(request) {
  // The read API's routes take no Server Actions; a POST there is answered 405 by the route.
  if (request.method !== "POST" || isReadApi(request)) return false;
  const type = request.headers["content-type"] ?? "";
  return request.headers["next-action"] !== undefined || type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/** What to refuse before reading the body, or null. */
function refusalOf(request) {
  const method = request.method ?? "";
  if (!ALLOWED_METHODS.has(method)) {
    return { status: 405, message: `Parley does not answer ${method.replace(/[^A-Z-]/g, "") || "this"} requests; it answers ${ALLOW}.`, headers: { allow: ALLOW } };
  }
  try {
    decodeURIComponent((request.url ?? "/").split("?")[0]);
  } catch {
    return { status: 400, message: BROKEN_PATH };
  }
  if (!isActionRequest(request)) return null;
  // Next.js's own check (the Origin's host against the Host, or X-Forwarded-Host a proxy set),
  // which it reports with a 500; a missing Origin it lets through, and so does this.
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== "null") {
    let host;
    try {
      host = new URL(origin).host;
    } catch {
      return { status: 403, message: BAD_ORIGIN };
    }
    const ours = (request.headers["x-forwarded-host"] ?? request.headers.host ?? "").split(",")[0].trim().toLowerCase();
    if (host !== ours) return { status: 403, message: CROSS_SITE };
  }
  const length = Number(request.headers["content-length"] ?? 0);
  if (length > ACTION_BODY_LIMIT) return { status: 413, message: TOO_LARGE, headers: { connection: "close" } };
  return null;
}

/** The body, or null when it passes the limit (a body sent in chunks has no Content-Length to check first). */
async function readBody(request) {
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > ACTION_BODY_LIMIT) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A JSON array: the arguments React encodes for a Server Action. */
function isArgumentList(text) {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * Whether the body is what a Server Action call sends: React's encoded arguments (a JSON array),
 * as text or as the "0" field of a multipart form, or a form that parses. Next.js answers anything
 * else with a 500 (a JSON.parse or multipart error inside its handler).
 */
async function isActionBody(request, body) {
  const type = request.headers["content-type"] ?? "";
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) {
    let form;
    try {
      form = await new Response(body, { headers: { "content-type": type } }).formData();
    } catch {
      return false;
    }
    const root = form.get("0");
    return typeof root !== "string" || isArgumentList(root);
  }
  return isArgumentList(body.toString("utf8"));
}

/** The request again, its body (read to check it) to be read once more by Next.js. */
function replay(request, body) {
  const copy = new http.IncomingMessage(request.socket);
  copy.method = request.method;
  copy.url = request.url;
  copy.httpVersion = request.httpVersion;
  copy.httpVersionMajor = request.httpVersionMajor;
  copy.httpVersionMinor = request.httpVersionMinor;
  copy.headers = request.headers;
  copy.rawHeaders = request.rawHeaders;
  copy.complete = true;
  copy.push(body);
  copy.push(null);
  return copy;
}

/** The read API's addresses (lib/api/errors.ts): they answer in its JSON shape, readable from other sites. */
const isReadApi = (request) => /^\/api\/v1(\/|\?|$)/.test(request.url ?? "");
const API_CODES = { 400: "bad_parameter", 405: "method_not_allowed", 413: "bad_parameter", 500: "internal" };

/** One sentence, JSON for Server Actions and clients asking for JSON, plain text otherwise; the read API's shape on its addresses. */
function refuse(request, response, status, message, headers = {}) {
  const api = isReadApi(request);
  const json = api || request.headers["next-action"] !== undefined || /\bapplication\/json\b/.test(request.headers.accept ?? "");
  if (api && status === 405) message = `The read API answers GET, HEAD, OPTIONS, not ${(request.method ?? "").replace(/[^A-Z-]/g, "") || "this method"}.`;
  const body = api ? JSON.stringify({ error: { code: API_CODES[status] ?? "bad_parameter", message } }) : json ? JSON.stringify({ ok: false, message }) : `${message}\n`;
  if (api) headers = { ...headers, "access-control-allow-origin": "*", ...(status === 405 ? { allow: "GET, HEAD, OPTIONS" } : {}) };
  response.writeHead(status, {
    ...headers,
    "content-type": json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

/**
 * The primary's side of lib/write-gate.ts: one worker at a time has the turn to write, in the
 * order they asked. A turn not handed back within TURN_LIMIT_MS (a worker stuck or gone) passes
 * on; SQLite's own lock still guards every write, so a turn is a schedule, never the only guard.
 */
function writeTurns() {
  const TURN_LIMIT_MS = 5_000;
  const queue = [];
  let holder = null;
  let timer = null;
  const next = () => {
    clearTimeout(timer);
    holder = null;
    while (queue.length > 0) {
      const ask = queue.shift();
      if (!ask.worker.isConnected()) continue;
      holder = ask;
      ask.worker.send({ parleyWriteTurn: "yours", id: ask.id });
      timer = setTimeout(next, TURN_LIMIT_MS);
      return;
    }
  };
  return {
    onMessage(worker, message) {
      if (!message || typeof message !== "object" || typeof message.id !== "number") return;
      if (message.parleyWriteTurn === "ask") {
        queue.push({ worker, id: message.id });
        if (!holder) next();
      } else if (message.parleyWriteTurn === "done" && holder && holder.worker === worker && holder.id === message.id) {
        next();
      }
    },
    forget(worker) {
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i].worker === worker) queue.splice(i, 1);
      if (holder?.worker === worker) next();
    },
  };
}

if (cluster.isPrimary && workers > 1) {
  console.log(`Parley: ${workers} workers on http://${hostname}:${port}`);
  let stopping = false;
  const started = new Map();
  // Workers take turns at SQLite's write lock through here (lib/write-gate.ts).
  const fork = () => started.set(cluster.fork({ PARLEY_WRITE_TURNS: process.env.PARLEY_WRITE_TURNS ?? "ipc" }).id, Date.now());
  const turns = writeTurns();
  cluster.on("message", turns.onMessage);
  for (let i = 0; i < workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    turns.forget(worker);
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
    serve(request, response).catch((error) => {
      console.error(error);
      if (!response.headersSent) refuse(request, response, 500, "Something went wrong on Parley's side; nothing was saved.");
      else response.destroy();
    });
  });
  /** Refusals Next.js would answer with a 500 (docs/decisions/012-refusals.md), then Next.js. */
  async function serve(request, response) {
    const problem = refusalOf(request);
    if (problem) return refuse(request, response, problem.status, problem.message, problem.headers);
    // The read API answers its own CORS preflights (lib/api/route.ts).
    if (request.method === "OPTIONS" && !isReadApi(request)) {
      response.writeHead(204, { allow: ALLOW, "cache-control": "no-store" });
      return response.end();
    }
    if (!isActionRequest(request)) return handle(request, response);
    const body = await readBody(request);
    if (body === null) return refuse(request, response, 413, TOO_LARGE, { connection: "close" });
    if (!(await isActionBody(request, body))) return refuse(request, response, 400, BROKEN_BODY);
    return handle(replay(request, body), response);
  }
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
