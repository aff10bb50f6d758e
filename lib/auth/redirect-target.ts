// Where to go after signing in: only a path on this site (never "//other.host" or a full URL,
// which would make /login?next=… an open redirect), and never back to /login itself.
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (/[\u0000-\u001f]/.test(next)) return "/";
  const path = next.split(/[?#]/)[0] ?? "";
  if (path === "/login" || path.startsWith("/login/")) return "/";
  return next;
}

/** /login?next=<where the visitor was going>. */
export function loginPath(next: string): string {
  const target = safeNextPath(next);
  return target === "/" ? "/login" : `/login?next=${encodeURIComponent(target)}`;
}
