/**
 * The engine reaches the world only through these ports. A run mode (live,
 * backtest, shadow) is nothing but a bundle of implementations; node
 * executors never ask which mode they are in.
 *
 * Every method may answer synchronously or with a Promise: the interpreter
 * stays on a synchronous path until a port actually returns a Promise.
 */
import type { ConnectorResult } from "./graph/connector-result-schema";
import type { EscalationReasonType } from "./graph/test-case-schema";
import type { ModelRef } from "./model-ref";
import type { DecisionSummary, Outcome, SuggestedOutcome, Trace } from "./run/outcome";

export type MaybePromise<T> = T | Promise<T>;

export interface Clock {
  /** Wall-clock time, epoch milliseconds. */
  now(): number;
  /** A monotonic reading in milliseconds, only ever compared with another reading. */
  monotonic(): number;
  /**
   * Optional: called once per item with the item's occurred-at time (epoch ms),
   * so a simulated clock can stand at the moment the item happened.
   * Real clocks leave it out.
   */
  anchor?(epochMs: number): void;
}

export interface ClassifyRequest {
  text: string;
  labels: readonly string[];
  model: ModelRef;
}
export interface ClassifyResult {
  label: string;
  /** 0..1 */
  confidence: number;
  explanation?: string;
  /** label → score, when the model gives them. */
  scores?: Record<string, number>;
  /**
   * False when the confidence is not a calibrated probability (an LLM that returned no token
   * log-probabilities): a threshold on it means little until it is calibrated on backtest data.
   */
  calibrated?: boolean;
  /** What answering cost, for models that bill by the token. */
  usage?: { inputTokens: number; outputTokens: number; latencyMs: number; costUsd: number; cached: boolean };
  /** Set when a fallback answered because the configured model failed. */
  fallbackFrom?: string;
}
export interface Models {
  classify(request: ClassifyRequest): MaybePromise<ClassifyResult>;
}

export interface KnowledgeMatchRequest {
  text: string;
  /** Match by embeddings through this provider's model; BM25 when absent (or when embeddings fail). */
  embedding?: { providerId: string; model: string };
}
export interface KnowledgeMatch {
  entryId: string;
  title: string;
  /** The known resolution. */
  reply: string;
  /** 0..1 */
  similarity: number;
  method: "tfidf" | "bm25" | "embedding";
}
/** The workflow's knowledge base of known resolutions (articles, resolved past cases). */
export interface KnowledgeBase {
  /** The closest entry, or undefined when nothing in the base relates to the text. */
  match(request: KnowledgeMatchRequest): MaybePromise<KnowledgeMatch | undefined>;
}

export type ConnectorKind = "read" | "write";
export interface ConnectorRequest {
  connectorId: string;
  operation: string;
  kind: ConnectorKind;
  input: Record<string, unknown>;
  /** Stable for one item at one node, so a retried run never writes twice. */
  idempotencyKey: string;
}
export type { ConnectorResult };
export interface ConnectorGateway {
  call(request: ConnectorRequest): MaybePromise<ConnectorResult>;
}

export interface ReviewTaskRequest {
  queue: string;
  reasonType: EscalationReasonType;
  /** One line a reviewer reads first, e.g. "classify: billing at 0.41 < threshold 0.70". */
  reason: string;
  itemId: string;
  item: Readonly<Record<string, unknown>>;
  /** The node that escalated (an escalate node, or the node whose unconnected handle was taken). */
  nodeId: string;
  suggested?: SuggestedOutcome;
  context: { decisions: DecisionSummary[] };
  /** `${runKey}:${nodeId}`: the same item escalated twice creates one task. */
  idempotencyKey: string;
}
export interface ReviewTaskReceipt {
  taskId: string;
}
export interface ReviewQueue {
  createTask(request: ReviewTaskRequest): MaybePromise<ReviewTaskReceipt>;
}

export interface RunRecord {
  runKey: string;
  itemId: string;
  startedAt: number;
  outcome: Outcome;
  /** Absent when the run was made with `{ trace: false }`. */
  trace?: Trace;
  reviewTask?: ReviewTaskReceipt;
}
export interface RunStore {
  record(run: RunRecord): MaybePromise<void>;
}

export interface Ports {
  clock: Clock;
  models: Models;
  connectors: ConnectorGateway;
  reviewQueue: ReviewQueue;
  runStore?: RunStore;
  /** Present when the run's workflow has a knowledge base (match nodes that read it need one). */
  knowledge?: KnowledgeBase;
}
