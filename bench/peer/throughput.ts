// Requests per second with autocannon (run as its own process, so the load generator never shares
// an event loop with a server), and the in-memory mirror it is compared with: the exact response
// bytes Parley sent for a path, served by static-server.ts.
import { writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { runNode, tail } from "../timeline/server";
import type { StaticManifest } from "./static-server";

const AUTOCANNON = (root: string) => path.join(root, "node_modules/autocannon/autocannon.js");

export type CannonResult = {
  url: string;
  connections: number;
  durationS: number;
  /** Mean of the per-second request counts. */
  requestsPerSecond: number;
  requests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Socket errors, timeouts included (autocannon's "errors"). */
  errors: number;
  timeouts: number;
  non2xx: number;
  bytesPerSecond: number;
};

/**
 * `autocannon -c <connections> -d <seconds> -H accept-encoding=gzip <url>`, its JSON result read.
 * Requests time out after 10 s (autocannon's default); the whole run is killed after duration + 60 s.
 */
export async function cannon(root: string, url: string, connections: number, durationS: number): Promise<CannonResult> {
  const { code, output } = await runNode(
    [AUTOCANNON(root), "-c", String(connections), "-d", String(durationS), "-H", "accept-encoding=gzip", "-j", url],
    root,
    (durationS + 60) * 1000,
  );
  const line = output.split("\n").find((l) => l.startsWith("{") && l.includes('"requests"'));
  if (code !== 0 || !line) throw new Error(`autocannon ${url} failed (exit ${code}): ${tail(output, 5)}`);
  const r = JSON.parse(line) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; max: number };
    throughput: { average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
  };
  return {
    url,
    connections,
    durationS: r.duration,
    requestsPerSecond: r.requests.average,
    requests: r.requests.total,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    latencyMaxMs: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    bytesPerSecond: r.throughput.average,
  };
}

export type Captured = { path: string; status: number; type: string; encoding: string; bytes: number };

/** GET `origin + route` once with Accept-Encoding: gzip and keep the body exactly as it came over the wire. */
function capture(origin: string, route: string, timeoutMs = 120_000): Promise<{ status: number; type: string; encoding: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${origin}${route}`, { agent: false, headers: { accept: "text/html", "accept-encoding": "gzip", "user-agent": "parley-bench" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"] ?? "text/html; charset=utf-8"),
          encoding: String(res.headers["content-encoding"] ?? "identity"),
          body: Buffer.concat(chunks),
        });
      });
    });
    const timer = setTimeout(() => req.destroy(new Error(`GET ${route} took longer than ${timeoutMs / 1000} s`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Captures each route from the app and writes the mirror's manifest (and bodies) into `dir`. */
export async function captureMirror(origin: string, routes: string[], dir: string): Promise<{ manifest: string; captured: Captured[] }> {
  const manifest: StaticManifest = {};
  const captured: Captured[] = [];
  for (const [i, route] of routes.entries()) {
    const r = await capture(origin, route);
    if (r.status !== 200) throw new Error(`GET ${route} answered ${r.status}; cannot mirror it.`);
    const file = path.join(dir, `mirror-${i}.body`);
    writeFileSync(file, r.body);
    manifest[route] = { type: r.type, body: file, encoding: r.encoding };
    captured.push({ path: route, status: r.status, type: r.type, encoding: r.encoding, bytes: r.body.length });
  }
  const file = path.join(dir, "mirror-manifest.json");
  writeFileSync(file, JSON.stringify(manifest, null, 1));
  return { manifest: file, captured };
}
