import type { Clock } from "../ports";

export interface SimulatedClock extends Clock {
  /** Moves the clock forward. */
  advance(ms: number): void;
}

/**
 * A clock that reads whatever it was set to: a backtest anchors it at each
 * item's occurred-at time, so time-dependent logic sees the past as it was.
 * Durations come from `timer` when one is injected (real elapsed time for
 * the trace), else they read 0.
 */
export function simulatedClock(startMs = 0, timer?: () => number): SimulatedClock {
  let now = startMs;
  return {
    now: () => now,
    monotonic: timer ?? (() => 0),
    anchor(ms) {
      now = ms;
    },
    advance(ms) {
      now += ms;
    },
  };
}
