// Server time for the talk page, seen from a plain HTTP client on the same machine: no browser,
// so the numbers are the server's (render + data) plus a loopback hop.
import http from "node:http";
import zlib from "node:zlib";

export type HttpSample = {
  /** Request sent → response headers received (the shell, when the page streams). */
  ttfbMs: number;
  /** Request sent → last byte of the body. */
  ttlbMs: number;
  status: number;
  /** What the server sent: "gzip", "br", … or "identity". */
  encoding: string;
  /** Bytes on the wire (the body as sent, compressed or not). */
  transferBytes: number;
  /** The decoded HTML. */
  html: string;
};

/**
 * One GET on a new connection, asking for compression as a browser does (`acceptEncoding`);
 * fails on a non-200 answer or after `timeoutMs`.
 */
export function fetchPage(url: string, timeoutMs = 60_000, acceptEncoding = "gzip, deflate, br"): Promise<HttpSample> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfbMs = 0;
    const req = http.get(
      url,
      {
        agent: false,
        headers: { accept: "text/html", "accept-encoding": acceptEncoding, "user-agent": "parley-bench" },
      },
      (res) => {
        ttfbMs = performance.now() - started;
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", reject);
        res.on("end", () => {
          const ttlbMs = performance.now() - started;
          clearTimeout(timer);
          const body = Buffer.concat(chunks);
          const encoding = String(res.headers["content-encoding"] ?? "identity");
          if (res.statusCode !== 200) {
            reject(new Error(`GET ${url} answered ${res.statusCode}`));
            return;
          }
          try {
            resolve({ ttfbMs, ttlbMs, status: res.statusCode, encoding, transferBytes: body.length, html: decode(body, encoding).toString("utf8") });
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    const timer = setTimeout(() => req.destroy(new Error(`GET ${url} took longer than ${timeoutMs / 1000} s`)), timeoutMs);
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

export function decode(body: Buffer, encoding: string): Buffer {
  switch (encoding) {
    case "gzip":
    case "x-gzip":
      return zlib.gunzipSync(body);
    case "br":
      return zlib.brotliDecompressSync(body);
    case "deflate":
      return zlib.inflateSync(body);
    default:
      return body;
  }
}

/** Compressed size: what the server sent when it compressed, else gzip at zlib's default level. */
export function compressedSize(raw: Buffer, transferBytes: number, encoding: string): number {
  return encoding === "identity" ? zlib.gzipSync(raw).length : transferBytes;
}
