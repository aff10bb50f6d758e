// Accounts and sessions, by better-auth with its Prisma adapter (docs/decisions/004-auth.md).
// Email and password only; nobody signs themselves up (admins and `npm run user:create` make
// accounts, lib/users/accounts.ts). Sessions live in the AuthSession table and travel in one
// HttpOnly, SameSite=Lax cookie that is Secure whenever BETTER_AUTH_URL is https.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getDb, type Db } from "../db";
import { getEnv, isLoopbackHost, type Env } from "../env";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from "./password";
import { databaseRateLimitStorage } from "./rate-limit";
import { resolveAuthSecret } from "./secret";

/** A session lasts a week from its last refresh… */
export const SESSION_EXPIRES_IN_S = 7 * 24 * 60 * 60;
/** …and is refreshed (expiry pushed back a week, cookie re-sent) at most once a day of use. */
export const SESSION_UPDATE_AGE_S = 24 * 60 * 60;
/** Sign-in attempts per client address: 5 a minute, counted whether they succeed or not. */
export const SIGN_IN_RATE_LIMIT = { window: 60, max: 5 } as const;
export const AUTH_BASE_PATH = "/api/auth";
export const COOKIE_PREFIX = "parley";
export const ACCOUNT_DISABLED_MESSAGE = "This account is disabled; ask an admin to enable it.";

/**
 * The base URL's origin, and its loopback twin (localhost ↔ 127.0.0.1) so a local server
 * answers under either name.
 */
export function trustedOrigins(baseUrl: string): string[] {
  const url = new URL(baseUrl);
  const origins = [url.origin];
  if (isLoopbackHost(url.hostname)) {
    for (const host of ["localhost", "127.0.0.1"]) {
      const twin = new URL(url.origin);
      twin.hostname = host;
      if (!origins.includes(twin.origin)) origins.push(twin.origin);
    }
  }
  return origins;
}

export function createAuth(db: Db, env: Env, secret: string) {
  return betterAuth({
    appName: "Parley",
    baseURL: env.auth.baseUrl,
    basePath: AUTH_BASE_PATH,
    secret,
    trustedOrigins: trustedOrigins(env.auth.baseUrl),
    database: prismaAdapter(db, { provider: env.database.provider }),
    emailAndPassword: {
      enabled: true,
      // Accounts are made by admins (/admin/users) and by `npm run user:create`, never by visitors.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    user: {
      additionalFields: {
        // input: false — no request to better-auth can set these; only lib/users/accounts.ts does.
        role: { type: ["analyst", "editor", "admin"], required: false, defaultValue: "analyst", input: false },
        disabledAt: { type: "date", required: false, input: false },
      },
    },
    session: {
      modelName: "authSession",
      expiresIn: SESSION_EXPIRES_IN_S,
      updateAge: SESSION_UPDATE_AGE_S,
      // No cookie cache: every request reads the session row, so a disabled or deleted account
      // and a changed role take effect at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      // better-auth limits only in production by default; `next dev` and tests must behave the same.
      enabled: true,
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { ...SIGN_IN_RATE_LIMIT } },
      customStorage: databaseRateLimitStorage(() => Promise.resolve(db)),
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account may hold the right password; it still gets no session.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { disabledAt: true } });
            if (!user || user.disabledAt) throw new APIError("FORBIDDEN", { message: ACCOUNT_DISABLED_MESSAGE });
          },
        },
      },
    },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      // Next sets X-Forwarded-For from the socket when the request has none; a reverse proxy in
      // front must set it (not append a client's value), or clients could pick their own address.
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    telemetry: { enabled: false },
    // Lets auth.api calls made inside Server Actions (sign-out) set and clear cookies. Keep it last.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { parleyAuth?: Promise<Auth> };

/** The process-wide better-auth instance, made on first use. */
export function getAuth(): Promise<Auth> {
  globalForAuth.parleyAuth ??= (async () => createAuth(await getDb(), getEnv(), resolveAuthSecret()))().catch(
    (error: unknown) => {
      globalForAuth.parleyAuth = undefined;
      throw error;
    },
  );
  return globalForAuth.parleyAuth;
}
