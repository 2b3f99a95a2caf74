import type { Database } from "../../db/client";
import { DatabaseRateLimiter } from "./database-rate-limiter";
import { LeasingRateLimiter } from "./leasing-rate-limiter";
import { InProcessRateLimiter, type RateLimiter } from "./rate-limiter";

const inProcessByDatabase = new WeakMap<object, InProcessRateLimiter>();

/**
 * The limiter every gateway on this database must share: a row per connector on a Postgres server (many
 * worker processes), or one in-memory limiter per embedded database (PGlite has exactly one process).
 */
export function rateLimiterFor(database: Pick<Database, "db" | "engine">): RateLimiter {
  if (database.engine === "postgres") return new LeasingRateLimiter(new DatabaseRateLimiter(database.db));
  let limiter = inProcessByDatabase.get(database.db);
  if (!limiter) {
    limiter = new InProcessRateLimiter();
    inProcessByDatabase.set(database.db, limiter);
  }
  return limiter;
}
