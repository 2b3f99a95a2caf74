import { sql } from "drizzle-orm";
import type { SharedRateReservation } from "../../../adapters/models/llm/provider-limiter";
import type { Db } from "../../../db/client";

/**
 * A provider's token bucket in a row of `model_provider_rate_buckets`, refilled and taken from in one
 * INSERT … ON CONFLICT DO UPDATE (as connectors' buckets are): the row lock serialises the workers, so all
 * processes on one database together start at most `requestsPerMinute` calls a minute (a minute's worth may
 * go at once). Time is the database's, so workers whose clocks disagree still agree on "elapsed". Answers the
 * wait before the call may start.
 */
export async function reserveProviderRequest(
  db: Db,
  providerId: string,
  requestsPerMinute: number,
): Promise<number> {
  const burst = Math.max(1, requestsPerMinute);
  const perMs = burst / 60_000;
  const result = await db.execute<{ tokens: number }>(sql`
    with clock as (select extract(epoch from clock_timestamp()) * 1000 as now_ms)
    insert into model_provider_rate_buckets as bucket (provider_id, tokens, refilled_at_ms)
    select ${providerId}, ${burst}::float8 - 1, clock.now_ms from clock
    on conflict (provider_id) do update set
      tokens = least(${burst}::float8,
                     bucket.tokens + greatest(0, excluded.refilled_at_ms - bucket.refilled_at_ms) * ${perMs}::float8) - 1,
      refilled_at_ms = greatest(bucket.refilled_at_ms, excluded.refilled_at_ms)
    returning tokens`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { tokens: number }[] }).rows;
  const tokens = Number(rows[0]?.tokens ?? 0);
  // Reservation, not try-and-retry: below zero, this call waits for the tokens it borrowed to refill.
  return tokens >= 0 ? 0 : Math.ceil(-tokens / perMs);
}

const reservations = new WeakMap<object, SharedRateReservation>();

/** The same function for the same database, so each process keeps one limiter per provider. */
export function sharedRateReservation(db: Db): SharedRateReservation {
  let reserve = reservations.get(db);
  if (!reserve) {
    reserve = (providerId, requestsPerMinute) => reserveProviderRequest(db, providerId, requestsPerMinute);
    reservations.set(db, reserve);
  }
  return reserve;
}
