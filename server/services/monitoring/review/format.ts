import type { RateWithInterval } from "@/lib/monitoring/types";

/** Formatting shared by the review's Markdown and HTML, so both say exactly the same. */
export const pct = (value: number | null | undefined) =>
  value === null || value === undefined ? "n/a" : `${(value * 100).toFixed(1)}%`;

export const withInterval = (rate: RateWithInterval) =>
  rate.rate === null
    ? "n/a (no labelled decisions)"
    : `${pct(rate.rate)} (95% CI ${pct(rate.low)}–${pct(rate.high)}, n=${rate.n})`;

export const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? "n/a" : `${Math.round(value)} ms`;

export const day = (timeMs: number) => new Date(timeMs).toISOString().slice(0, 10);
export const minute = (timeMs: number) =>
  new Date(timeMs).toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** "−3.2 points" against the baseline, or "" when either side is unknown. */
export function pointsAgainst(value: number | null, baseline: number | null | undefined): string {
  if (value === null || baseline === null || baseline === undefined) return "";
  const points = (value - baseline) * 100;
  return `${points >= 0 ? "+" : "−"}${Math.abs(points).toFixed(1)} points`;
}

export const METRIC_NAMES: Record<string, string> = {
  accuracy: "Accuracy",
  escalation_rate: "Escalation rate",
  latency_p95: "p95 processing time",
  mean_confidence: "Mean confidence",
};
