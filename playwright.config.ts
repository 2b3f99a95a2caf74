import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download browsers here), against a production
 * server on a fresh embedded database in its own data directory, so a developer's `.data/` is never touched.
 */
export default defineConfig({
  testDir: "e2e",
  // The security sweep seeds its own server (playwright.security.config.ts, run by `npm run test:reliability`).
  testIgnore: ["security/**"],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
  ],
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      SWITCHBOARD_DATA_DIR: process.env.E2E_DATA_DIR ?? `.data/e2e-${Date.now()}`,
      SWITCHBOARD_DEMO: "1",
      // Many sign-ins in a row from one address; the limiter itself is tested in server/auth.
      SWITCHBOARD_SIGN_IN_RATE_LIMIT: "1000",
      PORT: String(port),
      BETTER_AUTH_URL: baseURL,
      DATABASE_URL: "",
    },
  },
});
