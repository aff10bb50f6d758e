// Whether the database can be reached, for answering "503, try again shortly" instead of an error
// page while it cannot (issue 9). A request that fails because the database is unreachable marks
// it down (instrumentation.ts, Next.js's onRequestError); while it is marked down, proxy.ts asks
// here before each request, and here a one-line query, at most once a second, finds out whether it
// is back. The state lives on globalThis: the proxy, the instrumentation and the pages are bundled
// apart but run in one process.
import "server-only";
import { getDb } from "../db";

/** How long a visitor is told to wait before trying again (Retry-After, seconds). */
export const RETRY_AFTER_SECONDS = 5;
/** How often, at most, a down database is asked again. */
const PROBE_EVERY_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_500;

type Health = { down: boolean; probedAt: number; probing: Promise<boolean> | null };
const state = globalThis as unknown as { parleyDatabaseHealth?: Health };
const health = (): Health => (state.parleyDatabaseHealth ??= { down: false, probedAt: 0, probing: null });

/** Error codes meaning "the database is not there", as pg, Node and Prisma report them. */
const UNREACHABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE", "57P01", "57P02", "57P03", "P1001", "P1002", "P1017"]);
const UNREACHABLE_TEXT = /ECONNREFUSED|Connection terminated|connect ETIMEDOUT|terminating connection due to administrator command|the database system is (shutting down|starting up)|Can't reach database server/i;

/** Whether an error (or any error it was caused by) says the database cannot be reached. */
export function isDatabaseUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, message, cause, originalCode } = error as { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown };
  if ((typeof code === "string" && UNREACHABLE.has(code)) || (typeof originalCode === "string" && UNREACHABLE.has(originalCode))) return true;
  if (typeof message === "string" && UNREACHABLE_TEXT.test(message)) return true;
  const errors = (error as { errors?: unknown }).errors; // AggregateError: one per address tried
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnreachable(e, depth + 1))) return true;
  return isDatabaseUnreachable(cause, depth + 1);
}

export function markDatabaseDown(): void {
  health().down = true;
}

/** True unless the database was found unreachable and still is (asked again at most once a second). */
export async function databaseAvailable(now = Date.now()): Promise<boolean> {
  const h = health();
  if (!h.down) return true;
  if (h.probing) return h.probing;
  if (now - h.probedAt < PROBE_EVERY_MS) return false;
  h.probedAt = now;
  h.probing = probe().finally(() => (h.probing = null));
  return h.probing;
}

async function probe(): Promise<boolean> {
  try {
    const db = await getDb();
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("The database did not answer in time.")), PROBE_TIMEOUT_MS).unref()),
    ]);
    health().down = false;
    return true;
  } catch {
    return false;
  }
}
