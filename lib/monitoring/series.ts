import { bucketStart, bucketStarts } from "./buckets";
import type { ItemFact } from "./item-fact";
import { summarizeItems, type ItemSummary } from "./summarize-items";
import type { Granularity } from "./types";

export interface SeriesPoint extends ItemSummary {
  /** The bucket's first instant (UTC midnight, or Monday for weeks). */
  startMs: number;
}

/** The figures per day or week over [fromMs, toMs), every bucket present (an empty day shows as zero). */
export function itemSeries(
  facts: readonly ItemFact[],
  range: { fromMs: number; toMs: number },
  granularity: Granularity,
): SeriesPoint[] {
  const grouped = new Map<number, ItemFact[]>();
  for (const fact of facts) {
    if (fact.receivedAtMs < range.fromMs || fact.receivedAtMs >= range.toMs) continue;
    const start = bucketStart(fact.receivedAtMs, granularity);
    const bucket = grouped.get(start);
    if (bucket) bucket.push(fact);
    else grouped.set(start, [fact]);
  }
  return bucketStarts(range.fromMs, range.toMs, granularity).map((startMs) => ({
    startMs,
    ...summarizeItems(grouped.get(startMs) ?? []),
  }));
}
