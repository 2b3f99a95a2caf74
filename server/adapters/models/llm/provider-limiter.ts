/**
 * Per-provider limits inside one process: at most `concurrency` calls in flight, and at most
 * `requestsPerMinute` started in any minute (a token bucket that refills continuously). Callers wait their turn
 * in order; the provider's own 429s are still retried by the SDK.
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

const limiters = new Map<string, { key: string; limiter: ProviderLimiter }>();

/** One limiter per provider per process, replaced when the provider's limits change. */
export function limiterFor(
  providerId: string,
  concurrency: number,
  requestsPerMinute: number,
): ProviderLimiter {
  const key = `${concurrency}/${requestsPerMinute}`;
  const existing = limiters.get(providerId);
  if (existing && existing.key === key) return existing.limiter;
  const limiter = new ProviderLimiter(concurrency, requestsPerMinute);
  limiters.set(providerId, { key, limiter });
  return limiter;
}
