// A migration against a SQLite file that another process has locked fails with one plain
// sentence, not the engine's undecodable error.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { applyMigrations, CommandError } from "../../scripts/db/engine";

it("says the database is held by another process when SQLite stays locked", async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-busy-")), "busy.db");
  // Another process takes the write lock and keeps it for 20 s.
  const holder = spawn(
    process.execPath,
    [
      "-e",
      `const db = new (require("better-sqlite3"))(${JSON.stringify(file)}); db.exec("CREATE TABLE t (x); BEGIN EXCLUSIVE"); console.log("locked"); setTimeout(() => {}, 20000);`,
    ],
    { cwd: path.resolve(import.meta.dirname, "../.."), stdio: ["ignore", "pipe", "inherit"] },
  );
  try {
    await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
    const error = await applyMigrations({ provider: "sqlite", url: `file:${file}`, file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toMatch(/another process holds it/);
  } finally {
    holder.kill();
  }
}, 60_000);
