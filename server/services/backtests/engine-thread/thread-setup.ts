import type { Graph } from "@/lib/engine/graph/graph-schema";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import { routeModels } from "@/lib/engine/models/route-models";
import { deserializeEmbeddedModel, type SerializedEmbeddedModel } from "@/lib/models";
import { knowledgeBasePort, type KnowledgeRow } from "../../../adapters/knowledge/knowledge-base-port";
import { embeddedModelsPort, type LoadedEmbeddedModel } from "../../../adapters/models/embedded-models";
import type { DatasetMapping } from "../../datasets/types";
import { createBatchEvaluator } from "../batch-evaluator";
import type { MetricsState, RecordedReadsJson } from "../types";

/** Everything an engine thread needs to run a backtest's items: plain data, copied to the thread once. */
export interface ThreadSetup {
  runId: string;
  graph: Graph;
  models: Array<{ modelKey: string; model: SerializedEmbeddedModel; featureFields: readonly string[] }>;
  /** The workflow's knowledge base, when a match node reads it (BM25 only: embeddings need a provider). */
  knowledge: KnowledgeRow[] | null;
  readsFixture: RecordedReadsJson;
  overrides?: Record<string, number>;
  sweep: boolean;
  mapping: DatasetMapping;
  state: MetricsState;
}

/** The batch evaluator an engine thread runs, built from its setup. */
export function evaluatorFromSetup(setup: ThreadSetup) {
  const loaded = new Map<string, LoadedEmbeddedModel>(
    setup.models.map((m) => [
      m.modelKey,
      { model: deserializeEmbeddedModel(m.model), featureFields: m.featureFields },
    ]),
  );
  const embedded = embeddedModelsPort(loaded);
  const rows = setup.knowledge;
  return createBatchEvaluator({
    runId: setup.runId,
    compiled: compileGraph(setup.graph),
    embedded,
    models: routeModels({ embedded }),
    knowledge: rows ? knowledgeBasePort({ load: async () => rows }) : undefined,
    readsFixture: setup.readsFixture,
    overrides: setup.overrides,
    sweep: setup.sweep,
    mapping: setup.mapping,
    state: setup.state,
    // The thread does nothing else: no need to let anything in between items.
    yieldEvery: 0,
  });
}
