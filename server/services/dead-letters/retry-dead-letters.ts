import type { Db } from "../../db/client";
import { items } from "../../db/schema";
import { enqueueItemJobs } from "../queue/item-queue";
import { deadLettered } from "./discard-dead-letters";

/**
 * Queues the items again from scratch (attempts reset, last error cleared) in one transaction with their
 * new jobs, so an item is never `queued` without a job nor given two. Items no longer dead-lettered (another
 * admin retried or discarded them) are left alone; the count says how many were queued.
 */
export async function retryDeadLetters(db: Db, itemIds: string[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  return db.transaction(async (tx) => {
    const queued = await tx
      .update(items)
      .set({ status: "queued", attempts: 0, lastError: null })
      .where(deadLettered(itemIds))
      .returning({ id: items.id });
    const ids = queued.map((row) => row.id);
    if (ids.length > 0) await enqueueItemJobs(tx, ids);
    return ids.length;
  });
}
