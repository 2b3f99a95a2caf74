import path from "node:path";
import { defineConfig } from "vitest/config";

/** `npm run test:reliability`: chaos, fencing and hostile-input tests, one file at a time (they share the machine). */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["server/**/*.reliability.test.ts"],
    environment: "node",
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
