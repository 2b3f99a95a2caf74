import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import type { Db } from "../../db/client";
import { llmNodesOf } from "./calibration/llm-node-model";
import { loadConnection } from "./providers/provider-connections";

/** Items in flight at once, whatever the providers allow: each holds its trace and ports in memory. */
const MAX_ITEMS_AT_ONCE = 32;

/**
 * How many items a backtest may run at once: 1 for a graph that asks no LLM (its items take microseconds and
 * the sequential path is the fastest), else the largest concurrency among the providers its LLM nodes (and their
 * fallbacks) ask. Each provider's limiter still holds its own concurrency and rate, so a slower provider in the
 * same graph is never asked more than it allows.
 */
export async function llmItemConcurrency(db: Db, compiled: CompiledGraph): Promise<number> {
  const providerIds = new Set<string>();
  for (const { model } of llmNodesOf(compiled.graph)) {
    providerIds.add(model.providerId);
    if (model.fallback?.kind === "llm") providerIds.add(model.fallback.providerId);
  }
  let most = 1;
  for (const providerId of providerIds) {
    const connection = await loadConnection(db, providerId);
    if (connection) most = Math.max(most, connection.concurrency);
  }
  return Math.min(most, MAX_ITEMS_AT_ONCE);
}

/**
 * `work` over `items` with at most `limit` running at once, answering the results in the items' order (a
 * backtest's results and running totals stay in time order however the calls interleave). The first failure
 * rejects the whole map once the items already running have settled.
 */
export async function mapInOrder<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  async function lane(): Promise<void> {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane);
  const settled = await Promise.allSettled(lanes);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
  return results;
}
