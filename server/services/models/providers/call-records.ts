import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import type {
  CachedClassification,
  ModelCallCache,
  ModelCallRecord,
} from "../../../adapters/models/llm/llm-models-port";
import type { Db } from "../../../db/client";
import { modelCallCache, modelCalls } from "../../../db/schema";

export async function recordModelCall(db: Db, call: ModelCallRecord): Promise<void> {
  await db.insert(modelCalls).values({ id: crypto.randomUUID(), ...call, error: call.error ?? null });
}

/** The backtest cache of identical calls, in `model_call_cache` keyed by a hash of the call. */
export function databaseCallCache(db: Db): ModelCallCache {
  return {
    async get(key) {
      const [row] = await db
        .select({ response: modelCallCache.response })
        .from(modelCallCache)
        .where(eq(modelCallCache.key, key));
      return row ? (row.response as unknown as CachedClassification) : undefined;
    },
    async set(key, value) {
      await db
        .insert(modelCallCache)
        .values({ key, response: { ...value } })
        .onConflictDoNothing();
    },
  };
}
