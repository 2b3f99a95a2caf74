import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import { backtestPorts } from "@/lib/engine/modes/backtest-ports";
import type { ConnectorRequest, KnowledgeBase, Models } from "@/lib/engine/ports";
import type { EmbeddedModelsPort } from "../../adapters/models/embedded-models";
import type { DatasetMapping } from "../datasets/types";
import { createItemBuilder } from "./build-item";
import { ItemEvaluator, storedTrace, type ItemEvaluation } from "./evaluate-item";
import { addItem } from "./metrics/accumulate";
import { resultKind } from "./outcome-key";
import type { MetricsState, RecordedReadsJson, ResultKind, StoredTrace, SweepPoint } from "./types";
import type { WindowRow } from "./window-rows";

/** One item's result as a checkpoint stores it. */
export interface ResultRow {
  rowId: number;
  seq: number;
  actualLabel: string;
  predictedLabel: string;
  kind: ResultKind;
  reasonType: string | null;
  nodeId: string | null;
  durationMs: number;
  trace: StoredTrace | null;
  sweep: SweepPoint[] | null;
}

/** A batch's results and the running totals after it: what one checkpoint commits together. */
export interface BatchResult {
  results: ResultRow[];
  state: MetricsState;
}

/** What evaluates a backtest's batches: in this thread, or in an engine thread (see engine-thread/). */
export interface BatchRunner {
  /** Where the engine runs, recorded with the run for the curious (and the benchmark). */
  readonly where: "thread" | "in-process";
  evaluate(rows: readonly WindowRow[], firstSeq: number): Promise<BatchResult>;
  close(): Promise<void>;
}

export interface BatchEvaluatorParts {
  runId: string;
  compiled: CompiledGraph;
  /** The embedded models, told which item runs (they read its structured fields). */
  embedded: EmbeddedModelsPort;
  /** Every model kind the graph asks, the embedded one included. */
  models: Models;
  knowledge?: KnowledgeBase;
  readsFixture: RecordedReadsJson;
  overrides?: Readonly<Record<string, number>>;
  sweep: boolean;
  mapping: DatasetMapping;
  /** Running totals to continue from (a resumed run's last checkpoint); mutated as items run. */
  state: MetricsState;
  /** Yield to the event loop every so many items (a server answering requests meanwhile); never when 0. */
  yieldEvery: number;
}

const KEEP_TRACE: ReadonlySet<ResultKind> = new Set(["wrong", "escalated", "error", "deferred"]);

/** Adds one evaluated item to the running totals and answers the row its checkpoint stores. */
export function accumulateResult(
  state: MetricsState,
  row: WindowRow,
  seq: number,
  evaluation: ItemEvaluation,
): ResultRow {
  const { result, key, steps, sweep } = evaluation;
  const kind = resultKind(key, row.label);
  const outcome = result.outcome;
  addItem(state, {
    actualLabel: row.label,
    actualEscalated: row.outcomeType === "escalate",
    key,
    queue: outcome.type === "escalate" ? outcome.queue : undefined,
    steps,
    durationMs: result.trace?.durationMs ?? 0,
  });
  return {
    rowId: row.id,
    seq,
    actualLabel: row.label,
    predictedLabel: key.predicted,
    kind,
    reasonType: key.reasonType ?? null,
    nodeId: "nodeId" in outcome ? (outcome.nodeId ?? null) : null,
    durationMs: result.trace?.durationMs ?? 0,
    trace: KEEP_TRACE.has(kind) ? storedTrace(result, steps) : null,
    sweep: sweep.length > 0 ? sweep : null,
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs a backtest's items through the engine in backtest mode, in order, and keeps the running totals.
 * Free of the database, so the same code runs in the caller's thread or in an engine thread.
 */
export function createBatchEvaluator(parts: BatchEvaluatorParts) {
  let itemReads: RecordedReadsJson | null = null;
  const ports = backtestPorts({
    models: parts.models,
    knowledge: parts.knowledge,
    recordedReads: (request: ConnectorRequest) => {
      const key = `${request.connectorId}.${request.operation}`;
      return itemReads?.[key] ?? parts.readsFixture[key];
    },
    timer: () => performance.now(),
  });
  const evaluator = new ItemEvaluator(parts.compiled, ports, parts.overrides, parts.sweep);
  const build = createItemBuilder(parts.compiled.itemShape, parts.mapping);
  const state = parts.state;

  async function evaluateRow(row: WindowRow, seq: number): Promise<ResultRow> {
    const item = build(row);
    parts.embedded.setCurrentItem(item);
    itemReads = row.reads;
    const t0 = performance.now();
    const evaluation = await evaluator.evaluate(item, `${parts.runId}:${row.itemId}`);
    state.engineMs += performance.now() - t0;
    ports.log.clear();
    return accumulateResult(state, row, seq, evaluation);
  }

  return {
    /** Runs the rows; answers their results and the live totals (clone them before running more). */
    async evaluate(rows: readonly WindowRow[], firstSeq: number): Promise<BatchResult> {
      const results: ResultRow[] = [];
      for (const row of rows) {
        results.push(await evaluateRow(row, firstSeq + results.length));
        if (parts.yieldEvery > 0 && results.length % parts.yieldEvery === 0) await yieldToEventLoop();
      }
      return { results, state };
    },
  };
}

/** The evaluator in the caller's thread: what runs when no engine thread can (an LLM node needs the database). */
export function inProcessRunner(parts: BatchEvaluatorParts): BatchRunner {
  const evaluator = createBatchEvaluator(parts);
  return {
    where: "in-process",
    async evaluate(rows, firstSeq) {
      const { results, state } = await evaluator.evaluate(rows, firstSeq);
      return { results, state: structuredClone(state) };
    },
    async close() {},
  };
}
