import { and, eq, inArray, sql } from "drizzle-orm";
import type { ConnectorGateway } from "@/lib/engine/ports";
import type { Db } from "../../db/client";
import { items } from "../../db/schema";
import type { StoredItem } from "../runs/run-item-row";

/** Statuses a worker may (re)run: new, or parked until its system is back. */
export const RUNNABLE_STATUSES = ["queued", "deferred"] as const;

export interface ClaimedItem extends Omit<StoredItem, "versionId"> {
  versionId: string | null;
  receivedAt: Date;
  /** The fencing token this worker holds: its writes and its commit count only while it is current. */
  claim: number;
}

/**
 * Takes the runnable items of a batch by bumping their fencing token, in one statement. Items not
 * returned are gone or already decided: their jobs have nothing left to do.
 */
export async function claimItems(db: Db, itemIds: readonly string[]): Promise<ClaimedItem[]> {
  if (itemIds.length === 0) return [];
  return db
    .update(items)
    .set({ claim: sql`${items.claim} + 1` })
    .where(and(inArray(items.id, [...itemIds]), inArray(items.status, [...RUNNABLE_STATUSES])))
    .returning({
      id: items.id,
      workflowId: items.workflowId,
      versionId: items.versionId,
      externalId: items.externalId,
      payload: items.payload,
      mode: items.mode,
      receivedAt: items.receivedAt,
      claim: items.claim,
    });
}

export async function stillClaimed(db: Db, itemId: string, claim: number): Promise<boolean> {
  const [row] = await db.select({ claim: items.claim }).from(items).where(eq(items.id, itemId));
  return row?.claim === claim;
}

/**
 * The gateway for one claimed item: a write is sent only while this worker still holds the item (a
 * worker that stalled past its lease finds another has taken it, and sends nothing). Reads pass through.
 */
export function fencedConnectors(
  db: Db,
  gateway: ConnectorGateway,
  item: { id: string; claim: number },
): ConnectorGateway {
  return {
    call(request) {
      if (request.kind !== "write") return gateway.call(request);
      return stillClaimed(db, item.id, item.claim).then((held) =>
        held
          ? gateway.call(request)
          : { status: "error", message: "another worker has taken this item over; this attempt stops" },
      );
    },
  };
}
