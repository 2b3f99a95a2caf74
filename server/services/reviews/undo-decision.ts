import crypto from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { items, reviewEvents, reviewTasks } from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { badDecision, taskConflict } from "./errors";
import { UNDO_WINDOW_MS } from "./decide-task";
import { recordAudit } from "../audit/record-audit";

/** Allowance for the round trip: the UI offers undo for UNDO_WINDOW_MS, the server accepts a little longer. */
const NETWORK_GRACE_MS = 2_000;

/**
 * Takes back the viewer's own decision within the undo window: the task reopens (held by the viewer, so
 * nobody grabs it meanwhile), the item's previous label is restored, and an `undo` row joins the trail —
 * the decision's row itself is never changed. A compare-and-set on the version the decision left makes
 * sure nothing happened to the task since.
 */
export async function undoDecision(
  db: Db,
  viewer: Pick<SessionUser, "id">,
  input: { eventId: string },
  now: Date = new Date(),
) {
  const [event] = await db
    .select()
    .from(reviewEvents)
    .where(
      and(
        eq(reviewEvents.id, input.eventId),
        eq(reviewEvents.actorId, viewer.id),
        inArray(reviewEvents.action, ["approve", "override", "send_back"]),
      ),
    );
  if (!event || !event.taskId)
    throw badDecision("That decision is not yours to undo, or it no longer exists.");
  if (now.getTime() - event.at.getTime() > UNDO_WINDOW_MS + NETWORK_GRACE_MS) {
    throw badDecision("Too late to undo: a decision can be taken back within 10 seconds.");
  }
  const taskId = event.taskId;
  return db.transaction(async (tx) => {
    const [task] = await tx
      .update(reviewTasks)
      .set({
        status: "open",
        decidedAt: null,
        decidedBy: null,
        decision: null,
        assigneeId: viewer.id,
        assignedAt: now,
        version: sql`${reviewTasks.version} + 1`,
      })
      .where(and(eq(reviewTasks.id, taskId), eq(reviewTasks.version, event.taskVersion)))
      .returning({ version: reviewTasks.version, itemId: reviewTasks.itemId });
    if (!task) throw taskConflict("That decision can no longer be undone: the task changed after it.");
    const previous = event.change?.previousLabel ?? null;
    await tx
      .update(items)
      .set(
        previous
          ? { status: "awaiting_review", label: previous }
          : { status: "awaiting_review", label: null, labelSource: null, labeledBy: null, labeledAt: null },
      )
      .where(eq(items.id, task.itemId));
    await tx.insert(reviewEvents).values({
      id: crypto.randomUUID(),
      taskId,
      workflowId: event.workflowId,
      itemExternalId: event.itemExternalId,
      actorId: viewer.id,
      action: "undo",
      at: now,
      change: { previousLabel: event.change?.label ?? null, assigneeId: viewer.id },
      taskVersion: task.version,
      undoes: event.id,
    });
    await recordAudit(tx, {
      action: "review.undone",
      actor: { userId: viewer.id },
      target: { type: "review_task", id: taskId },
      details: { workflowId: event.workflowId, item: event.itemExternalId, undoes: event.id },
    });
    return { taskId, version: task.version };
  });
}
