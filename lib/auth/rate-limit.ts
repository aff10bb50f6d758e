// better-auth's rate limiter, counted in the database (table RateLimit) so that every app
// instance and every restart shares the same counts. better-auth's own "database" storage reads,
// then updates inside an interactive transaction; this does the whole check-and-count in one
// INSERT … ON CONFLICT DO UPDATE … RETURNING, which is atomic on SQLite and PostgreSQL alike and
// avoids interactive transactions on the SQLite driver adapter (docs/notes/prisma-offline.md, P2028).
//
// Semantics are better-auth's: a window starts at the first counted request; while fewer than
// `max` requests were counted in it, the request is counted and allowed (and the window's clock
// moves to it); after that, requests are refused until `window` seconds after the last counted one.
import { randomUUID } from "node:crypto";
import type { Db } from "../db";

export type RateLimitRule = { window: number; max: number };
export type RateLimitDecision = { allowed: boolean; retryAfter: number | null };

/** Rows untouched for this long are deleted now and then (longer than any window we use). */
const PRUNE_AFTER_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

export function databaseRateLimitStorage(getDb: () => Promise<Db>, now: () => number = Date.now) {
  let lastPrune = 0;
  return {
    async consume(key: string, rule: RateLimitRule): Promise<RateLimitDecision> {
      const db = await getDb();
      const at = now();
      const windowMs = Math.round(rule.window * 1000);
      // "count" goes on growing past max while refused; lastRequest only moves on a counted request.
      const rows = await db.$queryRaw<{ count: number | bigint; lastRequest: number | bigint }[]>`
        INSERT INTO "RateLimit" ("id", "key", "count", "lastRequest")
        VALUES (${randomUUID()}, ${key}, 1, CAST(${at} AS BIGINT))
        ON CONFLICT ("key") DO UPDATE SET
          "count" = CASE
            WHEN CAST(${at} AS BIGINT) - "RateLimit"."lastRequest" >= CAST(${windowMs} AS BIGINT) THEN 1
            ELSE "RateLimit"."count" + 1 END,
          "lastRequest" = CASE
            WHEN CAST(${at} AS BIGINT) - "RateLimit"."lastRequest" >= CAST(${windowMs} AS BIGINT) THEN CAST(${at} AS BIGINT)
            WHEN "RateLimit"."count" < CAST(${rule.max} AS INTEGER) THEN CAST(${at} AS BIGINT)
            ELSE "RateLimit"."lastRequest" END
        RETURNING "count", "lastRequest"`;
      const row = rows[0];
      if (!row) throw new Error("The rate-limit upsert returned no row.");
      if (at - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = at;
        const cutoff = at - PRUNE_AFTER_MS;
        await db.$executeRaw`DELETE FROM "RateLimit" WHERE "lastRequest" < CAST(${cutoff} AS BIGINT)`;
      }
      if (Number(row.count) <= rule.max) return { allowed: true, retryAfter: null };
      const retryAfter = Math.max(1, Math.ceil((Number(row.lastRequest) + windowMs - at) / 1000));
      return { allowed: false, retryAfter };
    },

    /** Gives back one counted request (a sign-in that succeeded), in one statement. */
    async refund(key: string): Promise<void> {
      const db = await getDb();
      await db.$executeRaw`UPDATE "RateLimit" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`;
    },
  };
}
