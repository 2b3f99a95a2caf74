import type { DriftJudgement } from "./drift";
import type { TracedItem } from "./node-stats";

export interface ConfidenceBand {
  /** A node's mean confidence more than this many points (of 100) below its reference raises a flag. */
  confidenceDropPoints: number;
  /** Confidences a node needs in each period before it is judged. */
  minSample: number;
  windowDays: number;
  referenceDays: number;
}

function meanByNode(traced: readonly TracedItem[]): Map<string, { mean: number; n: number }> {
  const sums = new Map<string, [number, number]>();
  for (const item of traced) {
    for (const step of item.steps) {
      if (typeof step.confidence !== "number") continue;
      const sum = sums.get(step.nodeId) ?? [0, 0];
      sums.set(step.nodeId, [sum[0] + step.confidence, sum[1] + 1]);
    }
  }
  return new Map([...sums].map(([nodeId, [total, n]]) => [nodeId, { mean: total / n, n }]));
}

/**
 * Confidence drift, the early warning: each node's mean confidence over the drift window against its own
 * mean over the reference period just before it (the backtest keeps traces only of mismatches and
 * escalations, so it cannot say what confidence looked like). The node that fell furthest is judged; nodes
 * with too few confidences in either period are not.
 */
export function judgeConfidenceDrift(
  recent: readonly TracedItem[],
  reference: readonly TracedItem[],
  band: ConfidenceBand,
): DriftJudgement {
  const now = meanByNode(recent);
  const before = meanByNode(reference);
  let worst: { nodeId: string; drop: number; recent: { mean: number; n: number }; reference: number } | null =
    null;
  for (const [nodeId, observed] of now) {
    const ref = before.get(nodeId);
    if (!ref || observed.n < band.minSample || ref.n < band.minSample) continue;
    const drop = (ref.mean - observed.mean) * 100;
    if (!worst || drop > worst.drop) worst = { nodeId, drop, recent: observed, reference: ref.mean };
  }
  if (!worst) {
    return {
      metric: "mean_confidence",
      breached: null,
      baselineValue: null,
      observedValue: null,
      detail: `mean confidence not judged: no node gave ${band.minSample} confidences both over the last ${band.windowDays} days and the ${band.referenceDays} days before`,
    };
  }
  return {
    metric: "mean_confidence",
    breached: worst.drop > band.confidenceDropPoints,
    baselineValue: worst.reference,
    observedValue: worst.recent.mean,
    detail: `mean confidence at ${worst.nodeId} ${worst.recent.mean.toFixed(2)} on ${worst.recent.n} items over ${band.windowDays} days, ${Math.abs(worst.drop).toFixed(1)} points ${worst.drop >= 0 ? "below" : "above"} its ${worst.reference.toFixed(2)} over the ${band.referenceDays} days before (band: ${band.confidenceDropPoints} points)`,
  };
}
