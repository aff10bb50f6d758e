// What every bench runner shares: the machine's description, the cleanup that runs on success,
// error, Ctrl-C and a time limit, and the exit at the end.
import os from "node:os";

/** A wrong option: printed with the usage text, exit code 1. */
export class UsageError extends Error {}

export type Machine = { cores: number; cpu: string; memoryGB: number; node: string; loadAverage: number[] };

export const loadAverage = () => os.loadavg().map((x) => Number(x.toFixed(2)));

export function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? "unknown",
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: loadAverage(),
  };
}

/** Bytes of inline <script> bodies: in the App Router, mostly the RSC payload repeated for hydration. */
export function inlineScriptBytes(html: string): number {
  let total = 0;
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) total += Buffer.byteLength(m[1] ?? "");
  return total;
}

/** Set once an interrupt or the time limit has started the cleanup; errors after it are its echo. */
let aborting = false;

/**
 * One cleanup, shared: an interrupt (or the time limit, through `abort`) starts it, and the main
 * flow's `finally` then waits for the same one instead of racing it to process.exit.
 */
export function guardCleanup(cleanupOnce: () => Promise<void>): { cleanup: () => Promise<void>; abort: (why: string, code: number) => void } {
  let cleaning: Promise<void> | null = null;
  const cleanup = () => (cleaning ??= cleanupOnce());
  const abort = (why: string, code: number) => {
    if (aborting) return;
    aborting = true;
    console.error(`\n${why}; stopping the servers and cleaning up.`);
    // If cleanup itself hangs, leave anyway.
    setTimeout(() => process.exit(code), 15_000).unref();
    void cleanup().finally(() => process.exit(code));
  };
  // `on`, not `once`: Playwright's own handler exits at once when it is the only listener left.
  process.on("SIGINT", () => abort("Interrupted", 130));
  process.on("SIGTERM", () => abort("Terminated", 143));
  process.on("SIGHUP", () => abort("Hung up", 129));
  return { cleanup, abort };
}

/** Runs the bench's main and exits: 0 when done, 1 on an error (with the usage after a UsageError). */
export function runMain(main: () => Promise<void>, usage: string): void {
  main().then(
    () => {
      if (!aborting) process.exit(0);
    },
    (error: unknown) => {
      if (aborting) return; // abort() exits once the cleanup is done
      console.error(error instanceof UsageError ? `${error.message}\n${usage}` : error);
      process.exit(1);
    },
  );
}
