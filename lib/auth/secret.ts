// The key better-auth signs session cookies with. BETTER_AUTH_SECRET wins; without it (allowed
// only while the app is served on a loopback address, see lib/env.ts) one is generated on first
// start and kept in data/auth-secret, readable by this user alone, so `npm start` works on a fresh
// machine and sessions survive restarts. Not imported by client code: no "server-only" marker so
// the command-line scripts can use it.
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AUTH_SECRET_MIN_LENGTH, ConfigError, getEnv } from "../env";

export const AUTH_SECRET_FILE = "data/auth-secret";

let cached: string | undefined;

export function resolveAuthSecret(cwd = process.cwd()): string {
  const configured = getEnv().auth.secret;
  if (configured) return configured;
  if (cached) return cached;
  const file = path.resolve(cwd, AUTH_SECRET_FILE);
  const draft = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    // Written aside, then linked into place: link() is atomic and refuses an existing file, so
    // when two processes start at once one secret wins and nobody reads a half-written file.
    writeFileSync(draft, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") {
      throw new ConfigError(`${AUTH_SECRET_FILE} could not be written; set BETTER_AUTH_SECRET instead.`);
    }
  } finally {
    rmSync(draft, { force: true });
  }
  let secret: string;
  try {
    chmodSync(file, 0o600);
    secret = readFileSync(file, "utf8").trim();
  } catch {
    throw new ConfigError(`${AUTH_SECRET_FILE} could not be read; set BETTER_AUTH_SECRET instead.`);
  }
  if (secret.length < AUTH_SECRET_MIN_LENGTH) {
    throw new ConfigError(
      `${AUTH_SECRET_FILE} holds fewer than ${AUTH_SECRET_MIN_LENGTH} characters; delete it to have a new one made, or set BETTER_AUTH_SECRET.`,
    );
  }
  cached = secret;
  return secret;
}
