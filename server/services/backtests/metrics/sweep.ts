import { decodeOutcomeKey } from "../outcome-key";
import type { OutcomeKey, SweepPoint } from "../types";

export interface SweepItem {
  actualLabel: string;
  /** The outcome the run recorded. */
  recorded: OutcomeKey;
  /** This node's point on the item's path; absent when the item never reached the node. */
  point?: SweepPoint;
}

export interface SweepRow {
  threshold: number;
  autoHandled: number;
  escalated: number;
  /** Correct share of the auto-handled items; null when none is. */
  autoAccuracy: number | null;
  escalationRate: number;
  automationRate: number;
}

/** 0.00, 0.05, …, 1.00 by default. */
export function thresholdGrid(step = 0.05): number[] {
  const count = Math.round(1 / step);
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(6)));
}

/**
 * What one node's threshold would have done, from a single run: at threshold t an item that reached the node
 * goes the at-or-above way when its confidence ≥ t, else the other way, and ends with the outcome recorded
 * for that way (the run's own, or the one recorded for the other way). Items that never reached the node
 * keep their outcome. Pure; equals re-running the backtest with that threshold.
 */
export function sweepThreshold(
  items: Iterable<SweepItem>,
  thresholds: readonly number[] = thresholdGrid(),
): SweepRow[] {
  const auto = new Array<number>(thresholds.length).fill(0);
  const correct = new Array<number>(thresholds.length).fill(0);
  const escalated = new Array<number>(thresholds.length).fill(0);
  let total = 0;
  const decoded = new Map<string, OutcomeKey>();
  for (const item of items) {
    total++;
    let other: OutcomeKey | undefined;
    if (item.point) {
      const text = item.point[3];
      other = decoded.get(text);
      if (!other) decoded.set(text, (other = decodeOutcomeKey(text)));
    }
    for (let t = 0; t < thresholds.length; t++) {
      let key = item.recorded;
      if (item.point && other) {
        const aboveNow = item.point[1] >= thresholds[t]!;
        if (aboveNow !== (item.point[2] === 1)) key = other;
      }
      if (key.kind === "auto") {
        auto[t]!++;
        if (key.predicted === item.actualLabel) correct[t]!++;
      } else if (key.kind === "escalated") escalated[t]!++;
    }
  }
  return thresholds.map((threshold, t) => ({
    threshold,
    autoHandled: auto[t]!,
    escalated: escalated[t]!,
    autoAccuracy: auto[t] === 0 ? null : correct[t]! / auto[t]!,
    escalationRate: total === 0 ? 0 : escalated[t]! / total,
    automationRate: total === 0 ? 0 : auto[t]! / total,
  }));
}
