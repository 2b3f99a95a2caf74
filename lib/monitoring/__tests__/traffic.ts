import { mulberry32 } from "@/lib/models/random/mulberry32";

const HOUR = 3_600_000;
/** Relative volume by UTC hour: quiet nights, a working-day hump. */
const HOUR_SHAPE = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 9, 8, 9, 10, 10, 9, 8, 6, 5, 4, 3, 2, 1];

/** Monday 2026-01-05 00:00 UTC: generated traffic starts on a week boundary. */
export const TRAFFIC_START = Date.UTC(2026, 0, 5);

function poisson(lambda: number, random: () => number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let product = random();
  while (product > limit) {
    k++;
    product *= random();
  }
  return k;
}

/**
 * Arrival times with daily and weekly seasonality (peak `peakPerHour` on weekdays, 40% of it at weekends),
 * Poisson counts per hour, spread uniformly within the hour; `burst` multiplies the rate over a span.
 */
export function seasonalArrivals(options: {
  fromMs: number;
  hours: number;
  peakPerHour: number;
  seed: number;
  burst?: { fromMs: number; toMs: number; factor: number };
}): number[] {
  const random = mulberry32(options.seed);
  const arrivals: number[] = [];
  for (let h = 0; h < options.hours; h++) {
    const hourStart = options.fromMs + h * HOUR;
    const date = new Date(hourStart);
    const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
    const rate = (options.peakPerHour * HOUR_SHAPE[date.getUTCHours()]!) / 10;
    // The burst multiplies the rate minute by minute, so a burst need not start on the hour.
    for (let minute = 0; minute < 60; minute++) {
      const at = hourStart + minute * 60_000;
      const factor =
        options.burst && at >= options.burst.fromMs && at < options.burst.toMs ? options.burst.factor : 1;
      const count = poisson(((weekend ? 0.4 : 1) * rate * factor) / 60, random);
      for (let i = 0; i < count; i++) arrivals.push(at + Math.floor(random() * 60_000));
    }
  }
  return arrivals.sort((a, b) => a - b);
}

/** Counts of arrivals in the window (end − window, end] for each end, in order (arrivals sorted). */
export function slidingCounts(
  arrivals: readonly number[],
  ends: readonly number[],
  windowMs: number,
): number[] {
  let head = 0;
  let tail = 0;
  return ends.map((end) => {
    while (head < arrivals.length && arrivals[head]! <= end) head++;
    while (tail < arrivals.length && arrivals[tail]! <= end - windowMs) tail++;
    return head - tail;
  });
}
