// The app's configuration, read and checked once. Every failure is one sentence naming the
// variable and what is wrong, never a stack trace (see scripts/check-env.ts and instrumentation.ts).
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/parley.db";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Empty strings count as missing, so `DATABASE_URL=` falls back to the default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

export const DEFAULT_AUTH_URL = "http://localhost:3000";
export const AUTH_SECRET_MIN_LENGTH = 32;

const EnvSchema = z.object({
  DATABASE_URL: optional(z.string()),
  PARLEY_PUBLIC_READ: optional(z.enum(["true", "false"])),
  PARLEY_TRUSTED_PROXY: optional(z.enum(["true", "false"], { error: 'must be "true" (behind a reverse proxy that sets X-Forwarded-For) or "false"' })),
  BETTER_AUTH_SECRET: optional(
    z.string().min(AUTH_SECRET_MIN_LENGTH, {
      error: `must be at least ${AUTH_SECRET_MIN_LENGTH} characters long (make one with: openssl rand -base64 32)`,
    }),
  ),
  PARLEY_EMBED_ANCESTORS: optional(
    z
      .string()
      .transform((v) => v.trim().split(/\s+/))
      .refine((sources) => sources.every(isFrameAncestor), {
        error: "must be * or a space-separated list of sites that may frame /embed/ pages, like https://news.example.org https://*.example.com ('none' forbids it)",
      }),
  ),
  BETTER_AUTH_URL: optional(
    z.url({ protocol: /^https?$/, error: "must be the http:// or https:// address readers use, like https://parley.example.org" }),
  ),
});

export type DatabaseConfig =
  | { provider: "sqlite"; url: string; file: string }
  | { provider: "postgresql"; url: string };

/** Which database a URL names: `file:` → SQLite, `postgresql://`/`postgres://` → PostgreSQL. */
export function parseDatabaseUrl(raw: string, cwd = process.cwd()): DatabaseConfig {
  const url = raw.trim();
  if (url.startsWith("file:")) {
    const rest = url.slice("file:".length).split("?")[0] ?? "";
    if (rest === "" || rest.endsWith("/")) {
      throw new ConfigError(
        `DATABASE_URL "${raw}" names no database file; use a path such as file:./data/parley.db.`,
      );
    }
    return { provider: "sqlite", url, file: path.resolve(cwd, rest) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new ConfigError(`DATABASE_URL "${redact(raw)}" is not a valid PostgreSQL URL.`);
    }
    if (!parsed.hostname || parsed.pathname.length <= 1) {
      throw new ConfigError(
        `DATABASE_URL "${redact(raw)}" must name a host and a database, like postgresql://user@127.0.0.1:5432/parley.`,
      );
    }
    return { provider: "postgresql", url };
  }
  throw new ConfigError(
    `DATABASE_URL "${redact(raw)}" is not understood: use file:./data/parley.db for SQLite or postgresql://… for PostgreSQL.`,
  );
}

/** Makes sure the SQLite file's folder exists and can be written, or says why not. */
export function ensureSqliteWritable(file: string): void {
  const dir = path.dirname(file);
  try {
    makeFolders(dir);
  } catch {
    throw new ConfigError(`The data folder ${dir} for DATABASE_URL does not exist and cannot be created.`);
  }
  if (!statSync(dir).isDirectory()) {
    throw new ConfigError(`The data folder ${dir} for DATABASE_URL is a file, not a folder.`);
  }
  try {
    accessSync(dir, constants.W_OK);
    try {
      accessSync(file, constants.W_OK);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  } catch {
    throw new ConfigError(`The data folder ${dir} for DATABASE_URL is not writable by this user.`);
  }
}

/**
 * mkdir -p, one level at a time: Node's own `recursive: true` spins forever on some
 * unwritable trees (seen with a path under /proc), which would hang start-up instead of failing.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!existsSync(at)) {
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) mkdirSync(folder);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

export type AuthConfig = {
  /** BETTER_AUTH_SECRET; when absent (only allowed on a loopback address) lib/auth/secret.ts keeps one in data/. */
  secret: string | undefined;
  /** The origin readers use, e.g. https://parley.example.org; cookies are Secure when it is https. */
  baseUrl: string;
  /**
   * PARLEY_TRUSTED_PROXY: a reverse proxy in front sets X-Forwarded-For, so its last entry is the
   * client's address. Otherwise (the default) the address is the connection's own, and a client's
   * X-Forwarded-For is ignored (lib/auth/client-address.ts).
   */
  trustedProxy: boolean;
};

export type Env = {
  database: DatabaseConfig;
  publicRead: boolean;
  auth: AuthConfig;
  /** Who may put /embed/ pages in a frame: CSP frame-ancestors sources ("*": any site). */
  embedAncestors: string[];
};

/** A CSP frame-ancestors source an operator may list: *, 'self', 'none', or an http(s) origin (a *. subdomain wildcard allowed). */
export function isFrameAncestor(source: string): boolean {
  return source === "*" || source === "'self'" || source === "'none'" || /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i.test(source);
}

/** localhost, 127.0.0.0/8 and ::1: a server only this machine can reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * A server that others reach (BETTER_AUTH_URL names a host that is not loopback) must be given
 * its secret: a generated one would differ per instance and could be read from the data folder.
 */
function parseAuth(secret: string | undefined, url: string | undefined, trustedProxy: boolean): AuthConfig {
  const baseUrl = new URL(url ?? DEFAULT_AUTH_URL).origin;
  if (!secret && !isLoopbackHost(new URL(baseUrl).hostname)) {
    throw new ConfigError(
      `BETTER_AUTH_SECRET is missing: a server at ${baseUrl} needs a random secret of at least ${AUTH_SECRET_MIN_LENGTH} characters (openssl rand -base64 32).`,
    );
  }
  return { secret, baseUrl, trustedProxy };
}

let cached: Env | undefined;

/** The checked environment. Throws ConfigError with a one-sentence message. */
export function getEnv(source: Record<string, string | undefined> = process.env): Env {
  if (cached && source === process.env) return cached;
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join(".")} is invalid: ${issue?.message}.`);
  }
  const database = parseDatabaseUrl(parsed.data.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  if (database.provider === "sqlite") ensureSqliteWritable(database.file);
  const auth = parseAuth(parsed.data.BETTER_AUTH_SECRET, parsed.data.BETTER_AUTH_URL, parsed.data.PARLEY_TRUSTED_PROXY === "true");
  const embedAncestors = parsed.data.PARLEY_EMBED_ANCESTORS ?? ["*"];
  if (embedAncestors.includes("'none'") && embedAncestors.length > 1) throw new ConfigError("PARLEY_EMBED_ANCESTORS is invalid: 'none' cannot be listed with other sites.");
  const env = { database, publicRead: parsed.data.PARLEY_PUBLIC_READ !== "false", auth, embedAncestors };
  if (source === process.env) cached = env;
  return env;
}
