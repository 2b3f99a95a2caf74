import { and, eq, inArray, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { ConnectorGateway, Models } from "@/lib/engine/ports";
import type { Database, Db } from "../../db/client";
import { DEAD_ITEM_QUEUE, ITEM_QUEUE } from "../../db/job-queue";
import { items } from "../../db/schema";
import { insertReviewTasks } from "../reviews/pending-review-tasks";
import { runStoredItem, type ItemRunResult, type StoredItem } from "../runs/run-item-row";
import { retryLaterExpired } from "./retry-later-bound";
import { enqueueItemJobs, ITEMS_QUEUED_CHANNEL, itemJobs, type ItemJobData } from "./item-queue";
import { maintenanceExecutorFor } from "./sql-executor";

export interface ItemWorkerOptions {
  connectors: ConnectorGateway;
  models?: Models;
  /** Jobs taken per fetch; their outcomes are committed together, in one transaction. */
  batchSize?: number;
  /** Fetch-run-commit loops running side by side: one runs items while another commits. */
  loops?: number;
  /** How often an idle worker looks for work it was not woken for (items whose retry time came). */
  pollIntervalMs?: number;
  /** How often pg-boss looks for jobs held too long by a dead worker (and retries them). */
  maintenanceIntervalSeconds?: number;
  /** How long a deferred item (its system was down) waits before it runs again. */
  deferSeconds?: number;
  /** Told after each commit which workflows just stored live outcomes (the canary guard watches them). */
  onLiveOutcomes?(workflowIds: string[]): void;
  /** How an item is run; tests inject faults here to prove retries and dead letters. */
  runItem?: typeof runStoredItem;
  log?(message: string): void;
}

export interface ItemWorker {
  /** Items whose outcome this worker committed. */
  readonly committed: number;
  /** Stops taking work, lets every batch in hand commit, then returns. */
  stop(): Promise<void>;
}

type Job = PgBoss.JobWithMetadata<ItemJobData>;
interface Ran {
  job: Job;
  item: StoredItem;
  result: ItemRunResult;
}
interface Failed {
  job: Job;
  error: string;
}

const RUNNABLE = ["queued", "deferred"] as const;

/**
 * Takes item jobs from the queue and runs them. A batch's outcomes, their review tasks, and the completion
 * of its jobs, are one transaction: a worker killed mid-batch commits nothing, and pg-boss gives its jobs to another worker
 * once their time is up. A job whose item already has its outcome (it was committed by a worker thought
 * dead) is completed without a second one.
 */
export async function startItemWorker(database: Database, options: ItemWorkerOptions): Promise<ItemWorker> {
  const { db } = database;
  const batchSize = options.batchSize ?? 64;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const deferSeconds = options.deferSeconds ?? 60;
  const log = options.log ?? (() => {});
  const runItem = options.runItem ?? runStoredItem;
  const boss = new PgBoss({
    db: maintenanceExecutorFor(database),
    supervise: true,
    schedule: false,
    migrate: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 10,
    monitorStateIntervalSeconds: 60,
  });
  boss.on("error", (error) => log(`queue upkeep failed: ${error.message}`));
  await boss.start();

  let stopping = false;
  let committed = 0;
  const wakers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of wakers) wake();
    wakers.clear();
  };
  const subscription = await database.listen(ITEMS_QUEUED_CHANNEL, wakeAll);

  function idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, pollIntervalMs);
      wakers.add(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async function runBatch(jobs: Job[]): Promise<void> {
    const rows = await db
      .select({
        id: items.id,
        workflowId: items.workflowId,
        versionId: items.versionId,
        externalId: items.externalId,
        payload: items.payload,
        mode: items.mode,
        status: items.status,
        receivedAt: items.receivedAt,
      })
      .from(items)
      .where(
        inArray(
          items.id,
          jobs.map((job) => job.data.itemId),
        ),
      );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const settled: Job[] = [];
    const runDeps = { ...options, overridesCache: new Map() };
    const work: Promise<Ran | Failed>[] = [];
    for (const job of jobs) {
      const row = byId.get(job.data.itemId);
      // Gone (its workflow was deleted) or already decided by an earlier attempt: nothing to run.
      if (!row || !(RUNNABLE as readonly string[]).includes(row.status)) {
        settled.push(job);
        continue;
      }
      if (!row.versionId) {
        work.push(
          Promise.resolve({ job, error: "the workflow version this item was queued for was deleted" }),
        );
        continue;
      }
      const item: StoredItem = { ...row, versionId: row.versionId };
      const run = async (): Promise<ItemRunResult> => {
        const result = await runItem(db, item, runDeps);
        if (result.outcome.type !== "deferred") return result;
        // Parked too long: run it once more, letting the connector that is still down escalate it.
        const expired = await retryLaterExpired(
          db,
          { ...item, receivedAt: row.receivedAt },
          result.outcome.nodeId,
        );
        return expired ? runItem(db, item, { ...runDeps, retryLaterExpired: true }) : result;
      };
      work.push(
        run().then(
          (result): Ran => ({ job, item, result }),
          (error: unknown): Failed => ({ job, error: describeError(error) }),
        ),
      );
    }
    const outcomes = await Promise.all(work);
    const ran = outcomes.filter((o): o is Ran => "result" in o);
    const failed = outcomes.filter((o): o is Failed => "error" in o);
    await db.transaction(async (tx) => {
      await insertReviewTasks(
        tx,
        ran.flatMap((r) => r.result.reviewTasks),
      );
      await storeOutcomes(tx, ran);
      const deferred = ran.filter((r) => r.result.status === "deferred").map((r) => r.item.id);
      await enqueueItemJobs(tx, deferred, { startAfter: new Date(Date.now() + deferSeconds * 1000) });
      await itemJobs.complete(tx, ITEM_QUEUE, [...settled.map((job) => job.id), ...ran.map((r) => r.job.id)]);
      for (const failure of failed) {
        await tx
          .update(items)
          .set({ attempts: sql`${items.attempts} + 1`, lastError: failure.error })
          .where(eq(items.id, failure.job.data.itemId));
        await itemJobs.fail(tx, ITEM_QUEUE, [failure.job.id], failure.error);
      }
    });
    committed += ran.length;
    for (const failure of failed) log(`item ${failure.job.data.itemId} failed: ${failure.error}`);
    const liveWorkflows = new Set(ran.filter((r) => r.item.mode === "live").map((r) => r.item.workflowId));
    if (liveWorkflows.size > 0) options.onLiveOutcomes?.([...liveWorkflows]);
  }

  let deadLettersCheckedAt = 0;
  /** Jobs whose retries are spent arrive on the dead-letter queue: their items become visible there. */
  async function drainDeadLetters(): Promise<number> {
    // Rare by nature: once a second is soon enough, and spares a busy worker a query per batch.
    if (Date.now() - deadLettersCheckedAt < 1000) return 0;
    deadLettersCheckedAt = Date.now();
    const dead = await boss.fetch<ItemJobData>(DEAD_ITEM_QUEUE, { batchSize: 100 });
    if (dead.length === 0) return 0;
    await db.transaction(async (tx) => {
      await tx
        .update(items)
        .set({ status: "dead_letter" })
        .where(
          and(
            inArray(
              items.id,
              dead.map((job) => job.data.itemId),
            ),
            inArray(items.status, [...RUNNABLE]),
          ),
        );
      await itemJobs.complete(
        tx,
        DEAD_ITEM_QUEUE,
        dead.map((job) => job.id),
      );
    });
    return dead.length;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      try {
        const jobs = await boss.fetch<ItemJobData>(ITEM_QUEUE, { batchSize, includeMetadata: true });
        const dead = await drainDeadLetters();
        if (jobs.length > 0) await runBatch(jobs);
        else if (dead === 0) await idle();
      } catch (error) {
        // The database went away or a commit failed: the batch's jobs time out and run again elsewhere.
        log(`worker loop: ${describeError(error)}`);
        await idle();
      }
    }
  }

  const running = Array.from({ length: options.loops ?? 2 }, () => loop());
  return {
    get committed() {
      return committed;
    },
    async stop() {
      stopping = true;
      wakeAll();
      await Promise.all(running);
      await subscription.unlisten().catch(() => {});
      await boss.stop({ graceful: false, close: false, wait: true });
    },
  };
}

/** One statement for the whole batch: each row's outcome, only where no earlier attempt stored one. */
async function storeOutcomes(tx: Db, ran: Ran[]): Promise<void> {
  if (ran.length === 0) return;
  const values = sql.join(
    ran.map(
      (r) =>
        sql`(${r.item.id}, ${r.result.status}, ${JSON.stringify(r.result.outcome)}::jsonb, ${
          r.result.trace === null ? null : JSON.stringify(r.result.trace)
        }::jsonb)`,
    ),
    sql`, `,
  );
  await tx.execute(sql`
    update ${items} set
      status = v.status, outcome = v.outcome, trace = v.trace, processed_at = clock_timestamp(), last_error = null
    from (values ${values}) as v(id, status, outcome, trace)
    where ${items.id} = v.id and ${items.status} in ('queued', 'deferred')`);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
