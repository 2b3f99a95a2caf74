const HOUR_MS = 3_600_000;
/** 1970-01-01 was a Thursday: Monday 00:00 UTC is three days before it, plus a week. */
const MONDAY_EPOCH_MS = 4 * 24 * HOUR_MS;
export const HOURS_PER_WEEK = 168;

/** 0 for Monday 00:00–01:00 UTC … 167 for Sunday 23:00–24:00 UTC. */
export function hourOfWeek(timeMs: number): number {
  const hours = Math.floor((timeMs - MONDAY_EPOCH_MS) / HOUR_MS);
  return ((hours % HOURS_PER_WEEK) + HOURS_PER_WEEK) % HOURS_PER_WEEK;
}

/** The start of the UTC hour holding timeMs. */
export const hourStart = (timeMs: number) => Math.floor(timeMs / HOUR_MS) * HOUR_MS;

export const HOUR = HOUR_MS;
