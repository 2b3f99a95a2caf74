import { backtestPorts } from "@/lib/engine/modes/backtest-ports";
import type { ConnectorRequest } from "@/lib/engine/ports";
import { embeddedModelsPort } from "../../adapters/models/embedded-models";
import type { Db } from "../../db/client";
import { accumulateResult, type BatchRunner } from "../backtests/batch-evaluator";
import { createItemBuilder } from "../backtests/build-item";
import { ItemEvaluator, type ItemEvaluation } from "../backtests/evaluate-item";
import type { RunnerInput } from "../backtests/open-batch-runner";
import type { WindowRow } from "../backtests/window-rows";
import { workflowKnowledge } from "../knowledge/knowledge-entries";
import { llmNodesOf } from "./calibration/llm-node-model";
import { backtestFewShot } from "./few-shot/few-shot-source";
import { llmItemConcurrency, mapInOrder } from "./llm-item-concurrency";
import { runModels } from "./run-models";

/**
 * The batch runner of a backtest whose graph asks an LLM: items wait on the network, so as many run at once as
 * the providers allow (each provider's limiter still holds its own concurrency and rate). Every item has ports
 * of its own (simulated clock, recorded reads, the embedded model's current item), so items running side by
 * side never see each other's state; results and running totals are added in time order once the batch is in.
 * Few-shot examples come from the run's dataset, only from cases before its window. Undefined for a graph
 * without an LLM node (the caller's runners are faster for those).
 */
export async function llmBatchRunner(db: Db, input: RunnerInput): Promise<BatchRunner | undefined> {
  if (llmNodesOf(input.graph).length === 0) return undefined;
  const itemsAtOnce = await llmItemConcurrency(db, input.compiled);
  const fewShot = backtestFewShot(db, input.runId, input.compiled);
  // Loaded once for the whole backtest, on the first match node that reads it.
  const knowledge = workflowKnowledge(db, input.workflowId);
  const build = createItemBuilder(input.compiled.itemShape, input.mapping);
  const state = input.state;

  function evaluateAlone(row: WindowRow): Promise<ItemEvaluation> {
    const item = build(row);
    const embedded = embeddedModelsPort(input.loaded);
    embedded.setCurrentItem(item);
    const ports = backtestPorts({
      models: runModels(db, { embedded, cacheCalls: true, fewShot }),
      knowledge,
      recordedReads: (request: ConnectorRequest) => {
        const key = `${request.connectorId}.${request.operation}`;
        return row.reads?.[key] ?? input.readsFixture[key];
      },
      timer: () => performance.now(),
    });
    return new ItemEvaluator(input.compiled, ports, input.overrides, input.sweep).evaluate(
      item,
      `${input.runId}:${row.itemId}`,
    );
  }

  return {
    where: "in-process",
    async evaluate(rows, firstSeq) {
      const started = performance.now();
      const evaluations = await mapInOrder(rows, itemsAtOnce, evaluateAlone);
      // Wall time of the batch: items overlapped, so their own durations would count the same time twice.
      state.engineMs += performance.now() - started;
      const results = rows.map((row, i) => accumulateResult(state, row, firstSeq + i, evaluations[i]!));
      return { results, state: structuredClone(state) };
    },
    async close() {},
  };
}
