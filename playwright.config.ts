import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Each run gets fresh databases so tests start from the demo data.
const dataDir = process.env.E2E_DATA_DIR ?? `./data/e2e-${port}`;

export const e2eServerEnv = {
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  DATABASE_URL: `file:${dataDir}/dashboard.db`,
  EMULATOR_DB: `${dataDir}/emulator.db`,
  EMULATOR_CONTROL: "1",
  EMULATOR_PROCESS_RATE: "2000",
  // Tests make many calls a minute; the rate limiter has its own emulator tests.
  EMULATOR_RATE_LIMIT: "1000000",
  // A fault a test switches on must show on the very next read, not after a reused answer runs out.
  RECAPTURE_READ_REUSE_MS: "0",
  // A hung upstream is given up on quickly, so the 504 test doesn't wait 15 s.
  RECAPTURE_TIMEOUT_MS: "3000",
  SESSION_SECRET: "e2e-session-secret-that-is-long-enough-000",
  // Playwright stands in for one reverse proxy, so a test can sign in from an address of its own
  // (X-Forwarded-For) and one test's sign-in lockout never reaches another.
  TRUST_PROXY: "1",
  RECAPTURE_API_KEY: "",
  // The digest is due only in the day's last minute, so the app's own digest job doesn't send it before
  // a test drives it through the test hook (e2e/support/digest.ts).
  DEALERSHIP_TIME_ZONE: "Australia/Melbourne",
  DIGEST_TIME: "23:59",
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // npm test asks for a JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME) to add up its summary line.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && mkdir -p ${dataDir} && npx next start -p ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: e2eServerEnv,
    stdout: "pipe",
  },
});
