import PgBoss from "pg-boss";

/**
 * The durable queue is pg-boss's, in its own `pgboss` schema of the same database: a job is inserted in
 * the transaction that stores its item, and completed in the transaction that stores its outcome.
 */
export const ITEM_QUEUE = "items";
/** Where pg-boss copies a job whose retries are spent; the worker turns those into dead-lettered items. */
export const DEAD_ITEM_QUEUE = "items_dead";

/** What pg-boss needs of a database: its `db` option, so it can run on PGlite and inside our transactions. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export const ITEM_RETRY_LIMIT = 4;

/** Drizzle makes the driver take json parameters as they are; pg-boss passes some as objects. */
export function jobQueueParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date)) {
    return JSON.stringify(value);
  }
  return value;
}

/** How long a taken job may stay unfinished before it is given to another worker: a killed worker's items. */
export function itemJobTimeoutSeconds(): number {
  const configured = Number(process.env.SWITCHBOARD_JOB_TIMEOUT_SECONDS);
  return Number.isInteger(configured) && configured >= 1 ? configured : 60;
}

/**
 * A failed run is retried ITEM_RETRY_LIMIT times, waiting 2 s, 4 s, 8 s… (SWITCHBOARD_JOB_RETRY_DELAY_SECONDS
 * sets the first wait; 0 retries at once, without backoff), then its item is dead-lettered.
 */
export function itemJobRetry(): { retryLimit: number; retryDelay: number; retryBackoff: boolean } {
  const configured = Number(process.env.SWITCHBOARD_JOB_RETRY_DELAY_SECONDS);
  const delay = Number.isInteger(configured) && configured >= 0 ? configured : 2;
  return { retryLimit: ITEM_RETRY_LIMIT, retryDelay: delay, retryBackoff: delay > 0 };
}

/** Installs or upgrades pg-boss's schema and creates the item queues; safe to repeat. */
export async function installJobQueue(executor: SqlExecutor): Promise<void> {
  const boss = new PgBoss({ db: executor, supervise: false, schedule: false, migrate: true });
  await boss.start();
  try {
    if (!(await boss.getQueue(DEAD_ITEM_QUEUE))) await boss.createQueue(DEAD_ITEM_QUEUE);
    if (!(await boss.getQueue(ITEM_QUEUE))) {
      await boss.createQueue(ITEM_QUEUE, {
        name: ITEM_QUEUE,
        retryLimit: ITEM_RETRY_LIMIT,
        retryDelay: 2,
        retryBackoff: true,
        deadLetter: DEAD_ITEM_QUEUE,
      });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true, close: false });
  }
}
