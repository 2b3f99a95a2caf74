import type { ItemSummary } from "./summarize-items";
import type { DriftMetric } from "./types";

export interface DriftBand {
  accuracyDropPoints: number;
  escalationRisePoints: number;
  latencyP95Multiplier: number;
  windowDays: number;
  minSample: number;
}

export interface DriftBaseline {
  autoAccuracy: number | null;
  escalationRate: number | null;
  latencyP95Ms: number | null;
}

export interface DriftJudgement {
  metric: DriftMetric;
  /** null: not enough to judge (too few items, or no baseline for it): an open flag stays as it is. */
  breached: boolean | null;
  baselineValue: number | null;
  observedValue: number | null;
  detail: string;
}

const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
/**
 * Processing times closer than this to the baseline are never drift: engine runs take well under a
 * millisecond, where a cold process is easily "twice as slow" as the warm backtest that set the baseline.
 */
export const LATENCY_FLOOR_MS = 50;

/**
 * Judges the recent window's figures against the baseline and the admin's band. A figure is only judged on
 * enough items, so a quiet week cannot raise (or clear) a flag on three decisions.
 */
export function judgeDrift(recent: ItemSummary, baseline: DriftBaseline, band: DriftBand): DriftJudgement[] {
  const over = `over ${band.windowDays} days`;
  const judgements: DriftJudgement[] = [];

  const accuracy = recent.accuracy;
  if (baseline.autoAccuracy === null || accuracy.rate === null || accuracy.n < band.minSample) {
    judgements.push({
      metric: "accuracy",
      breached: null,
      baselineValue: baseline.autoAccuracy,
      observedValue: accuracy.rate,
      detail: `accuracy not judged: ${accuracy.n} labelled decisions ${over} (needs ${band.minSample})`,
    });
  } else {
    const drop = (baseline.autoAccuracy - accuracy.rate) * 100;
    judgements.push({
      metric: "accuracy",
      breached: drop > band.accuracyDropPoints,
      baselineValue: baseline.autoAccuracy,
      observedValue: accuracy.rate,
      detail: `accuracy ${pct(accuracy.rate)} on ${accuracy.n} labelled decisions ${over}, ${Math.abs(drop).toFixed(1)} points ${drop >= 0 ? "below" : "above"} the baseline ${pct(baseline.autoAccuracy)} (band: ${band.accuracyDropPoints} points)`,
    });
  }

  const rate = recent.escalationRate;
  if (baseline.escalationRate === null || rate === null || recent.processed < band.minSample) {
    judgements.push({
      metric: "escalation_rate",
      breached: null,
      baselineValue: baseline.escalationRate,
      observedValue: rate,
      detail: `escalation rate not judged: ${recent.processed} items ${over} (needs ${band.minSample})`,
    });
  } else {
    const rise = (rate - baseline.escalationRate) * 100;
    judgements.push({
      metric: "escalation_rate",
      breached: rise > band.escalationRisePoints,
      baselineValue: baseline.escalationRate,
      observedValue: rate,
      detail: `escalation rate ${pct(rate)} on ${recent.processed} items ${over}, ${Math.abs(rise).toFixed(1)} points ${rise >= 0 ? "above" : "below"} the baseline ${pct(baseline.escalationRate)} (band: ${band.escalationRisePoints} points)`,
    });
  }

  const p95 = recent.processingP95Ms;
  if (
    baseline.latencyP95Ms === null ||
    baseline.latencyP95Ms <= 0 ||
    p95 === null ||
    recent.processed < band.minSample
  ) {
    judgements.push({
      metric: "latency_p95",
      breached: null,
      baselineValue: baseline.latencyP95Ms,
      observedValue: p95,
      detail: `p95 processing time not judged ${over}`,
    });
  } else {
    judgements.push({
      metric: "latency_p95",
      breached:
        p95 > baseline.latencyP95Ms * band.latencyP95Multiplier &&
        p95 - baseline.latencyP95Ms > LATENCY_FLOOR_MS,
      baselineValue: baseline.latencyP95Ms,
      observedValue: p95,
      detail: `p95 processing time ${Math.round(p95)} ms ${over} against the baseline ${Math.round(baseline.latencyP95Ms)} ms (band: ${band.latencyP95Multiplier}×)`,
    });
  }
  return judgements;
}
