// The read API's refusals: JSON of one shape, `{ "error": { "code", "message", "parameter"? } }`,
// with the CORS header every API answer carries, so a script on another site can read why it was
// refused. Used by the routes (lib/api/route.ts) and by proxy.ts, which refuses before them when
// reading needs an account. Pure.
import type { ApiErrorCode } from "./schemas";

/** A refusal the API makes on purpose: its status, code, sentence and, for a query parameter, its name. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly parameter?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

/** The read API's addresses (everything under them answers in its shape). */
export const API_PREFIX = "/api/v1";
export const isApiPath = (pathname: string) => pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);

/** Readable from any site: the read API sends no credentials-bound data to other origins (decision 017). */
export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "ETag, Link",
} as const;

export function problemResponse(problem: ApiProblem, method = "GET"): Response {
  const body = { error: { code: problem.code, message: problem.message, ...(problem.parameter !== undefined ? { parameter: problem.parameter } : {}) } };
  return new Response(method === "HEAD" ? null : JSON.stringify(body), {
    status: problem.status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...CORS_HEADERS, ...problem.headers },
  });
}

export const SIGN_IN_TO_READ = "Sign in to read Parley: reading needs an account here (PARLEY_PUBLIC_READ=false).";
