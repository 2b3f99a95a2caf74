import { routeModels } from "@/lib/engine/models/route-models";
import type { Models } from "@/lib/engine/ports";
import { llmModelsPort } from "../../adapters/models/llm/llm-models-port";
import type { Db } from "../../db/client";
import { databaseCallCache, recordModelCall } from "./providers/call-records";
import { loadConnection } from "./providers/provider-connections";

/**
 * The Models port of a run: keywords always, embedded models when the caller loaded some, LLMs through the
 * configured providers. A node's fallback is asked through this same router. Backtests pass `cacheCalls` so
 * identical calls are answered from `model_call_cache`; live and shadow runs always ask the provider.
 */
export function runModels(db: Db, options: { embedded?: Models; cacheCalls?: boolean } = {}): Models {
  const router: Models = routeModels({
    ...(options.embedded ? { embedded: options.embedded } : {}),
    llm: llmModelsPort({
      connection: (providerId) => loadConnection(db, providerId),
      cache: options.cacheCalls ? databaseCallCache(db) : undefined,
      record: (call) => recordModelCall(db, call),
      fallback: () => router,
    }),
  });
  return router;
}
