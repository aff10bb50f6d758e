import { defineConfig, devices } from "@playwright/test";

// End-to-end tests run against a production build (`next build` runs first in `npm run test:e2e`)
// on its own SQLite file, reset and seeded before the server starts. Every request stays on
// 127.0.0.1. Playwright cannot download browsers here: Debian's Chromium is used.
const PORT = Number(process.env.E2E_PORT ?? 3107);
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

// Talks loaded before the server starts (the long talk is written by make-long-talk.ts first).
const TALK_FIXTURES = [
  "e2e/fixtures/geneva-dst-2026.json",
  "data/e2e-long-talk.json",
  "e2e/fixtures/xss-talk.json",
  "e2e/fixtures/far-future-talk.json",
  // Time zones' hard cases (e2e/time-zones.spec.ts): the date line, half-hour and 15-minute changes.
  "e2e/fixtures/apia-date-line-2011.json",
  "e2e/fixtures/lord-howe-half-hour-2026.json",
  "e2e/fixtures/kathmandu-new-offset-1986.json",
  "e2e/fixtures/kiritimati-date-line-2026.json",
  "e2e/fixtures/kwajalein-date-line-1993.json",
];

const WRITE_SPECS = [/edit-.*\.spec\.ts$/, /revisions\.spec\.ts$/, /live-updates\.spec\.ts$/, /xss\.spec\.ts$/];

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--disable-gpu", "--disable-quic"],
    },
  },
  // Specs that change talk content (they add, edit, delete and restore statements on the Beijing
  // talk) run after every spec that reads it, against the same server and database: the readers
  // assert exact counts and must see the seed as loaded.
  projects: [
    { name: "reads", testIgnore: WRITE_SPECS, use: { ...devices["Desktop Chrome"] } },
    { name: "writes", testMatch: WRITE_SPECS, dependencies: ["reads"], use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: {
    command: [
      "npm run db:reset",
      "tsx e2e/fixtures/make-long-talk.ts data/e2e-long-talk.json",
      `npm run -s db:load -- ${TALK_FIXTURES.join(" ")}`,
      // Rows dated 9999-12-31 that the span rule now refuses, as an older database may hold them.
      "tsx e2e/fixtures/add-far-future-legacy-rows.ts",
      `node server.mjs -H 127.0.0.1 -p ${PORT}`,
    ].join(" && "),
    url: `http://127.0.0.1:${PORT}/`,
    // Trusted proxy: each test signs in from an X-Forwarded-For address of its own (newVisitor in
    // e2e/support/accounts.ts), so tests running side by side do not share a sign-in budget.
    env: { DATABASE_URL: E2E_DATABASE_URL, PARLEY_TRUSTED_PROXY: "true" },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
