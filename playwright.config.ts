import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// One disposable PostgreSQL database per run, created and migrated by e2e/global-setup.ts and
// dropped by its teardown. Set here so the web server and the setup agree on it.
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
if (!process.env.E2E_DATABASE_URL) {
  const url = new URL(adminUrl);
  url.pathname = `/wsa_e2e_${randomBytes(5).toString("hex")}`;
  process.env.E2E_DATABASE_URL = url.toString();
}
process.env.E2E_NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.E2E_CREDENTIALS_KEY ??= randomBytes(32).toString("base64");
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "e2e/.results",
  globalSetup: "./e2e/global-setup.ts",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "api", testDir: "e2e/api" },
    { name: "ui", testDir: "e2e/ui" },
  ],
  webServer: {
    // As `npm start` serves: scripts/serve.mjs, one process, with /api/v1 on the lean node edge.
    // The run's database is created and migrated first (as `npm start` migrates before serving),
    // so the server's start checks run against it; global setup then fills it.
    command: "node scripts/migrate.mjs && node scripts/serve.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      NEXTAUTH_SECRET: process.env.E2E_NEXTAUTH_SECRET,
      CREDENTIALS_KEY: process.env.E2E_CREDENTIALS_KEY,
      NEXTAUTH_URL: baseURL,
      PORT: String(port),
      NODE_ENV: "production",
    },
  },
});
