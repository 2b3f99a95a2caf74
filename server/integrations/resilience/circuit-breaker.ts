export type CircuitState = "closed" | "open" | "half_open";

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now: () => number;
}

export type CircuitPermit = { allowed: true; probe: boolean } | { allowed: false; retryAfterMs: number };

/**
 * Opens after `failureThreshold` consecutive failures; after `cooldownMs` lets one probe call through
 * (half-open); a success closes it, a failure opens it for another cool-down. While open, calls fail fast
 * instead of adding load to a system that is already down.
 */
export class CircuitBreaker {
  private consecutiveFailures = 0;
  private openedAt: number | null = null;
  private probeInFlight = false;

  constructor(private options: CircuitBreakerOptions) {}

  /** The profile may change while the process runs; the counts survive. */
  configure(options: Omit<CircuitBreakerOptions, "now">): void {
    this.options = { ...this.options, ...options };
  }

  get state(): CircuitState {
    if (this.openedAt === null) return "closed";
    return this.options.now() - this.openedAt >= this.options.cooldownMs ? "half_open" : "open";
  }

  acquire(): CircuitPermit {
    const state = this.state;
    if (state === "closed") return { allowed: true, probe: false };
    if (state === "half_open" && !this.probeInFlight) {
      this.probeInFlight = true;
      return { allowed: true, probe: true };
    }
    return { allowed: false, retryAfterMs: this.retryAfterMs() };
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = null;
    this.probeInFlight = false;
  }

  recordFailure(): void {
    this.consecutiveFailures += 1;
    const failedProbe = this.probeInFlight;
    this.probeInFlight = false;
    if (failedProbe || this.consecutiveFailures >= this.options.failureThreshold)
      this.openedAt = this.options.now();
  }

  /** A probe that ended without telling us anything about the system (e.g. refused by SSRF rules). */
  releaseProbe(): void {
    this.probeInFlight = false;
  }

  retryAfterMs(): number {
    if (this.openedAt === null) return 0;
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.options.now());
  }
}
