import type { Db } from "../../db/client";
import { sweepOverdueTasks } from "./sla-sweep";

export interface SlaSweeper {
  stop(): void;
}

/**
 * Runs the SLA sweep on a timer in each worker (the app's own and every `npm run worker`), so reading the
 * inbox changes nothing: a task past due is flagged and re-escalated within one interval. Sweeps in several
 * processes at once are safe (each breach is taken once, see sla-sweep.ts).
 */
export function startSlaSweeper(
  db: Db,
  options: { intervalMs?: number; log?(message: string): void } = {},
): SlaSweeper {
  const intervalMs = options.intervalMs ?? 30_000;
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const flagged = await sweepOverdueTasks(db);
      if (flagged > 0) options.log?.(`SLA sweep: ${flagged} overdue task(s) re-escalated`);
    } catch (error) {
      // The next tick tries again; a database that went away must not take the worker down.
      options.log?.(`SLA sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
