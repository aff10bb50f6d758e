// Where to go after signing in: only a path on this site, and never back to /login itself.
//
// The target is parsed the way a browser would resolve it (WHATWG URL, against a fixed dummy
// origin) rather than checked by prefix: "/..//evil.example/x", "/%2e%2e//evil.example",
// "/talks/../..//evil.example" and "/\evil.example" all start with one slash yet resolve to a path
// beginning "//", which a browser reads as another host. Only a target that stays on the dummy
// origin survives, rewritten to its normalized pathname + search + hash, and that pathname must
// not itself begin with "//" or "/\" (issue 9).

/** A reserved name (RFC 6761), so no real site can share this origin. */
const BASE = "http://parley.invalid";
const BASE_ORIGIN = new URL(BASE).origin;

export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/")) return "/";
  // The URL parser silently drops tabs and newlines ("/\t/evil.example" → "//evil.example"):
  // refuse any control character rather than guess what the sender meant.
  if (/[\u0000-\u001f\u007f]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE_ORIGIN) return "/";
  const { pathname, search, hash } = url;
  if (pathname.startsWith("//") || pathname.startsWith("/\\")) return "/";
  if (pathname === "/login" || pathname.startsWith("/login/")) return "/";
  return `${pathname}${search}${hash}`;
}

/** /login?next=<where the visitor was going>. */
export function loginPath(next: string): string {
  const target = safeNextPath(next);
  return target === "/" ? "/login" : `/login?next=${encodeURIComponent(target)}`;
}
