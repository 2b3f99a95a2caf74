import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * A worker thread on a TypeScript entry, run from source (tsx: scripts, the worker process, the CLI, tests).
 * The thread registers tsx's require hook first: a worker does not inherit the parent's hooks, and
 * `--import tsx` in execArgv loads too late. Inside the app, callers build their entry's URL themselves
 * (`new URL("./entry.ts", import.meta.url)` written out, the form the bundler recognises).
 */
export function sourceWorker(directory: string, entryName: string, workerData: unknown): Worker {
  const entry = path.join(directory, `${entryName}.ts`);
  const bootstrap = `require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`;
  return new Worker(bootstrap, { eval: true, workerData });
}
