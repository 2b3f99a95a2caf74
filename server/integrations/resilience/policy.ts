import type { ResilienceOverrides } from "../connector-schema";
import type { IntegrationProfileDraft, RateLimit } from "../profile-schema";

/** Everything that bounds one connector's calls, with the defaults its profile implies. */
export interface ResiliencePolicy {
  timeoutMs: number;
  maxRetries: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A Retry-After longer than this is not waited for in the call: the call reports unavailable instead. */
  maxRetryAfterMs: number;
  breakerFailureThreshold: number;
  breakerCooldownMs: number;
  rateLimit: RateLimit;
  /** How long a call may queue for the rate limiter before it reports unavailable. */
  maxQueueMs: number;
}

const FALLBACK_TIMEOUT_MS = 10_000;
/** A system with no stated rate limit is treated gently rather than not at all. */
const FALLBACK_RATE_LIMIT: RateLimit = { requestsPerSecond: 5, burst: 5 };

export function resiliencePolicy(
  profile: IntegrationProfileDraft,
  overrides: ResilienceOverrides = {},
): ResiliencePolicy {
  // Three times the stated p95 leaves room for a slow moment without waiting for ever on a dead one.
  const timeoutFromProfile = profile.latency
    ? clamp(profile.latency.p95Ms * 3, 1_000, 30_000)
    : FALLBACK_TIMEOUT_MS;
  const timeoutMs = overrides.timeoutMs ?? timeoutFromProfile;
  return {
    timeoutMs,
    maxRetries: overrides.maxRetries ?? 3,
    backoffBaseMs: 200,
    backoffCapMs: 10_000,
    maxRetryAfterMs: 60_000,
    breakerFailureThreshold: overrides.breakerFailureThreshold ?? 5,
    breakerCooldownMs: overrides.breakerCooldownMs ?? 30_000,
    rateLimit: profile.rateLimit ?? FALLBACK_RATE_LIMIT,
    maxQueueMs: Math.max(30_000, timeoutMs),
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
