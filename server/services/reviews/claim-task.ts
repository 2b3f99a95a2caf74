import crypto from "node:crypto";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { reviewEvents, reviewQueueMembers, reviewTasks, user } from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { badDecision, taskConflict } from "./errors";
import { conflictMessage, loadVisibleTask } from "./load-task";
import { seesAllQueues } from "./queues";

type Viewer = Pick<SessionUser, "id" | "role">;
type AssignAction = "claim" | "release" | "assign";

export interface AssignmentReceipt {
  taskId: string;
  version: number;
  assigneeId: string | null;
}

/** One compare-and-set on the task's assignee, with its audit row; a lost race says who holds the task. */
async function setAssignee(
  db: Db,
  viewer: Viewer,
  taskId: string,
  action: AssignAction,
  assigneeId: string | null,
  guard: SQL,
  now: Date,
): Promise<AssignmentReceipt> {
  const loaded = await loadVisibleTask(db, viewer, taskId);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reviewTasks)
      .set({ assigneeId, assignedAt: assigneeId ? now : null, version: sql`${reviewTasks.version} + 1` })
      .where(and(eq(reviewTasks.id, taskId), eq(reviewTasks.status, "open"), guard))
      .returning({ version: reviewTasks.version });
    if (!updated)
      throw taskConflict(
        conflictMessage(await loadVisibleTask(tx as unknown as Db, viewer, taskId), viewer.id),
      );
    await tx.insert(reviewEvents).values({
      id: crypto.randomUUID(),
      taskId,
      workflowId: loaded.task.workflowId,
      itemExternalId: loaded.externalId,
      actorId: viewer.id,
      action,
      at: now,
      change: { assigneeId },
      taskVersion: updated.version,
    });
    return { taskId, version: updated.version, assigneeId };
  });
}

/** Takes a free task: others then see it as claimed, and cannot decide it while it is held. */
export async function claimTask(
  db: Db,
  viewer: Viewer,
  taskId: string,
  now: Date = new Date(),
): Promise<AssignmentReceipt> {
  const loaded = await loadVisibleTask(db, viewer, taskId);
  if (loaded.task.status === "open" && loaded.task.assigneeId === viewer.id) {
    return { taskId, version: loaded.task.version, assigneeId: viewer.id };
  }
  return setAssignee(db, viewer, taskId, "claim", viewer.id, isNull(reviewTasks.assigneeId), now);
}

/** Gives a held task back to the queue: its holder may, and so may an admin or owner. */
export async function releaseTask(
  db: Db,
  viewer: Viewer,
  taskId: string,
  now: Date = new Date(),
): Promise<AssignmentReceipt> {
  const guard = seesAllQueues(viewer)
    ? sql`${reviewTasks.assigneeId} is not null`
    : eq(reviewTasks.assigneeId, viewer.id);
  return setAssignee(db, viewer, taskId, "release", null, guard, now);
}

/**
 * Hands an open task to a member of its queue. A reviewer may assign free tasks or their own; an admin
 * or owner may reassign any.
 */
export async function assignTask(
  db: Db,
  viewer: Viewer,
  input: { taskId: string; userId: string },
  now: Date = new Date(),
): Promise<AssignmentReceipt> {
  const loaded = await loadVisibleTask(db, viewer, input.taskId);
  const [member] = await db
    .select({ name: user.name })
    .from(reviewQueueMembers)
    .innerJoin(user, eq(user.id, reviewQueueMembers.userId))
    .where(
      and(eq(reviewQueueMembers.queueId, loaded.task.queueId), eq(reviewQueueMembers.userId, input.userId)),
    );
  if (!member) throw badDecision("Tasks can only be assigned to members of the task's queue.");
  const guard = seesAllQueues(viewer)
    ? sql`true`
    : sql`(${reviewTasks.assigneeId} is null or ${reviewTasks.assigneeId} = ${viewer.id})`;
  return setAssignee(db, viewer, input.taskId, "assign", input.userId, guard, now);
}
