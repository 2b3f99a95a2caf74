import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../../../db/client";
import { verifyApiKey, type VerifiedApiKey } from "../../api-keys/api-keys";
import { IngestError } from "../errors";

/** Requests per second per key; a burst above it is answered 429 with Retry-After. */
export function apiRateLimit(): number {
  const configured = Number(process.env.SWITCHBOARD_API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : 100;
}

/**
 * Per process: with several app servers behind a balancer each enforces its own share. A key's budget is
 * a token bucket refilled every second.
 */
export function createApiRateLimiter(pointsPerSecond = apiRateLimit()): RateLimiterMemory {
  return new RateLimiterMemory({ points: pointsPerSecond, duration: 1 });
}

export async function authenticate(db: Db, request: Request): Promise<VerifiedApiKey> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) {
    throw new IngestError(
      401,
      "unauthenticated",
      "Send an API key as `Authorization: Bearer <key>`; admins create keys under Admin → API keys.",
    );
  }
  const key = await verifyApiKey(db, match[1]!);
  if (!key) throw new IngestError(401, "invalid_api_key", "This API key is unknown or has been revoked.");
  return key;
}

export async function spendRateLimit(limiter: RateLimiterMemory, keyId: string): Promise<void> {
  try {
    await limiter.consume(keyId);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw Object.assign(
      new IngestError(429, "rate_limited", `Too many requests for this API key: retry in ${seconds} s.`),
      { retryAfterSeconds: seconds },
    );
  }
}
