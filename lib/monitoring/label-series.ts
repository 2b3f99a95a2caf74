import { bucketStart, bucketStarts } from "./buckets";
import type { ItemFact } from "./item-fact";
import type { Granularity, RateWithInterval } from "./types";
import { wilsonInterval } from "./wilson-interval";

export const OTHER_LABELS = "other labels";

export interface LabelVolumeSeries {
  /** The labels charted, busiest first; the rest are summed under OTHER_LABELS (last, when present). */
  labels: string[];
  points: {
    startMs: number;
    counts: Record<string, number>;
    /** Per label: how many of its decisions the truth has judged, and the share right (Wilson 95%). */
    accuracy: Record<string, RateWithInterval>;
  }[];
}

/**
 * Items the workflow decided per label and bucket, and the accuracy of those a reviewer or the human process
 * judged: the `top` busiest labels of the range by name and the rest together, so a chart keeps a readable
 * legend whatever the label count.
 */
export function labelVolumeSeries(
  facts: readonly ItemFact[],
  range: { fromMs: number; toMs: number },
  granularity: Granularity,
  top = 6,
): LabelVolumeSeries {
  const decided = facts.filter(
    (f) =>
      f.kind === "auto" &&
      f.predicted !== undefined &&
      f.receivedAtMs >= range.fromMs &&
      f.receivedAtMs < range.toMs,
  );
  const totals = new Map<string, number>();
  for (const fact of decided) totals.set(fact.predicted!, (totals.get(fact.predicted!) ?? 0) + 1);
  const ranked = [...totals.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([l]) => l);
  const shown = ranked.length > top + 1 ? ranked.slice(0, top) : ranked;
  const shownSet = new Set(shown);
  const labels = shown.length < ranked.length ? [...shown, OTHER_LABELS] : shown;
  const byBucket = new Map<number, Record<string, { decided: number; judged: number; correct: number }>>();
  for (const fact of decided) {
    const start = bucketStart(fact.receivedAtMs, granularity);
    const bucket = byBucket.get(start) ?? {};
    const label = shownSet.has(fact.predicted!) ? fact.predicted! : OTHER_LABELS;
    const tally = (bucket[label] ??= { decided: 0, judged: 0, correct: 0 });
    tally.decided += 1;
    if (fact.judged) tally.judged += 1;
    if (fact.judged === "correct") tally.correct += 1;
    byBucket.set(start, bucket);
  }
  return {
    labels,
    points: bucketStarts(range.fromMs, range.toMs, granularity).map((startMs) => {
      const bucket = byBucket.get(startMs);
      return {
        startMs,
        counts: Object.fromEntries(labels.map((label) => [label, bucket?.[label]?.decided ?? 0])),
        accuracy: Object.fromEntries(
          labels.map((label) => [label, wilsonInterval(bucket?.[label]?.correct ?? 0, bucket?.[label]?.judged ?? 0)]),
        ),
      };
    }),
  };
}
