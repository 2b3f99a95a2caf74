import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.SECURITY_E2E_PORT ?? 3187);
const baseURL = `http://localhost:${port}`;

// Decided once in the runner and inherited by its workers (which load this file again).
process.env.SECURITY_E2E_DATA_DIR ??= path.resolve(`.data/security-${Date.now()}`);
const dataDir = process.env.SECURITY_E2E_DATA_DIR;
/** Where the seeding step tells the sweep what it planted (ids, an API key): beside the data directory. */
export const SECURITY_MANIFEST = `${dataDir}-manifest.json`;

/** `SECURITY_E2E_SERVER=dev` runs `next dev` instead (no build needed; slower pages), for working on the sweep. */
const nextCommand = process.env.SECURITY_E2E_SERVER === "dev" ? "dev" : "start";

/**
 * The security sweep (stored XSS, Content-Security-Policy) in Debian's Chromium, against a production server
 * of its own: its data directory is seeded with the hostile world (e2e/security/hostile-world.ts) before
 * `next start` opens it. Needs `npm run build` first; `npm run test:reliability` runs it when a build exists.
 */
export default defineConfig({
  testDir: "e2e/security",
  // Its own folder: a main e2e run at the same time must not lose its traces when this one cleans up.
  outputDir: "test-results/security",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  // `next dev` compiles each page on its first visit.
  expect: { timeout: nextCommand === "dev" ? 60_000 : 15_000 },
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
    command: `npx tsx e2e/security/hostile-world.ts ${JSON.stringify(SECURITY_MANIFEST)} && node node_modules/next/dist/bin/next ${nextCommand} -p ${port}`,
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    // Only when told: a server left running would not have been seeded by this run.
    reuseExistingServer: process.env.SECURITY_E2E_REUSE_SERVER === "1",
    stdout: "pipe",
    env: {
      SWITCHBOARD_DATA_DIR: dataDir,
      SWITCHBOARD_DEMO: "1",
      SWITCHBOARD_SIGN_IN_RATE_LIMIT: "1000",
      PORT: String(port),
      BETTER_AUTH_URL: baseURL,
      DATABASE_URL: "",
    },
  },
});
