import type { TraceStep } from "@/lib/engine/run/outcome";
import type { MetricsState, OutcomeKey } from "../types";

/** Upper bounds (ms) of the latency histogram's buckets; the last bucket takes everything above. */
export const LATENCY_BUCKETS_MS = [
  0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000,
] as const;

export function emptyMetricsState(): MetricsState {
  return {
    items: 0,
    auto: 0,
    autoCorrect: 0,
    escalated: 0,
    escalatedAgreeing: 0,
    errors: 0,
    deferred: 0,
    escalationsByReason: {},
    escalationsByQueue: {},
    confusion: {},
    nodes: {},
    latencySumMs: 0,
    latencyHistogram: new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0),
    engineMs: 0,
  };
}

export interface ItemOutcome {
  actualLabel: string;
  /** True when a person handled the case in history. */
  actualEscalated: boolean;
  key: OutcomeKey;
  queue?: string;
  steps?: readonly Pick<TraceStep, "nodeId" | "handle" | "confidence">[];
  durationMs: number;
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** Adds one item to the running totals (mutates `state`). Pure otherwise. */
export function addItem(state: MetricsState, item: ItemOutcome): void {
  state.items++;
  const row = (state.confusion[item.actualLabel] ??= {});
  bump(row, item.key.predicted);
  switch (item.key.kind) {
    case "auto":
      state.auto++;
      if (item.key.predicted === item.actualLabel) state.autoCorrect++;
      break;
    case "escalated":
      state.escalated++;
      bump(state.escalationsByReason, item.key.reasonType ?? "manual");
      if (item.queue) bump(state.escalationsByQueue, item.queue);
      if (item.actualEscalated) state.escalatedAgreeing++;
      break;
    case "error":
      state.errors++;
      break;
    case "deferred":
      state.deferred++;
      break;
  }
  for (const step of item.steps ?? []) {
    const node = (state.nodes[step.nodeId] ??= {
      visits: 0,
      handles: {},
      confidenceSum: 0,
      confidenceCount: 0,
    });
    node.visits++;
    if (step.handle) bump(node.handles, step.handle);
    if (typeof step.confidence === "number") {
      node.confidenceSum += step.confidence;
      node.confidenceCount++;
    }
  }
  state.latencySumMs += item.durationMs;
  let bucket = 0;
  while (bucket < LATENCY_BUCKETS_MS.length && item.durationMs > LATENCY_BUCKETS_MS[bucket]!) bucket++;
  state.latencyHistogram[bucket] = (state.latencyHistogram[bucket] ?? 0) + 1;
}
