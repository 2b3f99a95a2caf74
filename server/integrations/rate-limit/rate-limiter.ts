import type { RateLimit } from "../profile-schema";

/**
 * Reserves one request against a connector's token bucket and answers how long to wait before sending it.
 * Reservation (the bucket may go below zero) rather than try-and-retry keeps callers in arrival order and
 * needs a single atomic step, which is what lets many workers share one bucket in the database.
 */
export interface RateLimiter {
  reserve(connectorId: string, limit: RateLimit): Promise<number>;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
}

/** The arithmetic both buckets share: refill for the time elapsed, cap at burst, take one. */
export function takeToken(
  bucket: Bucket | undefined,
  limit: RateLimit,
  now: number,
): { bucket: Bucket; waitMs: number } {
  const previous = bucket ?? { tokens: limit.burst, refilledAt: now };
  const elapsed = Math.max(0, now - previous.refilledAt);
  const available = Math.min(limit.burst, previous.tokens + (elapsed * limit.requestsPerSecond) / 1000);
  const tokens = available - 1;
  return {
    bucket: { tokens, refilledAt: Math.max(previous.refilledAt, now) },
    waitMs: waitFor(tokens, limit),
  };
}

export function waitFor(tokensAfterTaking: number, limit: RateLimit): number {
  return tokensAfterTaking >= 0 ? 0 : Math.ceil((-tokensAfterTaking * 1000) / limit.requestsPerSecond);
}

/** For a single process (embedded PGlite allows only one): buckets in memory. */
export class InProcessRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  async reserve(connectorId: string, limit: RateLimit): Promise<number> {
    const { bucket, waitMs } = takeToken(this.buckets.get(connectorId), limit, this.now());
    this.buckets.set(connectorId, bucket);
    return waitMs;
  }
}
