import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, getEnv, parseDatabaseUrl } from "./env";

describe("configuration", () => {
  it("defaults to a SQLite file under data/ when DATABASE_URL is missing or empty", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parley-env-"));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const source of [{}, { DATABASE_URL: "" }, { DATABASE_URL: "  " }]) {
        const env = getEnv(source);
        expect(env.database).toMatchObject({ provider: "sqlite", file: path.join(dir, "data/parley.db") });
      }
    } finally {
      process.chdir(cwd);
    }
  });

  it("chooses PostgreSQL for postgresql:// and postgres:// URLs", () => {
    expect(parseDatabaseUrl("postgresql://u:p@127.0.0.1:5432/parley").provider).toBe("postgresql");
    expect(parseDatabaseUrl("postgres://127.0.0.1/parley").provider).toBe("postgresql");
  });

  it.each([
    ["mysql://localhost/parley", /is not understood: use file:.* or postgresql:/],
    ["file:", /names no database file/],
    ["postgresql://u:secret@127.0.0.1:5432", /must name a host and a database/],
  ])("refuses %s with one sentence", (url, message) => {
    let error: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("secret");
    expect((error as Error).message.split(". ").length).toBe(1);
  });

  it("says so when the data folder is a file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parley-env-"));
    const blocker = path.join(dir, "not-a-folder");
    writeFileSync(blocker, "");
    expect(() => getEnv({ DATABASE_URL: `file:${blocker}/parley.db` })).toThrow(
      new ConfigError(`The data folder ${blocker} for DATABASE_URL is a file, not a folder.`),
    );
  });

  it("says so, promptly, when the data folder cannot be created", () => {
    // Under /proc nobody, not even root, can make a folder; Node's recursive mkdir hangs there.
    expect(() => getEnv({ DATABASE_URL: "file:/proc/parley-test/deeper/parley.db" })).toThrow(
      new ConfigError("The data folder /proc/parley-test/deeper for DATABASE_URL does not exist and cannot be created."),
    );
  });

  it("reads PARLEY_PUBLIC_READ, public by default", () => {
    expect(getEnv({ DATABASE_URL: "postgresql://h/db" }).publicRead).toBe(true);
    expect(getEnv({ DATABASE_URL: "postgresql://h/db", PARLEY_PUBLIC_READ: "false" }).publicRead).toBe(false);
    expect(() => getEnv({ DATABASE_URL: "postgresql://h/db", PARLEY_PUBLIC_READ: "maybe" })).toThrow(ConfigError);
  });

  it("reads PARLEY_EMBED_ANCESTORS: any site by default, a list of origins, or 'none'; anything else is refused in one sentence", () => {
    const db = { DATABASE_URL: "postgresql://h/db" };
    expect(getEnv(db).embedAncestors).toEqual(["*"]);
    expect(getEnv({ ...db, PARLEY_EMBED_ANCESTORS: " https://news.example.org  https://*.example.com:8443 'self' " }).embedAncestors).toEqual([
      "https://news.example.org",
      "https://*.example.com:8443",
      "'self'",
    ]);
    expect(getEnv({ ...db, PARLEY_EMBED_ANCESTORS: "'none'" }).embedAncestors).toEqual(["'none'"]);
    for (const bad of ["javascript:alert(1)", "https://x.org; script-src *", "'none' https://x.org", "ftp://x.org"]) {
      expect(() => getEnv({ ...db, PARLEY_EMBED_ANCESTORS: bad }), bad).toThrow(ConfigError);
    }
  });
});
