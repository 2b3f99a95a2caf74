import { describe, expect, it } from "vitest";
import { InProcessRateLimiter } from "../rate-limit/rate-limiter";
import { backoffDelayMs, parseRetryAfter } from "../resilience/backoff";
import { resiliencePolicy } from "../resilience/policy";

describe("token bucket", () => {
  it("lets a burst through, then spaces reservations at the rate", async () => {
    let now = 0;
    const limiter = new InProcessRateLimiter(() => now);
    const limit = { requestsPerSecond: 10, burst: 2 };
    const waits = [];
    for (let i = 0; i < 5; i++) waits.push(await limiter.reserve("c", limit));
    expect(waits).toEqual([0, 0, 100, 200, 300]);
    now = 1_000;
    // 1 s refills 10 tokens, but the bucket holds at most `burst`, after paying back the 3 borrowed.
    expect(await limiter.reserve("c", limit)).toBe(0);
  });

  it("keeps a bucket per connector", async () => {
    const limiter = new InProcessRateLimiter(() => 0);
    const limit = { requestsPerSecond: 1, burst: 1 };
    expect(await limiter.reserve("a", limit)).toBe(0);
    expect(await limiter.reserve("b", limit)).toBe(0);
    expect(await limiter.reserve("a", limit)).toBe(1000);
  });
});

describe("backoff and Retry-After", () => {
  it("grows exponentially up to the cap, scaled by jitter", () => {
    const options = { baseMs: 200, capMs: 1_000, random: () => 1 };
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, options))).toEqual([
      200, 400, 800, 1000, 1000,
    ]);
    expect(backoffDelayMs(3, { ...options, random: () => 0.25 })).toBe(250);
  });

  it("reads delta-seconds and HTTP dates", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe("resilience policy", () => {
  it("derives the timeout from the profile's p95 and takes the rate limit from it", () => {
    const policy = resiliencePolicy({
      latency: { p50Ms: 100, p95Ms: 900 },
      rateLimit: { requestsPerSecond: 3, burst: 6 },
    });
    expect(policy.timeoutMs).toBe(2_700);
    expect(policy.rateLimit).toEqual({ requestsPerSecond: 3, burst: 6 });
    expect(resiliencePolicy({}, { timeoutMs: 500, maxRetries: 0 })).toMatchObject({
      timeoutMs: 500,
      maxRetries: 0,
    });
  });
});
