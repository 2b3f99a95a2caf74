import { and, eq, inArray, sql } from "drizzle-orm";
import type { ConnectorGateway, ConnectorResult } from "@/lib/engine/ports";
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

/** Errors our side raised during a run's connector calls (as opposed to answers from the systems called). */
export class RunFaults {
  readonly errors: unknown[] = [];
  /** Throws the first fault, so the run fails and is retried, instead of being stored with its outcome. */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const first = this.errors[0];
    throw new Error(
      `a connector call failed on our side (${first instanceof Error ? first.message.split("\n")[0] : String(first)})`,
    );
  }
}

/**
 * The gateway for one claimed item. A write is sent only while this worker still holds the item (a worker
 * that stalled past its lease finds another has taken it, and sends nothing); reads pass through. The
 * gateway answers a system's failures as results; a thrown error is ours (the database gone mid-call, say):
 * it is noted in `faults`, so the run is retried rather than its item escalated for the connector.
 */
export function workerConnectors(
  db: Db,
  gateway: ConnectorGateway,
  item: { id: string; claim: number },
  faults: RunFaults,
): ConnectorGateway {
  const noted = (error: unknown): ConnectorResult => {
    faults.errors.push(error);
    return { status: "error", message: "the call failed on Switchboard's side; the item will be run again" };
  };
  return {
    async call(request) {
      try {
        if (request.kind === "write" && !(await stillClaimed(db, item.id, item.claim))) {
          return { status: "error", message: "another worker has taken this item over; this attempt stops" };
        }
        return await gateway.call(request);
      } catch (error) {
        return noted(error);
      }
    },
  };
}
