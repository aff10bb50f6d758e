/**
 * The largest Server Action body, in bytes (Next.js's default, 1 MB, made explicit): Next.js
 * refuses a larger one with a 500, so server.mjs answers 413 before it (docs/decisions/012-refusals.md).
 */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/**
 * The largest request body a route handler reads: the import's file (IMPORT_FILE_LIMIT, 50 MB, in
 * lib/imports/run.ts) and the line of talk details before it. With proxy.ts present Next.js keeps
 * only the first 10 MB of a body by default, silently: the import route would read a cut file.
 */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024 + 64 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets a benchmark or a second checkout build beside the usual .next without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native and WASM database drivers stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  // `npm test` type-checks the whole project (`tsc --noEmit`, scripts and tests included) before
  // building; checking again inside `next build` would only add a minute on two cores.
  typescript: { ignoreBuildErrors: true },
  // forbidden() → app/forbidden.tsx with status 403 (the admin pages refuse non-admins with it).
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
    proxyClientMaxBodySize: IMPORT_BODY_LIMIT,
    // PARLEY_PROFILE_BUILD=1: server code unminified, so a CPU profile names Parley's functions
    // (`npm run bench:load -- --profile`; bench/README.md). Never for a deployed build.
    ...(process.env.PARLEY_PROFILE_BUILD === "1" ? { turbopackMinify: { server: false, client: true } } : {}),
  },
  // Headers that never change, on every response. The Content-Security-Policy needs a nonce per
  // request, so proxy.ts sets it (lib/security/csp.ts; docs/decisions/006-live-updates-and-headers.md).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
        ],
      },
      {
        // For browsers that predate CSP's frame-ancestors: no page may be framed, but the
        // embeddable ones under /embed/ (their frame-ancestors comes from PARLEY_EMBED_ANCESTORS).
        source: "/:path((?!embed/).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
      {
        // Only where the request came over https (Next.js sets X-Forwarded-Proto from the socket
        // when no proxy did); browsers ignore the header over plain http anyway.
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }],
      },
    ];
  },
};

export default nextConfig;
