import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ConfigError, getEnv, isLoopbackHost } from "../env";

const SECRET = "x".repeat(32);

function refusal(source: Record<string, string>): string {
  try {
    getEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("accepted");
}

describe("auth configuration", () => {
  it("defaults to http://localhost:3000 with no secret given (one is kept in data/ instead)", () => {
    expect(getEnv({}).auth).toEqual({ secret: undefined, baseUrl: "http://localhost:3000", trustedProxy: false });
    expect(getEnv({ BETTER_AUTH_URL: "http://127.0.0.1:3107/", BETTER_AUTH_SECRET: "" }).auth.baseUrl).toBe("http://127.0.0.1:3107");
  });

  it("refuses a short secret and a URL that is not http(s), in one sentence naming the variable", () => {
    expect(refusal({ BETTER_AUTH_SECRET: "short" })).toBe(
      "BETTER_AUTH_SECRET is invalid: must be at least 32 characters long (make one with: openssl rand -base64 32).",
    );
    expect(refusal({ BETTER_AUTH_URL: "ftp://parley.example.org" })).toMatch(/^BETTER_AUTH_URL is invalid: must be the http:\/\/ or https:\/\/ address/);
    expect(refusal({ BETTER_AUTH_URL: "parley" })).toMatch(/^BETTER_AUTH_URL is invalid/);
  });

  it("requires a secret for a server others reach, and accepts one given", () => {
    expect(refusal({ BETTER_AUTH_URL: "https://parley.example.org" })).toBe(
      "BETTER_AUTH_SECRET is missing: a server at https://parley.example.org needs a random secret of at least 32 characters (openssl rand -base64 32).",
    );
    expect(getEnv({ BETTER_AUTH_URL: "https://parley.example.org", BETTER_AUTH_SECRET: SECRET }).auth).toEqual({
      secret: SECRET,
      baseUrl: "https://parley.example.org",
      trustedProxy: false,
    });
  });

  it("reads PARLEY_TRUSTED_PROXY: off unless set to true, and a value it does not know is named", () => {
    expect(getEnv({ PARLEY_TRUSTED_PROXY: "true" }).auth.trustedProxy).toBe(true);
    expect(getEnv({ PARLEY_TRUSTED_PROXY: "false" }).auth.trustedProxy).toBe(false);
    expect(getEnv({ PARLEY_TRUSTED_PROXY: "" }).auth.trustedProxy).toBe(false);
    expect(refusal({ PARLEY_TRUSTED_PROXY: "yes" })).toMatch(/^PARLEY_TRUSTED_PROXY is invalid: must be "true"/);
  });

  it("knows loopback hosts", () => {
    expect(["localhost", "127.0.0.1", "127.1.2.3", "[::1]", "app.localhost"].every(isLoopbackHost)).toBe(true);
    expect(["parley.example.org", "10.0.0.1", "128.0.0.1", "localhost.example.org"].some(isLoopbackHost)).toBe(false);
  });
});

describe("the generated secret", () => {
  it("is made once, readable by its owner alone, and read back after a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parley-secret-"));
    vi.resetModules();
    const first = await import("./secret");
    const secret = first.resolveAuthSecret(dir);
    const file = path.join(dir, "data/auth-secret");
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(secret);

    vi.resetModules();
    const restarted = await import("./secret");
    expect(restarted.resolveAuthSecret(dir)).toBe(secret);
  });

  it("refuses a file too short to be a secret, saying what to do", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "parley-secret-"));
    mkdirSync(path.join(dir, "data"));
    writeFileSync(path.join(dir, "data/auth-secret"), "abc\n");
    vi.resetModules();
    const { resolveAuthSecret } = await import("./secret");
    expect(() => resolveAuthSecret(dir)).toThrow(/data\/auth-secret holds fewer than 32 characters; delete it/);
  });
});
