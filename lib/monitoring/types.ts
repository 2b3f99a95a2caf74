/** Shared shapes of monitoring: pure data, stored in jsonb columns and passed between the pure functions. */

/** One hour of the week's typical input: the median count over the weeks seen, and its spread. */
export interface HourOfWeekVolume {
  median: number;
  /** The mean count: what charts expect over a day (medians of sparse hours undercount the total). */
  mean?: number;
  /** Median absolute deviation of the hourly counts (robust spread; 0 when every week was the same). */
  mad: number;
}

export interface BaselineVolume {
  /** Where the hourly counts came from; `none` when there was nothing to count (the guard then stays quiet). */
  source: "dataset" | "shadow" | "none";
  /** Whole or partial weeks counted. */
  weeks: number;
  /** 168 entries, Monday 00:00 UTC first. Empty when `source` is `none`. */
  perHourOfWeek: HourOfWeekVolume[];
}

export type VolumeGuardAction = "escalate" | "pause";
export type DriftMetric = "accuracy" | "escalation_rate" | "latency_p95" | "mean_confidence";
export type MonitoringAlertKind = "volume" | "drift";
export type Granularity = "day" | "week";

/** A rate with its sample and a 95% interval, so three decisions do not read as "100%". */
export interface RateWithInterval {
  successes: number;
  n: number;
  /** null when n is 0. */
  rate: number | null;
  low: number | null;
  high: number | null;
}
