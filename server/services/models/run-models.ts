import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import { routeModels } from "@/lib/engine/models/route-models";
import type { Models } from "@/lib/engine/ports";
import { llmModelsPort } from "../../adapters/models/llm/llm-models-port";
import type { Db } from "../../db/client";
import { liveFewShot, type FewShot } from "./few-shot/few-shot-source";
import { databaseCallCache, recordModelCall } from "./providers/call-records";
import { loadConnection } from "./providers/provider-connections";
import { sharedRateReservation } from "./providers/provider-rate-bucket";

export interface RunModelsOptions {
  embedded?: Models;
  /** Backtests: identical calls are answered from `model_call_cache`. */
  cacheCalls?: boolean;
  /** Where few-shot examples come from (a backtest passes examples from before its window). */
  fewShot?: FewShot;
  /** Live and shadow: the workflow whose history gives few-shot examples, when no `fewShot` is passed. */
  workflow?: { id: string; compiled: CompiledGraph };
}

/**
 * The Models port of a run: keywords always, embedded models when the caller loaded some, LLMs through the
 * configured providers (rate limits shared by every process on the database). A node's fallback is asked
 * through this same router. Backtests pass `cacheCalls` so identical calls are answered from
 * `model_call_cache`; live and shadow runs always ask the provider.
 */
export function runModels(db: Db, options: RunModelsOptions = {}): Models {
  const fewShot =
    options.fewShot ??
    (options.workflow ? liveFewShot(db, options.workflow.id, options.workflow.compiled) : undefined);
  const router: Models = routeModels({
    ...(options.embedded ? { embedded: options.embedded } : {}),
    llm: llmModelsPort({
      connection: (providerId) => loadConnection(db, providerId),
      cache: options.cacheCalls ? databaseCallCache(db) : undefined,
      record: (call) => recordModelCall(db, call),
      fallback: () => router,
      sharedRate: sharedRateReservation(db),
      ...(fewShot ? { fewShot } : {}),
    }),
  });
  return router;
}
