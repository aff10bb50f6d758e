// Runs before every page and route (Next.js 16's proxy, on the Node.js runtime). Two jobs:
//  - with PARLEY_PUBLIC_READ=false, send visitors who are not signed in to /login (routes under
//    /api/ answer 401 instead); lib/data's requireReader() checks again where the data is read;
//  - re-send the session cookie when better-auth refreshes a session (once a day of use), which
//    pages cannot do themselves (a Server Component cannot set cookies).
// It is NOT where writes are checked: every Server Action and write route checks inside itself
// (lib/actions/safe-action.ts).
import { NextResponse, type NextRequest } from "next/server";
import { COOKIE_PREFIX, getAuth } from "./lib/auth/auth";
import { loginPath } from "./lib/auth/redirect-target";
import { toCurrentUser } from "./lib/auth/session";
import { getEnv } from "./lib/env";

const SESSION_COOKIE = new RegExp(`^(__Secure-)?${COOKIE_PREFIX}\\.session_token$`);

/** Pages anyone may open even when reading needs an account. */
function isOpenPath(pathname: string): boolean {
  return pathname === "/login" || pathname.startsWith("/login/");
}

function refuse(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    return NextResponse.json({ ok: false, message: "Sign in to read Parley." }, { status: 401 });
  }
  return NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), request.url));
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { publicRead } = getEnv();
  const open = publicRead || isOpenPath(request.nextUrl.pathname);
  const hasSessionCookie = request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
  if (!hasSessionCookie) return open ? NextResponse.next() : refuse(request);

  const auth = await getAuth();
  const { headers, response: session } = await auth.api.getSession({ headers: request.headers, returnHeaders: true });
  const response = open || toCurrentUser(session) ? NextResponse.next() : refuse(request);
  for (const cookie of headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}

export const config = {
  // Everything but Next's build assets: exports and feeds are data too.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"],
};
