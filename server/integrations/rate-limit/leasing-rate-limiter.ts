import type { RateLimit } from "../profile-schema";
import type { DatabaseRateLimiter } from "./database-rate-limiter";
import { waitFor, type RateLimiter } from "./rate-limiter";

/** A lease is this long a slice of the connector's rate. */
const LEASE_MS = 50;

interface Lease {
  tokens: number;
  /** When the leased tokens may be spent (the shared bucket may have been in debt). */
  readyAt: number;
  /** Tokens not spent by then lapse: they were taken from the shared bucket, so the limit still holds. */
  expiresAt: number;
}

/**
 * Takes tokens from the shared database bucket a slice at a time (LEASE_MS worth of the connector's rate)
 * and spends them in this process: one database round trip per slice instead of one per request, so a
 * fast connector costs no commit per call. Slow connectors (a slice under two tokens) go to the database
 * every time, exactly as before.
 */
export class LeasingRateLimiter implements RateLimiter {
  private readonly leases = new Map<string, Lease>();
  private readonly leasing = new Map<string, Promise<void>>();

  constructor(
    private readonly shared: DatabaseRateLimiter,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async reserve(connectorId: string, limit: RateLimit): Promise<number> {
    const size = Math.min(limit.burst, Math.floor((limit.requestsPerSecond * LEASE_MS) / 1000));
    if (size < 2) return this.shared.reserve(connectorId, limit);
    for (;;) {
      const lease = this.leases.get(connectorId);
      const now = this.now();
      if (lease && lease.tokens > 0 && now < lease.expiresAt) {
        lease.tokens -= 1;
        return Math.max(0, Math.ceil(lease.readyAt - now));
      }
      let pending = this.leasing.get(connectorId);
      if (!pending) {
        pending = this.lease(connectorId, limit, size).finally(() => this.leasing.delete(connectorId));
        this.leasing.set(connectorId, pending);
      }
      await pending;
    }
  }

  private async lease(connectorId: string, limit: RateLimit, size: number): Promise<void> {
    const after = await this.shared.take(connectorId, limit, size);
    const readyAt = this.now() + waitFor(after, limit);
    this.leases.set(connectorId, { tokens: size, readyAt, expiresAt: readyAt + LEASE_MS });
  }
}
