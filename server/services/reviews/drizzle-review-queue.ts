import crypto from "node:crypto";
import { eq } from "drizzle-orm";
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

/**
 * The live ReviewQueue port: an escalation becomes an open task in its queue, due after the queue's SLA.
 * Idempotent on the engine's key, so an item run again after a crash never creates a second task.
 */
export function drizzleReviewQueue(db: Db, item: EscalatedItem, clock: Pick<Clock, "now">): ReviewQueue {
  return {
    async createTask(request: ReviewTaskRequest) {
      const queue = await ensureQueue(db, request.queue);
      const createdAt = new Date(clock.now());
      const [inserted] = await db
        .insert(reviewTasks)
        .values({
          id: crypto.randomUUID(),
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
        })
        .onConflictDoNothing({ target: reviewTasks.idempotencyKey })
        .returning({ id: reviewTasks.id });
      if (inserted) return { taskId: inserted.id };
      const [existing] = await db
        .select({ id: reviewTasks.id })
        .from(reviewTasks)
        .where(eq(reviewTasks.idempotencyKey, request.idempotencyKey));
      return { taskId: existing!.id };
    },
  };
}
