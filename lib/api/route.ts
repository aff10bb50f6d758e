// The read API's route handlers, made from an endpoint's description and its read
// (docs/decisions/017-read-api.md). In order: the path's names (anything a record could not be
// called is a 404, before any query), the reader (PARLEY_PUBLIC_READ), the query (400 naming the
// parameter), the data's version (404 when the record is missing), If-None-Match (304), and only
// then the read itself. Every answer carries the CORS header; nothing but an unforeseen failure
// is a 500, and that one says nothing of its cause.
import "server-only";
import { createHash } from "node:crypto";
import type { z } from "zod";
import { getAuth } from "../auth/auth";
import { PermissionError } from "../auth/roles";
import { getSessionUser } from "../auth/session";
import { getEnv } from "../env";
import type { Endpoint } from "./endpoints";
import { ApiProblem, CORS_HEADERS, problemResponse, SIGN_IN_TO_READ } from "./errors";
import { ALLOWED_METHODS_TEXT } from "./meta";
import { parseQuery } from "./query";
import { PATH_PARAMS } from "./schemas";

/**
 * What a read answers before it reads: the version of the data the answer depends on (cheap: a
 * count of revisions), and the read itself, made only when the caller does not already hold that
 * version. `read` answers null when the record turns out not to exist.
 */
export type ApiAnswer<T> = { version: string; read: () => Promise<T | null> };

export type ApiRequest<Q> = { params: Record<string, string>; query: Q; url: URL };

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const ALLOWED = ALLOWED_METHODS_TEXT;

/**
 * Changes whenever the shape of the answers changes (a new field, a corrected value): a client's
 * stored ETag then no longer matches and it reads the answer afresh.
 */
const REPRESENTATION = "1";

/** Route handlers for an endpoint: GET and HEAD read, OPTIONS answers CORS preflights, other methods 405. */
export function apiRoute<Q extends z.ZodObject, R extends z.ZodType>(
  endpoint: Endpoint<Q, R>,
  handler: (request: ApiRequest<z.output<Q>>) => Promise<ApiAnswer<z.output<R>> | null>,
) {
  const get = (request: Request, context: RouteContext) => answer(endpoint, handler, request, context);
  return { GET: get, HEAD: get, OPTIONS: preflight, POST: notAllowed, PUT: notAllowed, PATCH: notAllowed, DELETE: notAllowed };
}

/**
 * Route handlers for a JSON document that is the same for every caller (the OpenAPI document):
 * no reader check, an ETag of its bytes.
 */
export function documentRoute(build: () => unknown) {
  let made: { text: string; etag: string } | undefined;
  const get = (request: Request): Promise<Response> => {
    made ??= (() => {
      const text = JSON.stringify(build());
      return { text, etag: `"${digest(text)}"` };
    })();
    const headers = { ...CORS_HEADERS, etag: made.etag, "cache-control": "public, no-cache" };
    if (matches(request.headers.get("if-none-match"), made.etag)) return Promise.resolve(new Response(null, { status: 304, headers }));
    return Promise.resolve(new Response(request.method === "HEAD" ? null : made.text, { status: 200, headers: { ...headers, "content-type": "application/json; charset=utf-8" } }));
  };
  return { GET: get, HEAD: get, OPTIONS: preflight, POST: notAllowed, PUT: notAllowed, PATCH: notAllowed, DELETE: notAllowed };
}

function notAllowed(request: Request): Promise<Response> {
  return Promise.resolve(problemResponse(new ApiProblem(405, "method_not_allowed", `The read API answers ${ALLOWED}, not ${request.method.replace(/[^A-Z]/g, "")}.`, undefined, { allow: ALLOWED })));
}

/** A CORS preflight (a script elsewhere sending If-None-Match asks first): GET and HEAD, without credentials. */
export function preflight(): Promise<Response> {
  return Promise.resolve(new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      allow: ALLOWED,
      "access-control-allow-methods": ALLOWED,
      "access-control-allow-headers": "Accept, Cache-Control, If-None-Match",
      "access-control-max-age": "86400",
      "cache-control": "public, max-age=86400",
    },
  }));
}

async function answer<Q extends z.ZodObject, R extends z.ZodType>(
  endpoint: Endpoint<Q, R>,
  handler: (request: ApiRequest<z.output<Q>>) => Promise<ApiAnswer<z.output<R>> | null>,
  request: Request,
  context: RouteContext,
): Promise<Response> {
  const method = request.method;
  try {
    const url = new URL(request.url);
    const params = pathParams(endpoint, await context.params);
    await checkReader(request);
    const query = parseQuery(endpoint.query, url.searchParams);
    const found = params ? await handler({ params, query, url }) : null;
    if (!found) throw notFound(endpoint);
    const publicRead = getEnv().publicRead;
    const etag = `W/"${REPRESENTATION}-${found.version}-${digest(url.pathname + url.search)}"`;
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      etag,
      // Stored, but checked with the server (the ETag makes that cheap) before every use: a talk
      // being recorded changes by the minute. Behind sign-in, only the reader's own browser keeps it.
      "cache-control": publicRead ? "public, no-cache" : "private, no-cache",
      ...(publicRead ? {} : { vary: "Cookie" }),
    };
    if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
    const body = await found.read();
    if (body === null) throw notFound(endpoint);
    const next = (body as { next?: unknown }).next;
    if (typeof next === "string") headers.link = `<${next}>; rel="next"`;
    headers["content-type"] = "application/json; charset=utf-8";
    return new Response(method === "HEAD" ? null : JSON.stringify(body), { status: 200, headers });
  } catch (error) {
    if (error instanceof ApiProblem) return problemResponse(error, method);
    if (error instanceof PermissionError) return problemResponse(new ApiProblem(401, "unauthenticated", SIGN_IN_TO_READ), method);
    console.error(`The read API could not answer ${endpoint.operationId}:`, error);
    return problemResponse(new ApiProblem(500, "internal", "Parley could not answer this just now; nothing is wrong with the request. Try again shortly."), method);
  }
}

/** The path's values, or null when one is nothing a record could be called (then: 404, no query made). */
function pathParams(endpoint: Endpoint, given: Record<string, string | string[] | undefined>): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const name of endpoint.pathParams) {
    const value = given[name];
    const rule = PATH_PARAMS[name];
    if (typeof value !== "string" || value.length > rule.max || !rule.pattern.test(value)) return null;
    params[name] = value;
  }
  return params;
}

/**
 * With PARLEY_PUBLIC_READ=false, reading needs a signed-in account (any role), as every page does;
 * the session cookie is read from the request itself. proxy.ts refuses anonymous calls first, in
 * the same shape; this holds when the route is reached another way.
 */
async function checkReader(request: Request): Promise<void> {
  if (getEnv().publicRead) return;
  const user = await getSessionUser(await getAuth(), request.headers);
  if (!user) throw new ApiProblem(401, "unauthenticated", SIGN_IN_TO_READ);
}

function notFound(endpoint: Endpoint): ApiProblem {
  return new ApiProblem(404, "not_found", endpoint.notFound ?? "There is nothing at this address.");
}

const digest = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 12);

/** If-None-Match against our ETag, by weak comparison (RFC 9110 §13.1.2): `*`, or a list naming it. */
export function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === opaque);
}
