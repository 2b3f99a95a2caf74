import { and, desc, eq, isNotNull, lt } from "drizzle-orm";
import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import { buildBm25Index, type Bm25Index } from "@/lib/engine/text/bm25";
import type { FewShotExample } from "../../../adapters/models/llm/classification-prompt";
import type { Db } from "../../../db/client";
import { backtestRuns, datasetRows } from "../../../db/schema";
import { llmModelOfNode } from "../calibration/llm-node-model";
import { outcomeLabelMap } from "../embedded-nodes";

/** The most recent labelled cases an index holds: enough for good neighbours, bounded in memory. */
export const MAX_FEW_SHOT_POOL = 20_000;
/** Candidates read from the ranking per example wanted (some map to no label of the node, some repeat). */
const OVERFETCH = 5;

export type FewShot = (text: string, labels: readonly string[], count: number) => Promise<FewShotExample[]>;

interface PoolCase {
  text: string;
  label: string;
  occurredAt: Date;
}

export interface FewShotPool {
  /** Every case in the pool happened strictly before this. */
  before: Date;
  cases: PoolCase[];
  index: Bm25Index;
}

/** Labelled cases of a dataset strictly before `before` (the newest MAX_FEW_SHOT_POOL), indexed with BM25. */
export async function loadFewShotPool(db: Db, datasetId: string, before: Date): Promise<FewShotPool> {
  const rows = await db
    .select({ text: datasetRows.text, label: datasetRows.label, occurredAt: datasetRows.occurredAt })
    .from(datasetRows)
    .where(
      and(
        eq(datasetRows.datasetId, datasetId),
        lt(datasetRows.occurredAt, before),
        isNotNull(datasetRows.text),
      ),
    )
    .orderBy(desc(datasetRows.occurredAt), desc(datasetRows.id))
    .limit(MAX_FEW_SHOT_POOL);
  const cases = rows
    .filter((r): r is PoolCase => typeof r.text === "string" && r.text.trim() !== "" && r.label !== "")
    .map((r) => ({ text: r.text, label: r.label, occurredAt: r.occurredAt }));
  const index = buildBm25Index(cases.map((c, i) => ({ id: String(i), text: c.text })));
  return { before, cases, index };
}

/**
 * For each label set of the graph's LLM nodes, how a history label becomes a node label (history says where a
 * case ended, a team; the node's labels may be categories whose branches lead there).
 */
export function labelMapsOf(compiled: CompiledGraph): Map<string, Record<string, string>> {
  const maps = new Map<string, Record<string, string>>();
  compiled.graph.nodes.forEach((node, index) => {
    if (!llmModelOfNode(compiled.graph, node.id)) return;
    const config = node.config as { labels?: unknown; levels?: unknown };
    const labels = node.type === "classify" ? config.labels : config.levels;
    if (!Array.isArray(labels)) return;
    const key = labelSetKey(labels as string[]);
    if (!maps.has(key)) maps.set(key, outcomeLabelMap(compiled, index, labels as string[]));
  });
  return maps;
}

const labelSetKey = (labels: readonly string[]) => labels.join("\u0000");

/**
 * Few-shot examples from a pool: the `count` most similar cases (BM25) whose outcome maps to one of the node's
 * labels, without repeating a text or the item itself.
 */
export function fewShotFrom(
  pool: () => Promise<FewShotPool>,
  labelMaps: ReadonlyMap<string, Record<string, string>>,
): FewShot {
  return async (text, labels, count) => {
    if (count <= 0 || !text.trim()) return [];
    const { cases, index } = await pool();
    const map = labelMaps.get(labelSetKey(labels)) ?? Object.fromEntries(labels.map((l) => [l, l]));
    const allowed = new Set(labels);
    const seen = new Set([text.trim()]);
    const examples: FewShotExample[] = [];
    for (const hit of index.rank(text, count * OVERFETCH)) {
      const found = cases[Number(hit.id)];
      const label = found ? map[found.label] : undefined;
      if (!found || label === undefined || !allowed.has(label) || seen.has(found.text.trim())) continue;
      seen.add(found.text.trim());
      examples.push({ text: found.text, label });
      if (examples.length === count) break;
    }
    return examples;
  };
}

/**
 * Backtest: examples only from the run's dataset and only from cases before its window starts, so no example
 * happened after (or is) an item being judged. The pool is built once, on the first node that asks.
 */
export function backtestFewShot(db: Db, runId: string, compiled: CompiledGraph): FewShot {
  let pool: Promise<FewShotPool> | undefined;
  const load = async () => {
    const [run] = await db
      .select({ datasetId: backtestRuns.datasetId, windowFrom: backtestRuns.windowFrom })
      .from(backtestRuns)
      .where(eq(backtestRuns.id, runId));
    if (!run) throw new Error("the backtest run is gone");
    return loadFewShotPool(db, run.datasetId, run.windowFrom);
  };
  return fewShotFrom(() => (pool ??= load()), labelMapsOf(compiled));
}

/** Live pools per dataset, rebuilt after this long (history grows slowly; building one costs a read and an index). */
const LIVE_POOL_TTL_MS = 10 * 60_000;
const livePools = new Map<string, { at: number; pool: Promise<FewShotPool> }>();

/**
 * Live and shadow: the workflow's history is the dataset of its latest backtest (the cases it was judged on);
 * every case there is in the past. No backtest yet: no examples, and the prompt says nothing of any.
 */
export function liveFewShot(db: Db, workflowId: string, compiled: CompiledGraph): FewShot {
  let pool: Promise<FewShotPool> | undefined;
  const load = async (): Promise<FewShotPool> => {
    const [latest] = await db
      .select({ datasetId: backtestRuns.datasetId })
      .from(backtestRuns)
      .where(eq(backtestRuns.workflowId, workflowId))
      .orderBy(desc(backtestRuns.createdAt))
      .limit(1);
    if (!latest) return { before: new Date(), cases: [], index: buildBm25Index([]) };
    const hit = livePools.get(latest.datasetId);
    if (hit && performance.now() - hit.at < LIVE_POOL_TTL_MS) return hit.pool;
    const loading = loadFewShotPool(db, latest.datasetId, new Date());
    livePools.set(latest.datasetId, { at: performance.now(), pool: loading });
    loading.catch(() => livePools.delete(latest.datasetId));
    return loading;
  };
  return fewShotFrom(() => (pool ??= load()), labelMapsOf(compiled));
}
