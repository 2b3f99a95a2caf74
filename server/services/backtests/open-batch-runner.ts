import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import { serializeEmbeddedModel } from "@/lib/models";
import { embeddedModelsPort, type LoadedEmbeddedModel } from "../../adapters/models/embedded-models";
import type { Db } from "../../db/client";
import type { DatasetMapping } from "../datasets/types";
import { knowledgeRows, workflowKnowledge } from "../knowledge/knowledge-entries";
import { llmBatchRunner } from "../models/llm-batch-runner";
import { runModels } from "../models/run-models";
import { inProcessRunner, type BatchRunner } from "./batch-evaluator";
import { startEngineThread } from "./engine-thread/engine-thread";
import type { MetricsState, RecordedReadsJson } from "./types";

export interface RunnerInput {
  runId: string;
  workflowId: string;
  graph: Graph;
  compiled: CompiledGraph;
  loaded: ReadonlyMap<string, LoadedEmbeddedModel>;
  readsFixture: RecordedReadsJson;
  overrides?: Record<string, number>;
  sweep: boolean;
  mapping: DatasetMapping;
  state: MetricsState;
  /** Run the engine in a thread of its own when the graph allows it (default on). */
  engineThread: boolean;
}

/**
 * Whether every model and knowledge lookup of the graph can be answered without the database: LLM calls
 * (cached, recorded, rate-limited through it) and embedding lookups keep a run in the caller's thread.
 */
export function threadCanRun(graph: Graph): boolean {
  const needsDatabase = (value: unknown): boolean => {
    if (Array.isArray(value)) return value.some(needsDatabase);
    if (value === null || typeof value !== "object") return false;
    const record = value as Record<string, unknown>;
    if (record.kind === "llm") return true;
    if (record.embedding !== undefined && record.embedding !== null) return true;
    return Object.values(record).some(needsDatabase);
  };
  return !graph.nodes.some((node) => needsDatabase(node.config));
}

function readsKnowledgeBase(graph: Graph): boolean {
  return graph.nodes.some(
    (node) => node.type === "match" && (node.config as { source?: unknown }).source === "knowledge_base",
  );
}

/**
 * What runs a backtest's items: an engine thread when the graph allows one (the engine then overlaps with
 * reading and checkpointing), else this thread. A thread that fails to start falls back to this thread.
 */
export async function openBatchRunner(db: Db, input: RunnerInput): Promise<BatchRunner> {
  if (input.engineThread && threadCanRun(input.graph)) {
    try {
      return await startEngineThread({
        runId: input.runId,
        graph: input.graph,
        models: [...input.loaded].map(([modelKey, loaded]) => ({
          modelKey,
          model: serializeEmbeddedModel(loaded.model),
          featureFields: loaded.featureFields,
        })),
        knowledge: readsKnowledgeBase(input.graph) ? await knowledgeRows(db, input.workflowId) : null,
        readsFixture: input.readsFixture,
        overrides: input.overrides,
        sweep: input.sweep,
        mapping: input.mapping,
        state: input.state,
      });
    } catch (error) {
      console.warn(
        `[switchboard] backtest ${input.runId}: the engine thread did not start (${error instanceof Error ? error.message : String(error)}); running in the server's thread`,
      );
    }
  }
  // An LLM graph runs its items side by side, as many as its providers allow (services/models/llm-batch-runner).
  const llm = await llmBatchRunner(db, input);
  if (llm) return llm;
  const embedded = embeddedModelsPort(input.loaded);
  return inProcessRunner({
    runId: input.runId,
    compiled: input.compiled,
    embedded,
    models: runModels(db, { embedded, cacheCalls: true }),
    // Loaded once for the whole backtest, on the first match node that reads it.
    knowledge: workflowKnowledge(db, input.workflowId),
    readsFixture: input.readsFixture,
    overrides: input.overrides,
    sweep: input.sweep,
    mapping: input.mapping,
    state: input.state,
    // Let the server answer requests between slices of work: awaiting only settled promises never would.
    yieldEvery: 200,
  });
}
