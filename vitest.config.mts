import { configDefaults, defineConfig } from "vitest/config";
import os from "node:os";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: [
      "lib/**/*.test.ts",
      "server/**/*.test.ts",
      "bin/**/*.test.ts",
      "scripts/**/*.test.ts",
      "components/**/__tests__/*.test.ts",
    ],
    // The reliability suite (`npm run test:reliability`) runs on its own, against a Postgres server.
    exclude: [...configDefaults.exclude, "**/*.reliability.test.ts"],
    environment: "node",
    // Each test file's in-memory PGlite starts as a copy of one migrated once here.
    globalSetup: ["server/testing/pglite-template.global-setup.ts"],
    // Opening a fresh in-memory PGlite takes ~5 s on this machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default (cores - 1) runs one file at a time on a 2-core machine, leaving a core idle while a
    // file waits on its database or a child process: two side by side took 179 s instead of 238 s here.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
