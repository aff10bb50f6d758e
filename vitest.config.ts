import { defineConfig } from "vitest/config";
import path from "node:path";

// Run the unit tests in a zone that is neither UTC nor any venue's, so code that leans on the
// server's own zone instead of the venue's fails here rather than in production.
process.env.TZ = "America/Los_Angeles";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Migrates, once, the SQLite database that database tests copy (test/support/sqlite-template.ts).
    globalSetup: ["test/support/global-setup.ts"],
    // server-only throws outside a React Server Component bundle; the data layer is tested directly.
    alias: { "server-only": path.resolve(import.meta.dirname, "test/support/server-only.ts") },
  },
});
