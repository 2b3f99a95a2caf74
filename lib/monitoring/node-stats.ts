import { bucketStart, bucketStarts } from "./buckets";
import type { Granularity } from "./types";

export interface TracedStep {
  nodeId: string;
  type: string;
  handle: string;
  confidence?: number;
  durationMs: number;
}
export interface TracedItem {
  receivedAtMs: number;
  steps: readonly TracedStep[];
}

export interface NodeFigures {
  nodeId: string;
  type: string;
  /** Items that passed through the node (once each, however often the node ran for it). */
  items: number;
  /** Times each output handle was taken ("" for terminals). */
  handles: Record<string, number>;
  meanConfidence: number | null;
  /** Mean confidence per day or week (null where the node gave none): drift here is an early warning. */
  confidence: { startMs: number; mean: number | null; n: number }[];
}

/** Items through each node, the handles taken, and mean confidence over time, from the runs' traces. */
export function nodeFigures(
  traced: readonly TracedItem[],
  range: { fromMs: number; toMs: number },
  granularity: Granularity,
): NodeFigures[] {
  const starts = bucketStarts(range.fromMs, range.toMs, granularity);
  const nodes = new Map<
    string,
    { type: string; items: number; handles: Record<string, number>; sums: Map<number, [number, number]> }
  >();
  for (const item of traced) {
    if (item.receivedAtMs < range.fromMs || item.receivedAtMs >= range.toMs) continue;
    const bucket = bucketStart(item.receivedAtMs, granularity);
    const seen = new Set<string>();
    for (const step of item.steps) {
      let node = nodes.get(step.nodeId);
      if (!node) nodes.set(step.nodeId, (node = { type: step.type, items: 0, handles: {}, sums: new Map() }));
      if (!seen.has(step.nodeId)) node.items++;
      seen.add(step.nodeId);
      node.handles[step.handle] = (node.handles[step.handle] ?? 0) + 1;
      if (typeof step.confidence === "number") {
        const sum = node.sums.get(bucket) ?? [0, 0];
        node.sums.set(bucket, [sum[0] + step.confidence, sum[1] + 1]);
      }
    }
  }
  return [...nodes.entries()]
    .map(([nodeId, node]) => {
      let total = 0;
      let count = 0;
      for (const [sum, n] of node.sums.values()) {
        total += sum;
        count += n;
      }
      return {
        nodeId,
        type: node.type,
        items: node.items,
        handles: node.handles,
        meanConfidence: count > 0 ? total / count : null,
        confidence: starts.map((startMs) => {
          const [sum, n] = node.sums.get(startMs) ?? [0, 0];
          return { startMs, mean: n > 0 ? sum / n : null, n };
        }),
      };
    })
    .sort((a, b) => b.items - a.items || a.nodeId.localeCompare(b.nodeId));
}
