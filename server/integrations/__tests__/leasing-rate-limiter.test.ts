import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createConnector } from "../../services/connectors/manage-connectors";
import { openTestDatabase } from "../../testing/test-database";
import { DatabaseRateLimiter } from "../rate-limit/database-rate-limiter";
import { LeasingRateLimiter } from "../rate-limit/leasing-rate-limiter";
import type { RateLimit } from "../profile-schema";
import { COMPLETE_PROFILE, GET_THING } from "./support/test-connectors";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  for (const id of ["fast", "slow"]) {
    await createConnector(
      database.db,
      {
        id,
        definition: {
          name: id,
          baseUrl: "http://127.0.0.1:9",
          auth: { method: "none" },
          operations: [GET_THING],
          profile: COMPLETE_PROFILE,
          allowedHosts: ["127.0.0.1"],
        },
      },
      null,
    );
  }
});
afterAll(() => database.close());

/** Counts the shared bucket's round trips. */
class CountingLimiter extends DatabaseRateLimiter {
  takes = 0;
  override take(connectorId: string, limit: RateLimit, count: number) {
    this.takes += 1;
    return super.take(connectorId, limit, count);
  }
}

describe("leasing rate limiter", () => {
  it("keeps four processes' sends under the shared limit with one round trip per slice", async () => {
    const limit = { requestsPerSecond: 400, burst: 20 };
    const shared = Array.from({ length: 4 }, () => new CountingLimiter(database.db));
    const limiters = shared.map((bucket) => new LeasingRateLimiter(bucket));
    const started = performance.now();
    const sendTimes = await Promise.all(
      limiters.flatMap((limiter) =>
        Array.from({ length: 100 }, async () => (await limiter.reserve("fast", limit)) + performance.now()),
      ),
    );
    sendTimes.sort((a, b) => a - b);
    // 400 sends at 400/s after a burst of 20 need at least (400 − 20 − one slice) / 400 s.
    expect(sendTimes.at(-1)! - started).toBeGreaterThanOrEqual(((400 - 20 - 20) / 400) * 1000 - 5);
    // In every stretch of time, no more than burst + a slice + what the rate allows.
    for (let i = 0; i < sendTimes.length; i++) {
      for (let j = i; j < sendTimes.length; j += 25) {
        const allowed = 20 + 20 + (limit.requestsPerSecond * (sendTimes[j]! - sendTimes[i]!)) / 1000 + 1;
        expect(j - i + 1).toBeLessThanOrEqual(allowed);
      }
    }
    const takes = shared.reduce((sum, bucket) => sum + bucket.takes, 0);
    expect(takes).toBeLessThanOrEqual(400 / 20 + 8);
  });

  it("goes to the database every time for a slow connector", async () => {
    const bucket = new CountingLimiter(database.db);
    const limiter = new LeasingRateLimiter(bucket);
    const waits = [];
    for (let i = 0; i < 4; i++)
      waits.push(await limiter.reserve("slow", { requestsPerSecond: 10, burst: 2 }));
    expect(bucket.takes).toBe(4);
    expect(waits.slice(0, 2)).toEqual([0, 0]);
    expect(waits[2]).toBeGreaterThan(0);
  });
});
