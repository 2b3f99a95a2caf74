import { and, inArray } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { ConnectorGateway, Models } from "@/lib/engine/ports";
import type { Database } from "../../db/client";
import { DEAD_ITEM_QUEUE, ITEM_QUEUE } from "../../db/job-queue";
import { items } from "../../db/schema";
import { runStoredItem, type ItemRunResult, type RunDeps, type StoredItem } from "../runs/run-item-row";
import { claimItems, RunFaults, RUNNABLE_STATUSES, workerConnectors, type ClaimedItem } from "./claim-items";
import { commitBatch, type BatchResults, type ItemJob } from "./commit-batch";
import { ITEMS_QUEUED_CHANNEL, itemJobs, type ItemJobData } from "./item-queue";
import { retryLaterExpired } from "./retry-later-bound";
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
  let committedCount = 0;
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

  async function runBatch(jobs: ItemJob[]): Promise<void> {
    const claimed = new Map(
      (
        await claimItems(
          db,
          jobs.map((job) => job.data.itemId),
        )
      ).map((item) => [item.id, item]),
    );
    const batch: BatchResults = { settled: [], ran: [], failed: [] };
    const runDeps = { ...options, overridesCache: new Map() };
    await Promise.all(
      jobs.map(async (job) => {
        const item = claimed.get(job.data.itemId);
        // Gone (its workflow was deleted) or already decided by an earlier attempt: nothing to run.
        if (!item) return void batch.settled.push(job);
        try {
          batch.ran.push({ job, item, result: await runClaimed(item, runDeps) });
        } catch (error) {
          batch.failed.push({ job, item, error: describeError(error) });
        }
      }),
    );
    const { committed, failed } = await commit(batch);
    committedCount += committed.length;
    const fenced = batch.ran.length - committed.length;
    if (fenced > 0)
      log(`${fenced} item(s) were taken over by another worker; this worker's results were dropped`);
    for (const failure of failed) log(`item ${failure.job.data.itemId} failed: ${failure.error}`);
    const liveWorkflows = new Set(
      committed.filter((r) => r.item.mode === "live").map((r) => r.item.workflowId),
    );
    if (liveWorkflows.size > 0) options.onLiveOutcomes?.([...liveWorkflows]);
  }

  type Committed = Awaited<ReturnType<typeof commitBatch>>;
  const commitIn = (part: BatchResults): Promise<Committed> =>
    db.transaction((tx) => commitBatch(tx, part, { deferSeconds }));

  /**
   * The batch in one transaction; should the database refuse it, each item in its own, so that one outcome
   * it cannot store (a poison item) fails alone and is retried, then dead-lettered, without its batch-mates.
   * When the database itself is gone the first single commit throws too, and the loop waits as before.
   */
  async function commit(batch: BatchResults): Promise<Committed> {
    try {
      return await commitIn(batch);
    } catch (error) {
      if (batch.ran.length === 0) throw error;
      log(`a batch commit failed (${describeError(error)}); committing its items one by one`);
    }
    const result: Committed = { committed: [], failed: [] };
    const add = (part: Committed) => {
      result.committed.push(...part.committed);
      result.failed.push(...part.failed);
    };
    if (batch.settled.length > 0 || batch.failed.length > 0)
      add(await commitIn({ settled: batch.settled, ran: [], failed: batch.failed }));
    for (const ran of batch.ran) {
      try {
        add(await commitIn({ settled: [], ran: [ran], failed: [] }));
      } catch (error) {
        const failure = {
          job: ran.job,
          item: ran.item,
          error: `its outcome could not be stored: ${describeError(error)}`,
        };
        add(await commitIn({ settled: [], ran: [], failed: [failure] }));
      }
    }
    return result;
  }

  async function runClaimed(claimedItem: ClaimedItem, runDeps: RunDeps): Promise<ItemRunResult> {
    if (!claimedItem.versionId) throw new Error("the workflow version this item was queued for was deleted");
    const item: StoredItem = { ...claimedItem, versionId: claimedItem.versionId };
    const faults = new RunFaults();
    const deps = { ...runDeps, connectors: workerConnectors(db, options.connectors, claimedItem, faults) };
    const result = await runItem(db, item, deps);
    faults.throwIfAny();
    if (result.outcome.type !== "deferred") return result;
    // Parked too long: run it once more, letting the connector that is still down escalate it.
    const expired = await retryLaterExpired(db, claimedItem, result.outcome.nodeId);
    if (!expired) return result;
    const escalated = await runItem(db, item, { ...deps, retryLaterExpired: true });
    faults.throwIfAny();
    return escalated;
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
            inArray(items.status, [...RUNNABLE_STATUSES]),
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
        const jobs: ItemJob[] = await boss.fetch<ItemJobData>(ITEM_QUEUE, {
          batchSize,
          includeMetadata: true,
        });
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
      return committedCount;
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

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
