// Reads the signed-in user from a request's cookies. Used by lib/auth/permissions.ts (pages,
// Server Actions, route handlers) and by proxy.ts (which also re-sends a refreshed cookie).
import "server-only";
import { COOKIE_PREFIX, type Auth } from "./auth";
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
  return toCurrentUser(await auth.api.getSession({ headers }));
}
