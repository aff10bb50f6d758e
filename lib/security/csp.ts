// The Content-Security-Policy of every page, with a fresh nonce per request (proxy.ts sets it).
// Next.js reads the nonce back from the request's Content-Security-Policy header while it renders
// and puts it on its own scripts (node_modules/next/dist/docs/01-app/02-guides/
// content-security-policy.md); 'strict-dynamic' then lets those scripts load the app's chunks.
// Why each directive: docs/decisions/006-live-updates-and-headers.md.

export const CSP_HEADER = "Content-Security-Policy";

export type CspOptions = {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval, and styles arrive as inline <style>. */
  dev?: boolean;
  /** The page was requested over https: sub-requests over http are upgraded. */
  https?: boolean;
  /** Who may frame the page: nobody, except the embeddable pages (PARLEY_EMBED_ANCESTORS). */
  frameAncestors?: string[];
};

/** 128 random bits, base64: unguessable and new for every response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function buildContentSecurityPolicy({ nonce, dev = false, https = false, frameAncestors = ["'none'"] }: CspOptions): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("A CSP nonce must be at least 16 base64 characters.");
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // No host list and no 'unsafe-inline': only scripts carrying this response's nonce run, and
    // the scripts they add. ('self' is ignored beside 'strict-dynamic' by browsers that know it,
    // and kept for those that do not.)
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Style sheets from our origin, and <style> elements only with the nonce (in dev, Next.js
    // injects styles without one).
    ["style-src", "'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    // Inline style="" attributes: React renders a few (a grid's column count on the issue page).
    // An attribute can neither run script nor select elements, and img-src still bounds url().
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    // The live-update stream and Next.js's own fetches go to this origin only.
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-src", "'none'"],
    ["frame-ancestors", ...(frameAncestors.length ? frameAncestors : ["'none'"])],
    ["worker-src", "'none'"],
    ["manifest-src", "'self'"],
  ];
  const policy = directives.map((d) => d.join(" "));
  if (https) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** Whether the request reached us over https (directly, or through a proxy that says so). */
export function isHttpsRequest(request: { url: string; headers: Headers }): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return new URL(request.url).protocol === "https:";
}

/**
 * The nonce and policy for one request, the request headers to render it with (Next.js takes
 * the nonce from there), and a function that puts the policy on the response.
 */
export function contentSecurityPolicyFor(
  request: { url: string; headers: Headers },
  options: { dev?: boolean; frameAncestors?: string[] } = {},
): { nonce: string; policy: string; requestHeaders: Headers; apply<T extends { headers: Headers }>(response: T): T } {
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, dev: options.dev, https: isHttpsRequest(request), frameAncestors: options.frameAncestors });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(CSP_HEADER, policy);
  requestHeaders.set("x-nonce", nonce);
  return {
    nonce,
    policy,
    requestHeaders,
    apply(response) {
      response.headers.set(CSP_HEADER, policy);
      return response;
    },
  };
}
