// Next.js calls register() once when a server starts. The configuration is checked here too,
// so `next start` run directly (without `npm start`) also refuses a bad one in one sentence.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/startup-check");
}

/**
 * Next.js calls this for every error a request ends in. One caused by an unreachable database
 * marks it down, so that until it answers again visitors get "503, try again shortly" from
 * proxy.ts (lib/health/database.ts) rather than an error page.
 */
export async function onRequestError(error: unknown) {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isDatabaseUnreachable, markDatabaseDown } = await import("./lib/health/database");
  if (isDatabaseUnreachable(error)) markDatabaseDown();
}
