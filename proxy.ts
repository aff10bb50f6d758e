// Runs before every page and route (Next.js 16's proxy, on the Node.js runtime). Three jobs:
//  - give every response a Content-Security-Policy with a fresh nonce, and the request the same
//    header, from which Next.js takes the nonce for its scripts (lib/security/csp.ts);
//  - with PARLEY_PUBLIC_READ=false, send visitors who are not signed in to /login (routes under
//    /api/ answer 401 instead); lib/data's requireReader() checks again where the data is read;
//  - re-send the session cookie when better-auth refreshes a session (once a day of use), which
//    pages cannot do themselves (a Server Component cannot set cookies).
// It is NOT where writes are checked: every Server Action and write route checks inside itself
// (lib/actions/safe-action.ts).
import { NextResponse, type NextRequest } from "next/server";
import { ApiProblem, isApiPath, problemResponse, SIGN_IN_TO_READ } from "./lib/api/errors";
import { getAuth } from "./lib/auth/auth";
import { loginPath } from "./lib/auth/redirect-target";
import { hasSessionCookie, quickSessionUser, toCurrentUser } from "./lib/auth/session";
import { getEnv } from "./lib/env";
import { databaseAvailable, RETRY_AFTER_SECONDS } from "./lib/health/database";
import { contentSecurityPolicyFor } from "./lib/security/csp";

/**
 * Pages anyone may open even when reading needs an account: signing in, and the read API's
 * description (its documentation page and OpenAPI document hold no data).
 */
function isOpenPath(pathname: string): boolean {
  return pathname === "/login" || pathname.startsWith("/login/") || pathname === "/docs/api" || pathname === "/api/v1/openapi.json";
}

/** A CORS preflight to the read API: it carries no credentials and reveals nothing; the route answers it. */
const isApiPreflight = (request: NextRequest) => request.method === "OPTIONS" && isApiPath(request.nextUrl.pathname);

function refuse(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl;
  // The read API refuses in its own shape, readable from other sites (docs/decisions/017-read-api.md).
  if (isApiPath(pathname)) return toNext(problemResponse(new ApiProblem(401, "unauthenticated", SIGN_IN_TO_READ), request.method));
  // An EventSource cannot follow a redirect to a page: it gets the status instead.
  if (pathname === "/api" || pathname.startsWith("/api/") || request.headers.get("accept") === "text/event-stream") {
    return NextResponse.json({ ok: false, message: "Sign in to read Parley." }, { status: 401 });
  }
  return NextResponse.redirect(new URL(loginPath(`${pathname}${search}`), request.url));
}

/** Pages another site may put in a frame (docs/decisions/018-embed-and-structured-data.md). */
export const EMBED_PREFIX = "/embed/";

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const embed = request.nextUrl.pathname.startsWith(EMBED_PREFIX);
  const csp = contentSecurityPolicyFor(request, { dev: process.env.NODE_ENV === "development", frameAncestors: embed ? getEnv().embedAncestors : undefined });
  if (!(await databaseAvailable())) return csp.apply(unavailable(request));
  return csp.apply(await guard(request, () => NextResponse.next({ request: { headers: csp.requestHeaders } })));
}

const UNAVAILABLE = "Parley cannot reach its database just now. Nothing is lost; try again in a few seconds.";

/** While the database cannot be reached: 503, when to try again, and a page (or JSON) that says so. */
function unavailable(request: NextRequest): NextResponse {
  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  const { pathname } = request.nextUrl;
  if (isApiPath(pathname)) return toNext(problemResponse(new ApiProblem(503, "unavailable", UNAVAILABLE, undefined, headers), request.method));
  const wantsData =
    pathname === "/api" || pathname.startsWith("/api/") || request.headers.get("accept") === "text/event-stream" || request.headers.has("next-action");
  if (wantsData) return NextResponse.json({ ok: false, message: UNAVAILABLE }, { status: 503, headers });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"><title>Parley is briefly unavailable</title></head><body><main><h1>Parley is briefly unavailable</h1><p>${UNAVAILABLE}</p><p>This page tries again by itself.</p></main></body></html>`;
  return new NextResponse(page, { status: 503, headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}

/** A Response made for the read API, as the NextResponse proxy.ts answers with. */
function toNext(response: Response): NextResponse {
  return new NextResponse(response.body, { status: response.status, headers: response.headers });
}

async function guard(request: NextRequest, pass: () => NextResponse): Promise<NextResponse> {
  const { publicRead } = getEnv();
  const open = publicRead || isOpenPath(request.nextUrl.pathname) || isApiPreflight(request);
  if (!hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name))) return open ? pass() : refuse(request);
  // A Server Action reads the session itself, inside (lib/actions/safe-action.ts), and refuses
  // with a sentence: looking it up here too would only double a save's cost
  // (docs/decisions/013-write-throughput.md). The cookie is re-sent by the next page instead.
  if (request.method === "POST" && request.headers.has("next-action")) return pass();

  const auth = await getAuth();
  // The usual case, a live session not due for its daily refresh: one query, nothing to re-send.
  const quick = await quickSessionUser(auth, request.headers);
  if (quick !== undefined) return open || quick ? pass() : refuse(request);
  const { headers, response: session } = await auth.api.getSession({ headers: request.headers, returnHeaders: true });
  const response = open || toCurrentUser(session) ? pass() : refuse(request);
  for (const cookie of headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}

export const config = {
  // Everything but Next's build assets: exports and feeds are data too.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico).*)"],
};
