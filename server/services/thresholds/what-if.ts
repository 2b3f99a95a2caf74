import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { backtestRuns } from "../../db/schema";
import { sweepRun } from "../backtests/queries/sweep";

/** One point of a threshold sweep: what the latest backtest says would happen at this threshold. */
export interface WhatIfPoint {
  threshold: number;
  /** Share of items sent to a person, 0..1. */
  escalationRate: number;
  /** Accuracy of the items the graph handled by itself, 0..1 (null when it handled none). */
  autoAccuracy: number | null;
}

export interface WhatIfCurve {
  backtestId: string;
  backtestNumber: number;
  ranAt: Date | null;
  /** The threshold the backtest ran with. */
  ranWith: number;
  /** Items of the backtest that reached the node. */
  reached: number;
  points: WhatIfPoint[];
}

/**
 * The what-if curves of a workflow's thresholded nodes, from its latest finished backtest (the backtests
 * service's threshold sweep: escalation rate and auto-handled accuracy at every threshold, computed from
 * what the run recorded, nothing run again). By node id; empty when no backtest has finished.
 */
export async function latestWhatIfCurves(db: Db, workflowId: string): Promise<Record<string, WhatIfCurve>> {
  const [run] = await db
    .select({ id: backtestRuns.id, number: backtestRuns.number, finishedAt: backtestRuns.finishedAt })
    .from(backtestRuns)
    .where(and(eq(backtestRuns.workflowId, workflowId), eq(backtestRuns.status, "done")))
    .orderBy(desc(backtestRuns.finishedAt))
    .limit(1);
  if (!run) return {};
  try {
    const { nodes } = await sweepRun(db, { runId: run.id });
    return Object.fromEntries(
      nodes
        .filter((node) => node.reached > 0)
        .map((node) => [
          node.nodeId,
          {
            backtestId: run.id,
            backtestNumber: run.number,
            ranAt: run.finishedAt,
            ranWith: node.current,
            reached: node.reached,
            points: node.rows.map((row) => ({
              threshold: row.threshold,
              escalationRate: row.escalationRate,
              autoAccuracy: row.autoAccuracy,
            })),
          },
        ]),
    );
  } catch (error) {
    // The curve is an aid beside the form: a sweep that fails must not take the thresholds page down with it.
    console.error(`[thresholds] the what-if sweep of backtest ${run.id} failed:`, error);
    return {};
  }
}
