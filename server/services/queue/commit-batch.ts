import { and, eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "../../db/client";
import { ITEM_QUEUE } from "../../db/job-queue";
import { items } from "../../db/schema";
import { insertReviewTasks } from "../reviews/pending-review-tasks";
import type { ItemRunResult } from "../runs/run-item-row";
import type { ClaimedItem } from "./claim-items";
import { enqueueItemJobs, itemJobs, type ItemJobData } from "./item-queue";

export type ItemJob = PgBoss.JobWithMetadata<ItemJobData>;

export interface RanItem {
  job: ItemJob;
  item: ClaimedItem;
  result: ItemRunResult;
}
export interface FailedItem {
  job: ItemJob;
  item: ClaimedItem | null;
  error: string;
}

export interface BatchResults {
  /** Jobs with nothing left to do (their item is gone or already decided). */
  settled: ItemJob[];
  ran: RanItem[];
  failed: FailedItem[];
}

/**
 * One transaction for a batch: the outcomes of items this worker still holds (fencing token unchanged),
 * their review tasks, parked items' next attempt, and the completion of exactly those jobs. A run whose
 * item another worker took over meanwhile leaves no trace: its job now belongs to that worker.
 */
export async function commitBatch(
  tx: Db,
  batch: BatchResults,
  options: { deferSeconds: number },
): Promise<{ committed: RanItem[]; failed: FailedItem[] }> {
  const storedIds = new Set(await storeOutcomes(tx, batch.ran));
  const committed = batch.ran.filter((r) => storedIds.has(r.item.id));
  await insertReviewTasks(
    tx,
    committed.flatMap((r) => r.result.reviewTasks),
  );
  await enqueueItemJobs(
    tx,
    committed.filter((r) => r.result.status === "deferred").map((r) => r.item.id),
    { startAfter: new Date(Date.now() + options.deferSeconds * 1000) },
  );
  await itemJobs.complete(tx, ITEM_QUEUE, [
    ...batch.settled.map((job) => job.id),
    ...committed.map((r) => r.job.id),
  ]);
  const failed: FailedItem[] = [];
  for (const failure of batch.failed) {
    const held = await tx
      .update(items)
      .set({ attempts: sql`${items.attempts} + 1`, lastError: failure.error })
      .where(
        and(
          eq(items.id, failure.job.data.itemId),
          failure.item ? eq(items.claim, failure.item.claim) : undefined,
        ),
      )
      .returning({ id: items.id });
    if (held.length === 0) continue;
    await itemJobs.fail(tx, ITEM_QUEUE, [failure.job.id], failure.error);
    failed.push(failure);
  }
  return { committed, failed };
}

/** One statement for the whole batch: each outcome, where this worker still holds the item. */
async function storeOutcomes(tx: Db, ran: RanItem[]): Promise<string[]> {
  if (ran.length === 0) return [];
  const values = sql.join(
    ran.map(
      (r) =>
        sql`(${r.item.id}, ${r.item.claim}::int, ${r.result.status}, ${JSON.stringify(r.result.outcome)}::jsonb, ${
          r.result.trace === null ? null : JSON.stringify(r.result.trace)
        }::jsonb)`,
    ),
    sql`, `,
  );
  const result = await tx.execute<{ id: string }>(sql`
    update ${items} set
      status = v.status, outcome = v.outcome, trace = v.trace, processed_at = clock_timestamp(), last_error = null
    from (values ${values}) as v(id, claim, status, outcome, trace)
    where ${items.id} = v.id and ${items.claim} = v.claim and ${items.status} in ('queued', 'deferred')
    returning ${items.id} as id`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { id: string }[] }).rows;
  return rows.map((row) => row.id);
}
