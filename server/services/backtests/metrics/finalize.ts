import {
  DEFERRED,
  ERRORED,
  ESCALATED,
  type BacktestMetrics,
  type LabelMetrics,
  type MetricsState,
  type NodeMetrics,
} from "../types";
import { LATENCY_BUCKETS_MS } from "./accumulate";

const NOT_LABELS = new Set([ESCALATED, ERRORED, DEFERRED]);
const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function percentile(histogram: readonly number[], total: number, p: number): number {
  if (total === 0) return 0;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (let b = 0; b < histogram.length; b++) {
    seen += histogram[b] ?? 0;
    if (seen >= rank) return LATENCY_BUCKETS_MS[Math.min(b, LATENCY_BUCKETS_MS.length - 1)]!;
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1]!;
}

export interface NodeInfo {
  id: string;
  type: string;
  name?: string;
}

/**
 * The figures of a run from its running totals. Precision and recall are over the auto-handled items (what
 * the workflow decided by itself); escalations are counted apart, by reason.
 */
export function finalizeMetrics(state: MetricsState, nodes: readonly NodeInfo[]): BacktestMetrics {
  const actualLabels = Object.entries(state.confusion)
    .map(([label, row]) => [label, Object.values(row).reduce((a, b) => a + b, 0)] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label]) => label);
  const predictedTotals = new Map<string, number>();
  for (const row of Object.values(state.confusion)) {
    for (const [predicted, count] of Object.entries(row))
      predictedTotals.set(predicted, (predictedTotals.get(predicted) ?? 0) + count);
  }
  const predictedOnly = [...predictedTotals.keys()]
    .filter((p) => !NOT_LABELS.has(p) && !actualLabels.includes(p))
    .sort();
  const specials = [ESCALATED, ERRORED, DEFERRED].filter((p) => predictedTotals.has(p));
  const predictedColumns = [...actualLabels, ...predictedOnly, ...specials];
  const counts = actualLabels.map((a) => predictedColumns.map((p) => state.confusion[a]?.[p] ?? 0));

  const labels: LabelMetrics[] = [...actualLabels, ...predictedOnly].map((label) => {
    const row = state.confusion[label] ?? {};
    const actual = Object.values(row).reduce((a, b) => a + b, 0);
    const autoHandled = Object.entries(row).reduce((sum, [p, c]) => (NOT_LABELS.has(p) ? sum : sum + c), 0);
    let predicted = 0;
    for (const [actualLabel, r] of Object.entries(state.confusion))
      if (actualLabel !== undefined) predicted += r[label] ?? 0;
    const truePositives = row[label] ?? 0;
    const precision = ratio(truePositives, predicted);
    const recall = ratio(truePositives, autoHandled);
    const f1 =
      precision === null || recall === null
        ? null
        : precision + recall === 0
          ? 0
          : (2 * precision * recall) / (precision + recall);
    return { label, actual, autoHandled, predicted, truePositives, precision, recall, f1 };
  });

  const nodeMetrics: NodeMetrics[] = nodes
    .filter((n) => state.nodes[n.id])
    .map((n) => {
      const acc = state.nodes[n.id]!;
      return {
        nodeId: n.id,
        type: n.type,
        ...(n.name ? { name: n.name } : {}),
        visits: acc.visits,
        handles: acc.handles,
        meanConfidence: ratio(acc.confidenceSum, acc.confidenceCount),
      };
    });

  const n = state.items;
  return {
    items: n,
    autoHandled: state.auto,
    escalated: state.escalated,
    errors: state.errors,
    deferred: state.deferred,
    autoAccuracy: ratio(state.autoCorrect, state.auto),
    escalationRate: n === 0 ? 0 : state.escalated / n,
    automationRate: n === 0 ? 0 : state.auto / n,
    escalationsByReason: state.escalationsByReason,
    escalationsByQueue: state.escalationsByQueue,
    escalatedAgreeing: state.escalatedAgreeing,
    labels,
    confusion: { actual: actualLabels, predicted: predictedColumns, counts },
    nodes: nodeMetrics,
    latency: {
      meanMs: n === 0 ? 0 : state.latencySumMs / n,
      p50Ms: percentile(state.latencyHistogram, n, 0.5),
      p95Ms: percentile(state.latencyHistogram, n, 0.95),
      p99Ms: percentile(state.latencyHistogram, n, 0.99),
    },
    engineItemsPerSecond: state.engineMs === 0 ? 0 : Math.round((n / state.engineMs) * 1000),
  };
}
