/**
 * Exponential backoff with full jitter (a random wait up to the exponential bound), which spreads out
 * callers that failed together instead of having them retry in lockstep.
 */
export function backoffDelayMs(
  attempt: number,
  options: { baseMs: number; capMs: number; random: () => number },
): number {
  const bound = Math.min(options.capMs, options.baseMs * 2 ** attempt);
  return Math.round(options.random() * bound);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, nowMs: number): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}
