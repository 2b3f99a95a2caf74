import { HOUR, HOURS_PER_WEEK, hourOfWeek, hourStart } from "./hour-of-week";
import { median } from "./percentile";
import type { BaselineVolume, HourOfWeekVolume } from "./types";

const WEEK = HOURS_PER_WEEK * HOUR;

/**
 * Typical input per hour of the week from arrival times over [fromMs, toMs): every clock hour in the range is
 * counted (quiet hours as 0), then each hour-of-week keeps the median and the median absolute deviation of
 * its counts. Medians, not means, so one outage day in the history does not raise the bar for ever.
 */
export function volumeBaseline(
  arrivalsMs: readonly number[],
  range: { fromMs: number; toMs: number },
  source: BaselineVolume["source"],
): BaselineVolume {
  const countsByHour = new Map<number, number>();
  for (const at of arrivalsMs) {
    const hour = hourStart(at);
    countsByHour.set(hour, (countsByHour.get(hour) ?? 0) + 1);
  }
  return volumeBaselineFromHourly(countsByHour, range, source);
}

/** The same from counts per clock hour (keyed by the hour's start), as a database aggregates them. */
export function volumeBaselineFromHourly(
  countsByHour: ReadonlyMap<number, number>,
  range: { fromMs: number; toMs: number },
  source: BaselineVolume["source"],
): BaselineVolume {
  const from = hourStart(range.fromMs);
  const to = hourStart(range.toMs);
  let total = 0;
  for (const [hour, count] of countsByHour) if (hour >= from && hour < to) total += count;
  if (to <= from || total === 0) return { source: "none", weeks: 0, perHourOfWeek: [] };
  const samples: number[][] = Array.from({ length: HOURS_PER_WEEK }, () => []);
  for (let hour = from; hour < to; hour += HOUR) {
    samples[hourOfWeek(hour)]!.push(countsByHour.get(hour) ?? 0);
  }
  const perHourOfWeek: HourOfWeekVolume[] = samples.map((counts) => {
    const centre = median(counts) ?? 0;
    const mad = median(counts.map((c) => Math.abs(c - centre))) ?? 0;
    const mean = counts.reduce((sum, c) => sum + c, 0) / Math.max(1, counts.length);
    return { median: centre, mad, mean: Number(mean.toFixed(3)) };
  });
  return { source, weeks: Number(((to - from) / WEEK).toFixed(2)), perHourOfWeek };
}
