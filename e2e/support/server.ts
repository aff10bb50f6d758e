// A second Parley server for tests that need a setting or a database of their own (reading
// behind login; a database nobody else writes to). It runs the same production build as the
// main test server, on a free port, and is stopped by the test that started it.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { ROOT, run } from "./accounts";

export type TestServer = { baseURL: string; databaseUrl: string; stop(): Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Erases, migrates and seeds a SQLite database of the test's own under data/. */
export async function freshDatabase(name: string): Promise<string> {
  const databaseUrl = `file:./data/${name}.db`;
  await run("npm", ["run", "-s", "db:reset"], { DATABASE_URL: databaseUrl });
  return databaseUrl;
}

export async function startServer(options: { databaseUrl: string; env?: Record<string, string> }): Promise<TestServer> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "server.mjs"), "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: ROOT,
      // Behind a "trusted proxy" unless a test says otherwise, as the main test server is: tests
      // sign in from X-Forwarded-For addresses of their own (newVisitor).
      env: { ...process.env, PARLEY_TRUSTED_PROXY: "true", ...options.env, DATABASE_URL: options.databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
  };

  // A worker that dies without afterAll must not leave the server running.
  process.once("exit", () => {
    if (child.exitCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
  });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The test server exited early:\n${output}`);
    try {
      const response = await fetch(`${baseURL}/login`, { redirect: "manual" });
      if (response.status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The test server did not start in 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseURL, databaseUrl: options.databaseUrl, stop };
}
