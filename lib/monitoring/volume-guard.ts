import { HOUR, HOURS_PER_WEEK, hourOfWeek, hourStart } from "./hour-of-week";
import type { BaselineVolume } from "./types";

/** Scales a median absolute deviation to a standard deviation (for normally distributed counts). */
const MAD_TO_SD = 1.4826;

export interface VolumeGuardConfig {
  windowMinutes: number;
  /** Anomalous above this multiple of the expected count. */
  multiplier: number;
  /** Anomalous above this robust z-score too; null to judge by the multiplier alone. */
  zScore: number | null;
  /** Fewer items than this in the window are never anomalous. */
  minItems: number;
}

export interface WindowExpectation {
  /**
   * Items the baseline expects in the window (hour-of-week medians, pro rata for partial hours): what the
   * guard judges by, robust to outage days in the history.
   */
  expected: number;
  /** The same from hour-of-week means: the typical total, for charts. */
  typical: number;
  /** Robust spread of that count: the MADs as standard deviations, never below Poisson noise. */
  spread: number;
}

export interface VolumeJudgement extends WindowExpectation {
  observed: number;
  ratio: number;
  z: number;
  anomalous: boolean;
  /** Which rule fired, for the alert's sentence. */
  rule: "multiplier" | "z-score" | null;
}

/** What the baseline expects in the window ending at `endMs` (the window may straddle hours of the week). */
export function expectWindow(
  volume: BaselineVolume,
  endMs: number,
  windowMinutes: number,
): WindowExpectation {
  if (volume.perHourOfWeek.length !== HOURS_PER_WEEK) return { expected: 0, typical: 0, spread: 0 };
  const startMs = endMs - windowMinutes * 60_000;
  let expected = 0;
  let typical = 0;
  let variance = 0;
  for (let cursor = startMs; cursor < endMs;) {
    const next = Math.min(endMs, hourStart(cursor) + HOUR);
    const share = (next - cursor) / HOUR;
    const hour = volume.perHourOfWeek[hourOfWeek(cursor)]!;
    expected += hour.median * share;
    typical += (hour.mean ?? hour.median) * share;
    variance += (MAD_TO_SD * hour.mad * share) ** 2;
    cursor = next;
  }
  // Counts are at least Poisson-noisy even when every week of history happened to be identical.
  return { expected, typical, spread: Math.sqrt(Math.max(variance, expected, 1)) };
}

/**
 * Judges one window's count against what the baseline expects then. The expected count is floored at one
 * item, so an hour that was always empty does not make any arrival an infinite multiple.
 */
export function judgeVolume(
  observed: number,
  expectation: WindowExpectation,
  config: VolumeGuardConfig,
): VolumeJudgement {
  const floor = Math.max(expectation.expected, 1);
  const ratio = observed / floor;
  const z = (observed - expectation.expected) / expectation.spread;
  const enough = observed >= config.minItems;
  const byMultiplier = enough && ratio > config.multiplier;
  const byZ = enough && config.zScore !== null && z > config.zScore;
  return {
    ...expectation,
    observed,
    ratio,
    z,
    anomalous: byMultiplier || byZ,
    rule: byMultiplier ? "multiplier" : byZ ? "z-score" : null,
  };
}

/** The typical item count between two instants (hour-of-week means); null without volume history. */
export function typicalBetween(volume: BaselineVolume, fromMs: number, toMs: number): number | null {
  if (volume.source === "none" || toMs <= fromMs) return volume.source === "none" ? null : 0;
  return expectWindow(volume, toMs, (toMs - fromMs) / 60_000).typical;
}
