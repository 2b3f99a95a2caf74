import crypto from "node:crypto";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { backtestRuns } from "../../db/schema";
import { executeBacktest, type ExecuteOptions } from "./run-backtest";

interface Task {
  controller: AbortController;
  done: Promise<unknown>;
}

/** Runs executing in this process, kept on globalThis so `next dev` reloads do not start them twice. */
const registry = ((
  globalThis as unknown as { switchboardBacktests?: Map<string, Task> }
).switchboardBacktests ??= new Map());

/** A run whose heartbeat is older than this is taken to have lost its process. */
export const STALE_AFTER_MS = 60_000;

/**
 * Starts a run in the background of this process (the app), unless it already runs here. The run
 * checkpoints in the database; if the process dies, `resumeInterruptedBacktests` picks it up again.
 */
export function launchBacktest(
  db: Db,
  runId: string,
  options: Omit<ExecuteOptions, "signal"> = {},
): Promise<unknown> {
  const running = registry.get(runId);
  if (running) return running.done;
  const controller = new AbortController();
  const done = executeBacktest(db, runId, { ...options, signal: controller.signal })
    .catch((error: unknown) =>
      console.error(
        `[switchboard] backtest ${runId} stopped: ${error instanceof Error ? error.message : String(error)}`,
      ),
    )
    .finally(() => registry.delete(runId));
  registry.set(runId, { controller, done });
  return done;
}

/** Stops this process's runs between batches (for a graceful shutdown); they resume on the next start. */
export async function stopLocalBacktests(): Promise<void> {
  const tasks = [...registry.values()];
  for (const task of tasks) task.controller.abort();
  await Promise.all(tasks.map((t) => t.done));
}

export function isRunningHere(runId: string): boolean {
  return registry.has(runId);
}

/**
 * Called once at server start-up: every run left queued, training or running by a process that is gone
 * (its heartbeat is stale) is claimed and resumed from its last checkpoint. Runs whose heartbeat is still
 * fresh (a restart within the stale window) are checked again once it has passed.
 */
export async function resumeInterruptedBacktests(
  db: Db,
  options: { staleAfterMs?: number; batchSize?: number } = {},
): Promise<string[]> {
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;
  const unfinished = await db
    .select({ id: backtestRuns.id, heartbeatAt: backtestRuns.heartbeatAt })
    .from(backtestRuns)
    .where(inArray(backtestRuns.status, ["queued", "training", "running"]));
  const resumed: string[] = [];
  let recheck = false;
  for (const run of unfinished) {
    if (registry.has(run.id)) continue;
    const leaseId = crypto.randomUUID();
    const cutoff = new Date(Date.now() - staleAfterMs);
    const claimed = await db
      .update(backtestRuns)
      .set({ leaseId, heartbeatAt: sql`now()` })
      .where(
        and(
          eq(backtestRuns.id, run.id),
          or(isNull(backtestRuns.heartbeatAt), lt(backtestRuns.heartbeatAt, cutoff)),
        ),
      )
      .returning({ id: backtestRuns.id });
    if (claimed.length === 0) {
      recheck = true;
      continue;
    }
    resumed.push(run.id);
    void launchBacktest(db, run.id, { leaseId, batchSize: options.batchSize });
  }
  if (recheck) {
    const timer = setTimeout(
      () => void resumeInterruptedBacktests(db, options).catch(() => undefined),
      staleAfterMs,
    );
    timer.unref?.();
  }
  return resumed;
}

/** Resolves when every run this process is executing has stopped (tests, graceful shutdown). */
export async function waitForLocalBacktests(): Promise<void> {
  while (registry.size > 0) await Promise.all([...registry.values()].map((t) => t.done));
}
