import crypto from "node:crypto";
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { items, reviewEvents, reviewTasks } from "../../db/schema";

/**
 * Flags every open task past its due time and re-escalates it to its queue's escalation contact, once:
 * the update only takes tasks not yet flagged, so concurrent sweeps (every worker runs one) never
 * record a breach twice. The task's version is left alone: a breach changes nothing a reviewer decides on.
 */
export async function sweepOverdueTasks(db: Db, now: Date = new Date()): Promise<number> {
  const breached = await db
    .update(reviewTasks)
    .set({
      slaBreachedAt: now,
      escalatedToId: sql`(select q."escalation_contact_id" from "review_queues" q where q."id" = "review_tasks"."queue_id")`,
    })
    .where(and(eq(reviewTasks.status, "open"), isNull(reviewTasks.slaBreachedAt), lt(reviewTasks.dueAt, now)))
    .returning({
      id: reviewTasks.id,
      workflowId: reviewTasks.workflowId,
      itemId: reviewTasks.itemId,
      version: reviewTasks.version,
      escalatedToId: reviewTasks.escalatedToId,
      dueAt: reviewTasks.dueAt,
    });
  if (breached.length === 0) return 0;
  const externalIds = new Map(
    (
      await db
        .select({ id: items.id, externalId: items.externalId })
        .from(items)
        .where(
          inArray(
            items.id,
            breached.map((b) => b.itemId),
          ),
        )
    ).map((r) => [r.id, r.externalId]),
  );
  await db.insert(reviewEvents).values(
    breached.map((task) => ({
      id: crypto.randomUUID(),
      taskId: task.id,
      workflowId: task.workflowId,
      itemExternalId: externalIds.get(task.itemId) ?? "",
      actorId: null,
      action: "sla_breach" as const,
      at: now,
      change: { escalatedToId: task.escalatedToId },
      comment: `Past its due time (${task.dueAt.toISOString()}); re-escalated to the queue's escalation contact.`,
      taskVersion: task.version,
    })),
  );
  return breached.length;
}
