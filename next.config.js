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
  experimental: { authInterrupts: true },
};

export default nextConfig;
