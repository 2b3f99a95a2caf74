#!/usr/bin/env node
// `npm start`: build once when the sources changed since the last build, then serve with `next start`.
// The server itself opens, migrates and seeds the database on start-up (see instrumentation.ts).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { withServerNodeOptions } from "./server-node-flags.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const buildId = path.join(root, ".next", "BUILD_ID");
const SOURCES = [
  "app",
  "components",
  "server",
  "lib",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "instrumentation.ts",
  "tsconfig.json",
];

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === "node_modules" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

function buildIsStale() {
  const built = fs.statSync(buildId, { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > built.mtimeMs);
}

if (buildIsStale()) {
  console.log("[switchboard] building the app (first start, or the sources changed)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("[switchboard] the build failed; see the output above.");
    process.exit(build.status ?? 1);
  }
}

const port = process.env.PORT ?? "3000";
// Through NODE_OPTIONS, so the flags reach whichever process `next start` serves from.
const server = spawn(process.execPath, [nextBin, "start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_OPTIONS: withServerNodeOptions(process.env.NODE_OPTIONS) },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
