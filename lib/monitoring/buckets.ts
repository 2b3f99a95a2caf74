import type { Granularity } from "./types";

const DAY = 86_400_000;
/** 1970-01-05 was a Monday: weeks start on Monday 00:00 UTC. */
const MONDAY = 4 * DAY;

/** The UTC day or (Monday-started) week holding timeMs. */
export function bucketStart(timeMs: number, granularity: Granularity): number {
  if (granularity === "day") return Math.floor(timeMs / DAY) * DAY;
  return Math.floor((timeMs - MONDAY) / (7 * DAY)) * 7 * DAY + MONDAY;
}

/** Every bucket start from the one holding fromMs up to (not including) toMs. */
export function bucketStarts(fromMs: number, toMs: number, granularity: Granularity): number[] {
  const step = granularity === "day" ? DAY : 7 * DAY;
  const starts: number[] = [];
  for (let at = bucketStart(fromMs, granularity); at < toMs; at += step) starts.push(at);
  return starts;
}
