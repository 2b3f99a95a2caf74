import { and, asc, eq, gt } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { backtestResults } from "../../../db/schema";
import { sweepThreshold, thresholdGrid, type SweepItem, type SweepRow } from "../metrics/sweep";
import type { OutcomeKey, ResultKind, SweepPoint } from "../types";
import { getRun } from "./get-run";

const PAGE = 10_000;

function recordedKey(kind: ResultKind, predicted: string, reasonType: string | null): OutcomeKey {
  if (kind === "correct" || kind === "wrong") return { predicted, kind: "auto" };
  if (kind === "escalated") return reasonType ? { predicted, kind, reasonType } : { predicted, kind };
  return { predicted, kind };
}

export interface NodeSweep {
  nodeId: string;
  name: string;
  type: string;
  /** The threshold the run used. */
  current: number;
  /** Items that reached the node. */
  reached: number;
  rows: SweepRow[];
}

/**
 * For each thresholded node of a run (or one), escalation rate and auto-handled accuracy across thresholds,
 * from the confidences and other-side outcomes the run recorded: nothing runs again.
 */
export async function sweepRun(
  db: Db,
  input: { runId: string; nodeId?: string; thresholds?: number[] },
): Promise<{ runId: string; nodes: NodeSweep[] }> {
  const run = await getRun(db, input.runId);
  const nodes = run.thresholds.filter((t) => input.nodeId === undefined || t.nodeId === input.nodeId);
  const items: { actualLabel: string; recorded: OutcomeKey; points: SweepPoint[] | null }[] = [];
  let after = -1;
  for (;;) {
    const rows = await db
      .select({
        seq: backtestResults.seq,
        actualLabel: backtestResults.actualLabel,
        predictedLabel: backtestResults.predictedLabel,
        kind: backtestResults.kind,
        reasonType: backtestResults.reasonType,
        sweep: backtestResults.sweep,
      })
      .from(backtestResults)
      .where(and(eq(backtestResults.runId, run.id), gt(backtestResults.seq, after)))
      .orderBy(asc(backtestResults.seq))
      .limit(PAGE);
    for (const r of rows)
      items.push({
        actualLabel: r.actualLabel,
        recorded: recordedKey(r.kind, r.predictedLabel, r.reasonType),
        points: r.sweep,
      });
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.seq;
  }
  const thresholds = input.thresholds ?? thresholdGrid();
  return {
    runId: run.id,
    nodes: nodes.map((node) => {
      let reached = 0;
      const forNode = function* (): Generator<SweepItem> {
        for (const item of items) {
          const point = item.points?.find((p) => p[0] === node.nodeId);
          if (point) reached++;
          yield point
            ? { actualLabel: item.actualLabel, recorded: item.recorded, point }
            : { actualLabel: item.actualLabel, recorded: item.recorded };
        }
      };
      const rows = sweepThreshold(forNode(), thresholds);
      return { nodeId: node.nodeId, name: node.name, type: node.type, current: node.value, reached, rows };
    }),
  };
}
