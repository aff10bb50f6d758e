// Reads the signed-in user from a request's cookies. Used by lib/auth/permissions.ts (pages,
// Server Actions, route handlers) and by proxy.ts (which also re-sends a refreshed cookie).
import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { COOKIE_PREFIX, SESSION_EXPIRES_IN_S, SESSION_UPDATE_AGE_S, sessionDatabaseOf, type Auth } from "./auth";
import { isRole, type CurrentUser } from "./roles";

type SessionResult = Awaited<ReturnType<Auth["api"]["getSession"]>>;

/** The app's view of a better-auth session: a plain user, or null if none, expired or disabled. */
export function toCurrentUser(session: SessionResult): CurrentUser | null {
  if (!session) return null;
  const { user } = session;
  if (user.disabledAt || !isRole(user.role)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

const SESSION_COOKIE = new RegExp(`^(__Secure-)?${COOKIE_PREFIX}\\.session_token$`);

/** Whether a request carries a session cookie at all: most readers' requests do not. */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE.test(name)) return true;
  return false;
}

/** The cookies' names in a Cookie header. */
function cookieNames(headers: Headers): string[] {
  return (headers.get("cookie") ?? "").split(";").map((pair) => pair.split("=")[0]!.trim());
}

export async function getSessionUser(auth: Auth, headers: Headers): Promise<CurrentUser | null> {
  // No session cookie, no session: better-auth would say so too, after more work per request.
  if (!hasSessionCookie(cookieNames(headers))) return null;
  const quick = await quickSessionUser(auth, headers);
  if (quick !== undefined) return quick;
  return toCurrentUser(await auth.api.getSession({ headers }));
}

type SessionRow = { expiresAt: string | Date; id: string; name: string; email: string; role: string; disabledAt: string | Date | null };

/**
 * The session's user read in one query, for the usual request: a validly signed cookie naming a
 * live session that is not yet due for its daily refresh. `undefined` means "ask better-auth"
 * (a missing, expired or refresh-due session, where better-auth deletes the row, or pushes the
 * expiry back and re-sends the cookie). A save paid 2.5 ms for better-auth's getSession (its
 * request context, an async WebCrypto HMAC, two ORM queries); this is one query and a
 * synchronous HMAC (docs/decisions/013-write-throughput.md). The cookie is better-auth's signed
 * cookie, `token.base64(HMAC-SHA256(secret, token))` URL-encoded; test/db/auth.test.ts checks
 * that both reads agree on every case, so a change of format in better-auth fails a test instead
 * of signing everyone out.
 */
export async function quickSessionUser(auth: Auth, headers: Headers, now = Date.now()): Promise<CurrentUser | null | undefined> {
  const db = sessionDatabaseOf(auth);
  if (!db) return undefined;
  const context = await auth.$context;
  const raw = cookieValue(headers, context.authCookies.sessionToken.name);
  if (raw === null) return null;
  const token = verifiedToken(raw, context.secret);
  if (token === null) return null;
  const [row] = await db.$queryRaw<SessionRow[]>`
    SELECT s."expiresAt" AS "expiresAt", u.id AS id, u.name AS name, u.email AS email, u.role AS role, u."disabledAt" AS "disabledAt"
    FROM "AuthSession" s JOIN "User" u ON u.id = s."userId"
    WHERE s.token = ${token}`;
  if (!row) return undefined;
  const expiresAt = new Date(row.expiresAt).getTime();
  if (!(expiresAt > now)) return undefined;
  if (expiresAt - SESSION_EXPIRES_IN_S * 1000 + SESSION_UPDATE_AGE_S * 1000 <= now) return undefined;
  if (row.disabledAt !== null || !isRole(row.role)) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

/** The value of the cookie `name` in a Cookie header, URL-decoded; null if absent or undecodable. */
function cookieValue(headers: Headers, name: string): string | null {
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    try {
      return decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

/** The token of a signed cookie value whose signature is right, else null (as better-call's getSignedCookie). */
function verifiedToken(value: string, secret: string): string | null {
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = createHmac("sha256", secret).update(token).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}
