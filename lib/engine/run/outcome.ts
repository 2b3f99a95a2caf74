import type { EscalationReasonType } from "../graph/test-case-schema";

export interface RouteOutcome {
  type: "route";
  nodeId: string;
  team: string;
  queue?: string;
}
export interface ResolveOutcome {
  type: "resolve";
  nodeId: string;
  resolution?: string;
  reply: string;
}
export interface EndOutcome {
  type: "end";
  nodeId: string;
  note?: string;
}
/** What the graph would have done had the doubt that escalated been settled by the model's best guess. */
export type SuggestedOutcome = RouteOutcome | ResolveOutcome | EndOutcome;

/** One decision on the path, as a reviewer sees it. */
export interface DecisionSummary {
  nodeId: string;
  type: string;
  handle: string;
  detail?: string;
  confidence?: number;
}

export interface EscalateOutcome {
  type: "escalate";
  /** The escalate node, or the node whose unconnected escalate-if-taken handle was taken. */
  nodeId: string;
  queue: string;
  reasonType: EscalationReasonType;
  /** One line, e.g. "classify: billing at 0.41 < threshold 0.70". */
  reason: string;
  suggested?: SuggestedOutcome;
  context: { decisions: DecisionSummary[] };
}
/** A connector with `onUnavailable: "retry_later"` found its system down: run the item again later. */
export interface DeferredOutcome {
  type: "deferred";
  nodeId: string;
  reason: string;
}
export interface ErrorOutcome {
  type: "error";
  nodeId?: string;
  code: string;
  message: string;
}
export type Outcome =
  RouteOutcome | ResolveOutcome | EndOutcome | EscalateOutcome | DeferredOutcome | ErrorOutcome;

export type ThresholdSource = "graph" | "override";
export interface ThresholdInForce {
  value: number;
  source: ThresholdSource;
}

export interface TraceStep {
  nodeId: string;
  type: string;
  name?: string;
  /** The parts of the item and earlier outputs this node read. */
  inputs?: Record<string, unknown>;
  output?: unknown;
  confidence?: number;
  threshold?: ThresholdInForce;
  /** The output handle taken; empty for terminals. */
  handle: string;
  detail?: string;
  durationMs: number;
}
export interface Trace {
  runKey: string;
  itemId: string;
  /** Clock.now() at the start of the run (the item's time under a simulated clock). */
  startedAt: number;
  steps: TraceStep[];
  durationMs: number;
}

export interface RunResult {
  outcome: Outcome;
  /** Absent when the run was made with `{ trace: false }`. */
  trace?: Trace;
  /** Set when an escalation went through the ReviewQueue port. */
  reviewTask?: { taskId: string };
}
