// Accounts and sessions, by better-auth with its Prisma adapter (docs/decisions/004-auth.md).
// Email and password only; nobody signs themselves up (admins and `npm run user:create` make
// accounts, lib/users/accounts.ts). Sessions live in the AuthSession table and travel in one
// HttpOnly, SameSite=Lax cookie that is Secure whenever BETTER_AUTH_URL is https.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { getDb, type Db } from "../db";
import { getEnv, isLoopbackHost, type Env } from "../env";
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from "./password";
import { clientAddress, SOCKET_ADDRESS_HEADER } from "./client-address";
import { databaseRateLimitStorage } from "./rate-limit";
import { resolveAuthSecret } from "./secret";
import { signInKeys, signInLimiter, tooManyAttemptsMessage, type SignInKeys } from "./sign-in-limit";

/** A session lasts a week from its last refresh… */
export const SESSION_EXPIRES_IN_S = 7 * 24 * 60 * 60;
/** …and is refreshed (expiry pushed back a week, cookie re-sent) at most once a day of use. */
export const SESSION_UPDATE_AGE_S = 24 * 60 * 60;
const SIGN_IN_PATH = "/sign-in/email";
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
  const storage = databaseRateLimitStorage(() => Promise.resolve(db));
  const signInLimit = signInLimiter(storage);
  const keysOf = (ctx: { body?: unknown; headers?: Headers; request?: Request }): SignInKeys => {
    const email = (ctx.body as { email?: unknown } | undefined)?.email;
    const headers = ctx.request?.headers ?? ctx.headers ?? new Headers();
    return signInKeys(clientAddress(headers, { trustedProxy: env.auth.trustedProxy }), typeof email === "string" ? email : "");
  };
  const auth = betterAuth({
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
      // Sign-in has limits of its own, per address and per account, in the hooks below.
      customRules: { [SIGN_IN_PATH]: false },
      customStorage: storage,
    },
    hooks: {
      // Counted before the password is hashed (a flood of guesses costs no scrypt work once over
      // a limit), and given back when the sign-in succeeds (lib/auth/sign-in-limit.ts).
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH) return;
        const decision = await signInLimit.begin(keysOf(ctx));
        if (!decision.allowed) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: tooManyAttemptsMessage(decision.retryAfter) },
            { "X-Retry-After": String(decision.retryAfter) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== SIGN_IN_PATH || !ctx.context.newSession) return;
        await signInLimit.succeeded(keysOf(ctx));
      }),
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
      // The address better-auth records on a session and keys its other limits by: X-Forwarded-For
      // only behind a trusted proxy, else the socket's, as server.mjs sets it (lib/auth/client-address.ts).
      ipAddress: { ipAddressHeaders: env.auth.trustedProxy ? ["x-forwarded-for"] : [SOCKET_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    // Lets auth.api calls made inside Server Actions (sign-out) set and clear cookies. Keep it last.
    plugins: [nextCookies()],
  });
  sessionDatabases.set(auth, db);
  return auth;
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * The database each better-auth instance keeps its sessions in, for lib/auth/session.ts's quick
 * read. On globalThis, as the instance is (getAuth): the proxy, the pages and the route handlers
 * are bundled apart, each with its own copy of this module, but share one instance.
 */
const globalForSessions = globalThis as unknown as { parleyAuthDatabases?: WeakMap<object, Db> };
const sessionDatabases = (globalForSessions.parleyAuthDatabases ??= new WeakMap<object, Db>());

/** Undefined for an instance createAuth did not make (a test's stand-in): better-auth alone reads its sessions. */
export function sessionDatabaseOf(auth: Auth): Db | undefined {
  return sessionDatabases.get(auth);
}

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
