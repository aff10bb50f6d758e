// An in-memory HTTP server (node:http, no framework) for the bench's references, run in its own
// process so it never shares an event loop with the bench or the load generator:
//   node --import tsx bench/peer/static-server.ts <manifest.json> <port>
// The manifest maps a path to files read into memory once at start:
//  - { type, identity, gzip }: a static page, sent gzipped (precompressed) when the request
//    accepts gzip, else as is, like a static host;
//  - { type, body, encoding }: bytes captured from another server, sent exactly as they were
//    received (with that Content-Encoding), whatever the request accepts.
// Anything else is 404. Keep-alive as Node's defaults.
import { readFileSync } from "node:fs";
import http from "node:http";

export type StaticRoute = { type: string; identity: string; gzip: string } | { type: string; body: string; encoding: string };
export type StaticManifest = Record<string, StaticRoute>;

type Loaded = { type: string; identity?: Buffer; gzip?: Buffer; body?: Buffer; encoding?: string };

const [manifestFile, portArg] = process.argv.slice(2);
if (!manifestFile || !portArg) {
  console.error("Usage: static-server.ts <manifest.json> <port>");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as StaticManifest;
const routes = new Map<string, Loaded>();
for (const [route, r] of Object.entries(manifest)) {
  routes.set(
    route,
    "body" in r ? { type: r.type, body: readFileSync(r.body), encoding: r.encoding } : { type: r.type, identity: readFileSync(r.identity), gzip: readFileSync(r.gzip) },
  );
}

const server = http.createServer((req, res) => {
  const route = routes.get((req.url ?? "/").split("?")[0]!);
  if (!route || (req.method !== "GET" && req.method !== "HEAD")) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "content-length": "10" });
    res.end(req.method === "HEAD" ? undefined : "Not found\n");
    return;
  }
  let body: Buffer;
  const headers: http.OutgoingHttpHeaders = { "content-type": route.type };
  if (route.body) {
    body = route.body;
    if (route.encoding !== "identity") headers["content-encoding"] = route.encoding;
  } else {
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    body = gzip ? route.gzip! : route.identity!;
    if (gzip) headers["content-encoding"] = "gzip";
    headers.vary = "Accept-Encoding";
  }
  headers["content-length"] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : body);
});
server.listen(Number(portArg), "127.0.0.1", () => console.log(`static server on 127.0.0.1:${portArg}, ${routes.size} routes`));
process.on("SIGTERM", () => process.exit(0));
