// Who may do what, as plain functions over plain data: no request, no database. The server-only
// helpers that find the signed-in user live in lib/auth/permissions.ts and re-export these.
import type { UserRole } from "../enums";

export type Role = UserRole;

/** Weakest first: each role may do everything the ones before it may. */
export const ROLES = ["analyst", "editor", "admin"] as const satisfies readonly Role[];

export const ROLE_LABELS: Record<Role, string> = {
  analyst: "analyst",
  editor: "editor",
  admin: "admin",
};

/** The signed-in user as the app sees them; never carries a password hash or a session token. */
export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
};

export type PermissionCode = "unauthenticated" | "forbidden";

/** A refused request: `status` is the HTTP answer (401 sign in, 403 not allowed), `message` a sentence for people. */
export class PermissionError extends Error {
  override name = "PermissionError";
  readonly code: PermissionCode;
  readonly status: 401 | 403;

  constructor(code: PermissionCode, message: string) {
    super(message);
    this.code = code;
    this.status = code === "unauthenticated" ? 401 : 403;
  }
}

export const MESSAGES = {
  signIn: "Sign in to make changes.",
  signInToContinue: "Sign in to continue.",
  signInToRead: "Sign in to read Parley.",
  editorOnly: "Your account may not change talk content: only editors and admins can. Ask an admin for the editor role.",
  adminOnly: "Only admins can do this.",
} as const;

const rank = (role: Role) => ROLES.indexOf(role);

export function hasRole(user: Pick<CurrentUser, "role"> | null | undefined, least: Role): boolean {
  return !!user && rank(user.role) >= rank(least);
}

/** May this user record and change talk content (talks, sessions, statements, assessments…)? */
export function canEdit(user: Pick<CurrentUser, "role"> | null | undefined): boolean {
  return hasRole(user, "editor");
}

/** May this user manage accounts? */
export function canAdmin(user: Pick<CurrentUser, "role"> | null | undefined): boolean {
  return hasRole(user, "admin");
}

/**
 * The user, if they hold at least `least`; otherwise a PermissionError saying why
 * (401 for nobody signed in, 403 for a role too weak).
 */
export function checkRole(user: CurrentUser | null | undefined, least: Role): CurrentUser {
  if (!user) throw new PermissionError("unauthenticated", least === "analyst" ? MESSAGES.signInToContinue : MESSAGES.signIn);
  if (!hasRole(user, least)) {
    throw new PermissionError("forbidden", least === "admin" ? MESSAGES.adminOnly : MESSAGES.editorOnly);
  }
  return user;
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
