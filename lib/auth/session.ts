// Reads the signed-in user from a request's cookies. Used by lib/auth/permissions.ts (pages,
// Server Actions, route handlers) and by proxy.ts (which also re-sends a refreshed cookie).
import "server-only";
import type { Auth } from "./auth";
import { isRole, type CurrentUser } from "./roles";

type SessionResult = Awaited<ReturnType<Auth["api"]["getSession"]>>;

/** The app's view of a better-auth session: a plain user, or null if none, expired or disabled. */
export function toCurrentUser(session: SessionResult): CurrentUser | null {
  if (!session) return null;
  const { user } = session;
  if (user.disabledAt || !isRole(user.role)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

export async function getSessionUser(auth: Auth, headers: Headers): Promise<CurrentUser | null> {
  return toCurrentUser(await auth.api.getSession({ headers }));
}
