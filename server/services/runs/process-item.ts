import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Outcome } from "@/lib/engine/run/outcome";
import type { Db } from "../../db/client";
import { items, type ItemMode, type ItemStatus } from "../../db/schema";
import { insertReviewTasks } from "../reviews/pending-review-tasks";
import { compiledVersion } from "./compiled-versions";
import { loadPublishedVersion } from "./published-version";
import { realClock, runStoredItem, type RunDeps } from "./run-item-row";
export interface ProcessItemInput {
  workflowId: string;
  payload: Record<string, unknown>;
  mode?: ItemMode;
  /** When the item arrived; defaults to the clock's now. */
  receivedAt?: Date;
}

export type ProcessItemDeps = RunDeps;

export interface ProcessedItem {
  itemId: string;
  externalId: string;
  status: ItemStatus;
  outcome: Outcome | null;
  taskId?: string;
  /** True when this item (workflow, mode, external id) had been received before: nothing ran again. */
  duplicate: boolean;
}

/**
 * Runs one item through the workflow's published version and stores it with its outcome and trace: the
 * admin's threshold overrides in force apply; in live mode an escalation opens a review task, in shadow
 * mode it is only recorded. The item row is written before the run, so the task can point at it, and a
 * run interrupted half-way is found again (the task's idempotency key stops a second task).
 */
export async function processItem(
  db: Db,
  input: ProcessItemInput,
  deps: ProcessItemDeps,
): Promise<ProcessedItem> {
  const mode = input.mode ?? "live";
  const clock = deps.clock ?? realClock;
  const version = await loadPublishedVersion(db, input.workflowId);
  const compiled = compiledVersion(version);
  const rawId = input.payload[compiled.itemShape.idField];
  const externalId =
    typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : `item-${crypto.randomUUID()}`;

  const itemId = crypto.randomUUID();
  const [created] = await db
    .insert(items)
    .values({
      id: itemId,
      workflowId: input.workflowId,
      versionId: version.id,
      externalId,
      payload: input.payload,
      mode,
      status: "processing",
      receivedAt: input.receivedAt ?? new Date(clock.now()),
    })
    .onConflictDoNothing({ target: [items.workflowId, items.mode, items.externalId] })
    .returning({ id: items.id });
  if (!created) {
    const [existing] = await db
      .select({ id: items.id, status: items.status, outcome: items.outcome })
      .from(items)
      .where(
        and(eq(items.workflowId, input.workflowId), eq(items.mode, mode), eq(items.externalId, externalId)),
      );
    return {
      itemId: existing!.id,
      externalId,
      status: existing!.status,
      outcome: existing!.outcome,
      duplicate: true,
    };
  }

  const result = await runStoredItem(
    db,
    {
      id: itemId,
      workflowId: input.workflowId,
      versionId: version.id,
      externalId,
      payload: input.payload,
      mode,
    },
    deps,
  );
  await db.transaction(async (tx) => {
    await insertReviewTasks(tx, result.reviewTasks);
    await tx
      .update(items)
      .set({
        status: result.status,
        outcome: result.outcome,
        trace: result.trace,
        processedAt: new Date(clock.now()),
      })
      .where(eq(items.id, itemId));
  });
  return {
    itemId,
    externalId,
    status: result.status,
    outcome: result.outcome,
    taskId: result.reviewTaskId,
    duplicate: false,
  };
}
