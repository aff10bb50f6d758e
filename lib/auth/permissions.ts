// Who is asking, and may they? Every write calls one of the require* helpers (through
// lib/actions/safe-action.ts) inside itself: a Server Action or route handler is a public
// endpoint, so a check in a page or in proxy.ts alone protects nothing.
import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getEnv } from "../env";
import { getAuth } from "./auth";
import { MESSAGES, PermissionError, checkRole, type CurrentUser } from "./roles";
import { getSessionUser } from "./session";

export {
  canAdmin,
  canEdit,
  checkRole,
  hasRole,
  isRole,
  MESSAGES,
  PermissionError,
  ROLES,
  type CurrentUser,
  type PermissionCode,
  type Role,
} from "./roles";

/** The signed-in user of this request, or null. Read once per request (React cache). */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // headers() first: during a static prerender it bails out before any database is opened.
  const requestHeaders = await headers();
  return getSessionUser(await getAuth(), requestHeaders);
});

/** Any signed-in user; otherwise throws PermissionError (401). */
export async function requireUser(): Promise<CurrentUser> {
  return checkRole(await getCurrentUser(), "analyst");
}

/** An editor or admin; otherwise throws PermissionError (401 nobody signed in, 403 analyst). */
export async function requireEditor(): Promise<CurrentUser> {
  return checkRole(await getCurrentUser(), "editor");
}

/** An admin; otherwise throws PermissionError (401 or 403). */
export async function requireAdmin(): Promise<CurrentUser> {
  return checkRole(await getCurrentUser(), "admin");
}

/**
 * The gate at the top of every lib/data read: with PARLEY_PUBLIC_READ=false, reading needs a
 * signed-in user (any role) and this throws PermissionError (401) for anyone else. With public
 * reading (the default) it returns at once without looking at the request.
 */
export async function requireReader(): Promise<void> {
  if (getEnv().publicRead) return;
  if (!(await getCurrentUser())) throw new PermissionError("unauthenticated", MESSAGES.signInToRead);
}
