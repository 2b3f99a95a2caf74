export type CircuitState = "closed" | "open" | "half_open";

export interface CircuitBreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  now: () => number;
  /** Told each change of state as the breaker makes it (half-open: when it lets a probe through). */
  onChange?: (from: CircuitState, to: CircuitState) => void;
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
  /** The state last reported to `onChange`. */
  private reported: CircuitState = "closed";

  constructor(private options: CircuitBreakerOptions) {}

  /** The profile may change while the process runs; the counts survive. */
  configure(options: Omit<CircuitBreakerOptions, "now" | "onChange">): void {
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
      this.report("half_open");
      return { allowed: true, probe: true };
    }
    return { allowed: false, retryAfterMs: this.retryAfterMs() };
  }

  recordSuccess(): void {
    this.consecutiveFailures = 0;
    this.openedAt = null;
    this.probeInFlight = false;
    this.report("closed");
  }

  recordFailure(): void {
    this.consecutiveFailures += 1;
    const failedProbe = this.probeInFlight;
    this.probeInFlight = false;
    if (failedProbe || this.consecutiveFailures >= this.options.failureThreshold) {
      this.openedAt = this.options.now();
      // Reported even when it was open already (a call still in flight failed): its cool-down restarts.
      if (this.reported === "open") this.options.onChange?.("open", "open");
      else this.report("open");
    }
  }

  /** A probe that ended without telling us anything about the system (e.g. refused by SSRF rules). */
  releaseProbe(): void {
    this.probeInFlight = false;
  }

  private report(to: CircuitState): void {
    const from = this.reported;
    if (from === to) return;
    this.reported = to;
    this.options.onChange?.(from, to);
  }

  get cooldownMs(): number {
    return this.options.cooldownMs;
  }

  retryAfterMs(): number {
    if (this.openedAt === null) return 0;
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.options.now());
  }
}
