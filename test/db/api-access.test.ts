// The read API with PARLEY_PUBLIC_READ=false: an anonymous call is refused with 401 in the API's
// JSON shape (readable from another site), before any data is read; a forged session cookie is no
// better; the OpenAPI document and CORS preflights stay open. (A signed-in browser reading the API
// is in e2e/api.spec.ts, on a server of its own.)
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ApiErrorBody } from "../../lib/api/schemas";
import type { Db } from "../../lib/db";
import { callApi } from "../support/api";
import { loadSeedTalk } from "../support/factories";
import { migratedSqlite } from "../support/sqlite-template";

vi.mock("../../lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../lib/env")>();
  return { ...actual, getEnv: (...args: Parameters<typeof actual.getEnv>) => ({ ...actual.getEnv(...args), publicRead: false }) };
});

let db: Db;

beforeAll(async () => {
  const config = await migratedSqlite("read-api-access");
  process.env.DATABASE_URL = config.url;
  db = await (await import("../../lib/db")).getDb();
  await loadSeedTalk(db, "test");
});

afterAll(async () => {
  await db?.$disconnect();
});

describe("the read API when reading needs an account", () => {
  it.each(["/api/v1/talks", "/api/v1/talks/japan-dprk-beijing-2006/statements", "/api/v1/parties/japan", "/api/v1/talks/no-such-talk"])("refuses an anonymous %s with 401", async (address) => {
    for (const headers of [{}, { cookie: "parley.session_token=forged.signature" }] as Record<string, string>[]) {
      const response = (await callApi(address, { headers }))!;
      expect(response.status).toBe(401);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(((await response.json()) as ApiErrorBody).error.code).toBe("unauthenticated");
    }
  });

  it("still answers the OpenAPI document and preflights", async () => {
    expect((await callApi("/api/v1/openapi.json"))!.status).toBe(200);
    expect((await callApi("/api/v1/talks", { method: "OPTIONS" }))!.status).toBe(204);
  });
});
