import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Db } from "../../db/client";
import { ITEM_QUEUE, itemJobRetry, itemJobTimeoutSeconds } from "../../db/job-queue";
import { sqlExecutorFor } from "./sql-executor";

/** Workers LISTEN here; a transaction that queues items NOTIFYs it, delivered when it commits. */
export const ITEMS_QUEUED_CHANNEL = "switchboard_items_queued";

export interface ItemJobData {
  itemId: string;
}

/**
 * pg-boss's job functions, never started: each call is given the transaction to run in (`db` option), so
 * this instance only lends its SQL and defaults.
 */
const jobs = new PgBoss({
  db: {
    executeSql() {
      throw new Error("item-queue: every job call must name the transaction it runs in");
    },
  },
  supervise: false,
  schedule: false,
  migrate: false,
});

export function jobsIn(tx: Db): { db: ReturnType<typeof sqlExecutorFor> } {
  return { db: sqlExecutorFor(tx) };
}

/** Queues one job per item inside the caller's transaction, and wakes the workers when it commits. */
export async function enqueueItemJobs(
  tx: Db,
  itemIds: readonly string[],
  options: { startAfter?: Date } = {},
): Promise<void> {
  if (itemIds.length === 0) return;
  const expireInSeconds = itemJobTimeoutSeconds();
  const retry = itemJobRetry();
  await jobs.insert(
    itemIds.map((itemId) => ({
      name: ITEM_QUEUE,
      data: { itemId } satisfies ItemJobData,
      expireInSeconds,
      ...retry,
      startAfter: options.startAfter,
    })),
    jobsIn(tx),
  );
  await tx.execute(sql`select pg_notify(${ITEMS_QUEUED_CHANNEL}, '')`);
}

/** pg-boss's own signature (name, ids, data, options); its type declarations drop `data` for id lists. */
type ByIds = (
  name: string,
  ids: string[],
  data: object | undefined,
  options: { db: ReturnType<typeof sqlExecutorFor> },
) => Promise<{ affected: number }>;
const completeJobs = jobs.complete.bind(jobs) as unknown as ByIds;
const failJobs = jobs.fail.bind(jobs) as unknown as ByIds;

/** Completes (or fails, to be retried with backoff) jobs inside the caller's transaction; answers how many moved. */
export const itemJobs = {
  async complete(tx: Db, queue: string, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    return (await completeJobs(queue, ids, undefined, jobsIn(tx))).affected;
  },
  async fail(tx: Db, queue: string, ids: string[], error: string): Promise<number> {
    if (ids.length === 0) return 0;
    return (await failJobs(queue, ids, { message: error }, jobsIn(tx))).affected;
  },
};

/** Item jobs by pg-boss state (created, retry, active, completed, failed…). */
export async function itemJobStates(db: Db): Promise<Record<string, number>> {
  const result = await sqlExecutorFor(db).executeSql(
    `select state::text as state, count(*)::int as n from pgboss.job where name = $1 group by state`,
    [ITEM_QUEUE],
  );
  return Object.fromEntries(result.rows.map((row) => [String(row.state), Number(row.n)]));
}

/** Item jobs waiting, waiting for a retry, or in a worker's hands. */
export async function pendingItemJobs(db: Db): Promise<number> {
  const states = await itemJobStates(db);
  return (states.created ?? 0) + (states.retry ?? 0) + (states.active ?? 0);
}
