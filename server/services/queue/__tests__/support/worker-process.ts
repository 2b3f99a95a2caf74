import { spawn, type ChildProcess } from "node:child_process";

/** A real worker process (`server/worker/main.ts`, as `npm run worker` starts it), resolved once it takes items. */
export function startWorkerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/worker/main.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SWITCHBOARD_JOB_TIMEOUT_SECONDS: "3",
      SWITCHBOARD_QUEUE_MAINTENANCE_SECONDS: "1",
      SWITCHBOARD_WORKER_BATCH: "32",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  Object.defineProperty(child, "output", { get: () => output });
  return new Promise((resolve, reject) => {
    const ready = setInterval(() => {
      if (output.includes("taking items")) {
        clearInterval(ready);
        resolve(child);
      }
    }, 20);
    child.on("exit", (code) => {
      clearInterval(ready);
      reject(new Error(`worker exited (${code}) before starting:\n${output}`));
    });
  });
}

/** What the worker printed so far. */
export function outputOf(child: ChildProcess): string {
  return (child as ChildProcess & { output: string }).output;
}

export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.on("exit", (code) => resolve(code));
  });
}

export async function until(
  predicate: () => Promise<boolean>,
  timeoutMs: number,
  stepMs = 250,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}
