/**
 * Reserves one request against a provider's shared token bucket (every process on the same database) and
 * answers how long to wait before sending it. Absent, or when the shared bucket cannot be reached, the
 * limiter's own in-process bucket counts instead.
 */
export type SharedRateReservation = (providerId: string, requestsPerMinute: number) => Promise<number>;

/**
 * Per-provider limits: at most `concurrency` calls in flight in this process, and at most `requestsPerMinute`
 * started in any minute (a token bucket that refills continuously), shared by all processes when a shared
 * reservation is given. Callers wait their turn in order; the provider's own 429s are still retried by the SDK.
 */
export class ProviderLimiter {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private tokens: number;
  private refilledAt: number;

  constructor(
    private readonly concurrency: number,
    private readonly requestsPerMinute: number,
    private readonly now: () => number = () => performance.now(),
    private readonly shared?: { providerId: string; reserve: SharedRateReservation },
  ) {
    this.tokens = Math.max(1, requestsPerMinute);
    this.refilledAt = now();
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquireSlot();
    try {
      await this.takeToken();
      return await task();
    } finally {
      this.releaseSlot();
    }
  }

  private acquireSlot(): Promise<void> {
    if (this.inFlight < Math.max(1, this.concurrency)) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private releaseSlot(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so inFlight stays the same.
    if (next) next();
    else this.inFlight--;
  }

  private async takeToken(): Promise<void> {
    if (this.shared) {
      let waitMs: number | undefined;
      try {
        waitMs = await this.shared.reserve(this.shared.providerId, Math.max(1, this.requestsPerMinute));
      } catch {
        // The database is unreachable for a moment: limit within this process rather than not at all.
      }
      if (waitMs !== undefined) {
        if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
        return;
      }
    }
    const perMs = Math.max(1, this.requestsPerMinute) / 60_000;
    for (;;) {
      const now = this.now();
      this.tokens = Math.min(
        Math.max(1, this.requestsPerMinute),
        this.tokens + (now - this.refilledAt) * perMs,
      );
      this.refilledAt = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.ceil((1 - this.tokens) / perMs)));
    }
  }
}

const limiters = new Map<
  string,
  { key: string; shared: SharedRateReservation | undefined; limiter: ProviderLimiter }
>();

/** One limiter per provider per process, replaced when the provider's limits (or the shared bucket) change. */
export function limiterFor(
  providerId: string,
  concurrency: number,
  requestsPerMinute: number,
  shared?: SharedRateReservation,
): ProviderLimiter {
  const key = `${concurrency}/${requestsPerMinute}/${shared ? "shared" : "local"}`;
  const existing = limiters.get(providerId);
  if (existing && existing.key === key && existing.shared === shared) return existing.limiter;
  const limiter = new ProviderLimiter(
    concurrency,
    requestsPerMinute,
    undefined,
    shared ? { providerId, reserve: shared } : undefined,
  );
  limiters.set(providerId, { key, shared, limiter });
  return limiter;
}
