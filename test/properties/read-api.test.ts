// The read API under hostile addresses (issue 11): any path under /api/v1 its routes match, with
// any slug or id, and any query — unknown, repeated, empty, huge or odd parameters, cursors that
// are not ours — answers 200, 304, 400 or 404, never a 500; always JSON the OpenAPI document
// declares for that status; a 400 names a parameter the request had; and nothing in an error
// reads like a stack trace. The route handlers are called directly with real Requests
// (test/support/api.ts) on a SQLite database holding the Beijing talk.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../../lib/api/cursor";
import { printable } from "../../lib/api/query";
import { endpoints } from "../../lib/api/endpoints";
import type { ApiErrorBody } from "../../lib/api/schemas";
import type { Db } from "../../lib/db";
import { FILTER_KEYS } from "../../lib/timeline/filters";
import { callApi, schemaErrors } from "../support/api";
import { loadSeedTalk } from "../support/factories";
import { oddString, trickyKey } from "../support/hostile";
import { migratedSqlite } from "../support/sqlite-template";

let db: Db;

beforeAll(async () => {
  const config = await migratedSqlite("read-api-properties");
  process.env.DATABASE_URL = config.url;
  db = await (await import("../../lib/db")).getDb();
  await loadSeedTalk(db, "test");
});

afterAll(async () => {
  await db?.$disconnect();
});

const wellFormed = (s: string) => s.toWellFormed();

/** A path segment: real names mixed with anything at all. */
const segment = fc.oneof(
  fc.constantFrom("japan-dprk-beijing-2006", "japan", "dprk", "song-il-ho", "abductions", "news-report-2006-02-07", "unknown", "a", "-", "x".repeat(81), "%", "..", "."),
  oddString.filter((s) => s.length > 0),
);

const queryKey = fc.oneof(fc.constantFrom(...FILTER_KEYS, "from", "to", "limit", "cursor", "status", "since", "page"), trickyKey, fc.string({ maxLength: 8 }));
const queryValue = fc.oneof(
  oddString,
  fc.constantFrom("2006-02-04", "2006-02-07", "unknown", "9999-12-31", "0000-00-00", "2006-02-30", "japan", "dprk", "demand", "no_progress", "ongoing", "0", "1", "200", "201", "-1", "1e3", "0x10", " 5 ", "NaN"),
  fc.constantFrom(encodeCursor("statements", ["2006-02-07", 1, 0, 0, "x"]), encodeCursor("talks", ["z"]), encodeCursor("parties", [{} as never]), "eyJhIjoxfQ", "W10", "bnVsbA"),
  fc.integer().map(String),
);
const query = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 5 });

const templates = Object.values(endpoints).map((e) => e.path);

const address = fc.tuple(fc.constantFrom(...templates), fc.array(segment, { minLength: 2, maxLength: 2 }), query).map(([template, [a, b], q]) => {
  let n = 0;
  const path = template.replace(/\{[a-z]+\}/g, () => encodeURIComponent(wellFormed(n++ === 0 ? a! : b!)));
  const search = new URLSearchParams(q.map(([k, v]) => [wellFormed(k), wellFormed(v)]));
  return { address: `${path}${search.size ? `?${search}` : ""}`, keys: q.map(([k]) => wellFormed(k)) };
});

describe("the read API under hostile addresses", () => {
  it("answers 200, 304, 400 or 404 in the declared JSON, never a 500 or a stack trace", async () => {
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(address, fc.constantFrom(undefined, "*", 'W/"1-x-y"', "garbage"), async ({ address: at, keys }, ifNoneMatch) => {
        const response = await callApi(at, { headers: ifNoneMatch ? { "if-none-match": ifNoneMatch } : {} });
        if (!response) return; // a segment that decodes to a "/" is another path: not this route's
        seen.add(response.status);
        expect([200, 304, 400, 404], at).toContain(response.status);
        expect(response.headers.get("access-control-allow-origin")).toBe("*");
        if (response.status === 304) return;
        expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
        const body = JSON.parse(await response.text()) as unknown;
        expect(schemaErrors(at, response.status, body), at).toEqual([]);
        if (response.status >= 400) {
          const { error } = body as ApiErrorBody;
          expect(error.message).not.toMatch(/\n\s+at |Error:|prisma|TypeError|undefined/i);
          // Named as it was sent (control characters and lone surrogates shown as U+FFFD, at most 60 characters).
          // …or the one a search must have, when it was not sent.
          if (response.status === 400) expect([...keys.map(printable), ...(at.startsWith("/api/v1/search") ? ["q"] : [])], at).toContain(error.parameter);
        }
      }),
      { numRuns: 400 },
    );
    // The runs reached the data, not only the refusals.
    expect([...seen].sort()).toEqual(expect.arrayContaining([200, 400, 404]));
  });

  it("answers OPTIONS with the CORS preflight and other methods with 405 on any address", async () => {
    await fc.assert(
      fc.asyncProperty(address, fc.constantFrom("OPTIONS", "POST", "PUT", "PATCH", "DELETE"), async ({ address: at }, method) => {
        const response = await callApi(at, { method });
        if (!response) return;
        expect(response.status).toBe(method === "OPTIONS" ? 204 : 405);
        expect(response.headers.get("access-control-allow-origin")).toBe("*");
      }),
      { numRuns: 100 },
    );
  });
});
