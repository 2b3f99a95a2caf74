import crypto from "node:crypto";
import type { Clock, ReviewQueue, ReviewTaskRequest } from "@/lib/engine/ports";
import type { Db } from "../../db/client";
import { reviewTasks } from "../../db/schema";
import { labelFromOutcome } from "./labels";
import { ensureQueue } from "./queues";

/** The stored item a run's escalation belongs to. */
export interface EscalatedItem {
  /** The items row. */
  id: string;
  workflowId: string;
  versionId: string;
  title: string;
}

/** A review task a run asked for, to be stored in the transaction that stores the run's outcome. */
export interface PendingReviewTask {
  taskId: string;
  item: EscalatedItem;
  request: ReviewTaskRequest;
  createdAt: Date;
}

/**
 * The live ReviewQueue port of a run whose results are committed together: an escalation's task is
 * only collected here, and stored with the item's outcome (insertReviewTasks), so a run that dies before
 * its commit leaves no task behind, and the run that commits leaves exactly one.
 */
export function collectingReviewQueue(
  item: EscalatedItem,
  clock: Pick<Clock, "now">,
): ReviewQueue & { pending: PendingReviewTask[] } {
  const pending: PendingReviewTask[] = [];
  return {
    pending,
    createTask(request: ReviewTaskRequest) {
      const taskId = crypto.randomUUID();
      pending.push({ taskId, item, request, createdAt: new Date(clock.now()) });
      return Promise.resolve({ taskId });
    },
  };
}

/** Stores collected tasks, each due after its queue's SLA; idempotent on the engine's key. */
export async function insertReviewTasks(tx: Db, tasks: readonly PendingReviewTask[]): Promise<void> {
  if (tasks.length === 0) return;
  const queues = new Map<string, Awaited<ReturnType<typeof ensureQueue>>>();
  for (const name of new Set(tasks.map((task) => task.request.queue)))
    queues.set(name, await ensureQueue(tx, name));
  await tx
    .insert(reviewTasks)
    .values(
      tasks.map(({ taskId, item, request, createdAt }) => {
        const queue = queues.get(request.queue)!;
        return {
          id: taskId,
          queueId: queue.id,
          itemId: item.id,
          workflowId: item.workflowId,
          versionId: item.versionId,
          nodeId: request.nodeId,
          reasonType: request.reasonType,
          reason: request.reason,
          title: item.title,
          suggested: request.suggested ?? null,
          suggestedLabel: request.suggested ? labelFromOutcome(request.suggested).label : null,
          decisions: request.context.decisions,
          idempotencyKey: request.idempotencyKey,
          createdAt,
          dueAt: new Date(createdAt.getTime() + queue.slaMinutes * 60_000),
        };
      }),
    )
    .onConflictDoNothing({ target: reviewTasks.idempotencyKey });
}
