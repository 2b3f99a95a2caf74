import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { RateLimit } from "../profile-schema";
import { waitFor, type RateLimiter } from "./rate-limiter";

/**
 * A token bucket in a row per connector, refilled and taken from in one INSERT … ON CONFLICT DO UPDATE:
 * the row lock serialises concurrent workers, so N workers together stay under the connector's limit.
 * Time comes from the database's clock, so workers on machines whose clocks disagree still share one
 * notion of "elapsed".
 */
export class DatabaseRateLimiter implements RateLimiter {
  constructor(private readonly db: Db) {}

  async reserve(connectorId: string, limit: RateLimit): Promise<number> {
    return waitFor(await this.take(connectorId, limit, 1), limit);
  }

  /** Takes `count` tokens at once; answers the bucket's tokens after taking (below zero: wait). */
  async take(connectorId: string, limit: RateLimit, count: number): Promise<number> {
    const rate = limit.requestsPerSecond;
    const burst = limit.burst;
    const result = await this.db.execute<{ tokens: number }>(sql`
      with clock as (select extract(epoch from clock_timestamp()) * 1000 as now_ms)
      insert into connector_rate_buckets as bucket (connector_id, tokens, refilled_at_ms)
      select ${connectorId}, ${burst}::float8 - ${count}, clock.now_ms from clock
      on conflict (connector_id) do update set
        tokens = least(${burst}::float8,
                       bucket.tokens + greatest(0, excluded.refilled_at_ms - bucket.refilled_at_ms) * ${rate}::float8 / 1000) - ${count},
        refilled_at_ms = greatest(bucket.refilled_at_ms, excluded.refilled_at_ms)
      returning tokens`);
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: { tokens: number }[] }).rows;
    return Number(rows[0]?.tokens ?? 0);
  }
}
