/**
 * The shapes a backtest stores (jsonb columns) and shows. Pure types, shared by the schema, the services,
 * the routers and the screens.
 */
import type { ConnectorResult } from "@/lib/engine/ports";

/** Recorded connector reads as JSON: `connectorId.operation` → what the read returned. */
export type RecordedReadsJson = Record<string, ConnectorResult>;

/** Optional per-label recall floor: one value for every label, and/or per label. */
export interface LabelRecallCriterion {
  all?: number;
  byLabel?: Record<string, number>;
}

export interface CriteriaValues {
  /** Accuracy on the items the workflow handled without a person, 0..1. */
  minAutoAccuracy: number;
  /** Share of items handed to a person, 0..1. */
  maxEscalationRate: number;
  minLabelRecall: LabelRecallCriterion | null;
}

/** How one item's outcome compares with what actually happened. */
export type ResultKind = "correct" | "wrong" | "escalated" | "error" | "deferred";

/** The predicted "label" of an escalation, an error and a deferral in the confusion matrix. */
export const ESCALATED = "(escalated)";
export const ERRORED = "(error)";
export const DEFERRED = "(deferred)";

export interface NodeAccumulator {
  visits: number;
  handles: Record<string, number>;
  confidenceSum: number;
  confidenceCount: number;
}

/** Everything the metrics are computed from, checkpointed with each batch so a resumed run counts nothing twice. */
export interface MetricsState {
  items: number;
  auto: number;
  autoCorrect: number;
  escalated: number;
  /** Escalations of items a person also handled in history. */
  escalatedAgreeing: number;
  errors: number;
  deferred: number;
  escalationsByReason: Record<string, number>;
  escalationsByQueue: Record<string, number>;
  /** actual label → predicted label (or ESCALATED / ERRORED / DEFERRED) → count. */
  confusion: Record<string, Record<string, number>>;
  nodes: Record<string, NodeAccumulator>;
  latencySumMs: number;
  /** Counts per latency bucket (see LATENCY_BUCKETS_MS). */
  latencyHistogram: number[];
  /** Engine time only (excludes the database), for items/s. */
  engineMs: number;
  /** Where the engine ran the latest batch: its own thread, or the server's (absent in older runs). */
  runner?: "thread" | "in-process";
}

export interface LabelMetrics {
  label: string;
  /** Items that actually had this label. */
  actual: number;
  /** Of those, handled without a person. */
  autoHandled: number;
  /** Auto-handled items the workflow gave this label. */
  predicted: number;
  truePositives: number;
  /** Over auto-handled items; null when the workflow never gave this label. */
  precision: number | null;
  /** Over auto-handled items that actually had this label; null when there were none. */
  recall: number | null;
  f1: number | null;
}

export interface NodeMetrics {
  nodeId: string;
  type: string;
  name?: string;
  visits: number;
  handles: Record<string, number>;
  meanConfidence: number | null;
}

export interface BacktestMetrics {
  items: number;
  autoHandled: number;
  escalated: number;
  errors: number;
  deferred: number;
  /** Correct share of the auto-handled items; null when nothing was auto-handled. */
  autoAccuracy: number | null;
  escalationRate: number;
  /** Share handled without a person (and without an error). */
  automationRate: number;
  escalationsByReason: Record<string, number>;
  escalationsByQueue: Record<string, number>;
  escalatedAgreeing: number;
  labels: LabelMetrics[];
  /** Rows: actual labels; columns: predicted labels, then ESCALATED/ERRORED/DEFERRED when they occur. */
  confusion: { actual: string[]; predicted: string[]; counts: number[][] };
  nodes: NodeMetrics[];
  latency: { meanMs: number; p50Ms: number; p95Ms: number; p99Ms: number };
  /** Engine throughput (items per second of engine time). */
  engineItemsPerSecond: number;
}

export type CriterionKey = "minAutoAccuracy" | "maxEscalationRate" | `minLabelRecall:${string}`;

export interface CriterionVerdict {
  key: CriterionKey;
  /** "Auto-handled accuracy", "Escalation rate", "Recall of billing-team". */
  name: string;
  comparison: ">=" | "<=";
  required: number;
  /** null when there was nothing to measure (then it fails, saying why). */
  actual: number | null;
  pass: boolean;
  note?: string;
}

export interface Verdict {
  criteriaId: string;
  criteriaVersion: number;
  pass: boolean;
  criteria: CriterionVerdict[];
}

/** One decision of a stored trace, kept small. */
export interface CompactStep {
  nodeId: string;
  type: string;
  handle: string;
  confidence?: number;
  threshold?: number;
  detail?: string;
}

/** Kept only for mismatches and escalations, to keep storage bounded. */
export interface StoredTrace {
  steps: CompactStep[];
  /** The escalation's one-line reason, or the error message. */
  reason?: string;
  queue?: string;
  /** What the graph would have done had the doubt been settled by its best guess. */
  suggested?: string;
}

/** An outcome reduced to what the metrics need: predicted label (or ESCALATED…) and reason. */
export interface OutcomeKey {
  predicted: string;
  kind: "auto" | "escalated" | "error" | "deferred";
  reasonType?: string;
}

/**
 * For one thresholded node on an item's path: its confidence, whether the recorded run went the
 * at-or-above-threshold way (1) or not (0), and the outcome the other way would have given (an encoded
 * OutcomeKey, see outcome-key.ts). Enough to sweep the node's threshold without running anything again.
 * A tuple, because every result row carries a few of them.
 */
export type SweepPoint = [nodeId: string, confidence: number, above: 0 | 1, other: string];

export type BacktestStatus = "queued" | "training" | "running" | "done" | "failed" | "cancelled";

/** The embedded models a run trained (only on cases before its window) and plugged into the Models port. */
export interface TrainedModelUse {
  modelKey: string;
  trainedModelId: string;
  nodeIds: string[];
  cutoff: string;
  trainingSize: number;
  heldOutAccuracy: number | null;
  reused: boolean;
}
