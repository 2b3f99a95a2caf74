import type { RateWithInterval } from "./types";

/** z for a two-sided 95% interval. */
const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a proportion: unlike the normal approximation it stays inside [0, 1] and is
 * honest about small samples (3 of 3 gives 44%–100%, not "100%").
 */
export function wilsonInterval(successes: number, n: number, z = Z_95): RateWithInterval {
  if (n <= 0) return { successes: 0, n: 0, rate: null, low: null, high: null };
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const margin = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return {
    successes,
    n,
    rate: p,
    low: Math.max(0, centre - margin),
    high: Math.min(1, centre + margin),
  };
}
