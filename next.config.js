/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and WASM database drivers stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg"],
  // `npm test` type-checks the whole project (`tsc --noEmit`, scripts and tests included) before
  // building; checking again inside `next build` would only add a minute on two cores.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
