import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { items } from "../../db/schema";

/** One request acts on at most this many items (a page of the list). */
export const MAX_DEAD_LETTER_BATCH = 500;

export const deadLettered = (itemIds: string[]) =>
  and(inArray(items.id, itemIds), eq(items.status, "dead_letter"));

/**
 * Gives up on the items for good: they stay stored (with their last error) but leave the list. Only items
 * still dead-lettered change, so a second admin discarding the same rows changes nothing; the count says
 * how many did. `_actorId` (the admin acting) is not recorded yet: items have no column for it.
 */
export async function discardDeadLetters(db: Db, _actorId: string, itemIds: string[]): Promise<number> {
  if (itemIds.length === 0) return 0;
  const discarded = await db
    .update(items)
    .set({ status: "discarded" })
    .where(deadLettered(itemIds))
    .returning({ id: items.id });
  return discarded.length;
}
