import crypto from "node:crypto";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import {
  items,
  reviewEvents,
  reviewTasks,
  type ItemLabel,
  type ReviewAction,
  type ReviewShown,
  type ReviewTaskDecision,
} from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { badDecision, taskConflict } from "./errors";
import { labelFromOutcome } from "./labels";
import { conflictMessage, loadVisibleTask, type LoadedTask } from "./load-task";
import { taskOutcomeOptions } from "./task-graph";
import { recordAudit } from "../audit/record-audit";

export interface DecideInput {
  taskId: string;
  /** The task version the reviewer was shown: the decision only lands if nobody changed it since. */
  expectedVersion: number;
  action: ReviewAction;
  /** For an override: the key of the outcome picked (from the task's options). */
  optionKey?: string;
  comment?: string;
}

export interface DecisionReceipt {
  taskId: string;
  eventId: string;
  version: number;
  action: ReviewAction;
  label: ItemLabel | null;
  decidedAt: Date;
}

/** An undo is accepted this long after the decision. */
export const UNDO_WINDOW_MS = 10_000;

async function labelFor(db: Db, loaded: LoadedTask, input: DecideInput): Promise<ItemLabel | null> {
  const { task } = loaded;
  if (input.action === "send_back") return null;
  if (input.action === "approve") {
    if (!task.suggested)
      throw badDecision("There is no suggested outcome to approve: pick an outcome with Override instead.");
    return labelFromOutcome(task.suggested);
  }
  const options = await taskOutcomeOptions(db, task);
  const picked = options.find((option) => option.key === input.optionKey);
  if (!picked) throw badDecision("Pick one of the outcomes offered for this workflow to override with.");
  return picked.outcome;
}

/**
 * Records a reviewer's decision: a compare-and-set on the task's version (so of two reviewers deciding at
 * once exactly one wins, and the other is told who won), an audit row with what was shown and what was
 * decided, and the decision as the item's label — the ground truth monitoring and backtests use.
 */
export async function decideTask(
  db: Db,
  viewer: Pick<SessionUser, "id" | "role">,
  input: DecideInput,
  now: Date = new Date(),
): Promise<DecisionReceipt> {
  const loaded = await loadVisibleTask(db, viewer, input.taskId);
  const label = await labelFor(db, loaded, input);
  const comment = input.comment?.trim() || undefined;
  const eventId = crypto.randomUUID();
  const decision: ReviewTaskDecision = {
    action: input.action,
    eventId,
    ...(label ? { label } : {}),
    ...(comment ? { comment } : {}),
  };

  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(reviewTasks)
      .set({
        status: input.action === "send_back" ? "sent_back" : "decided",
        version: sql`${reviewTasks.version} + 1`,
        decidedAt: now,
        decidedBy: viewer.id,
        decision,
      })
      .where(
        and(
          eq(reviewTasks.id, input.taskId),
          eq(reviewTasks.version, input.expectedVersion),
          eq(reviewTasks.status, "open"),
          or(isNull(reviewTasks.assigneeId), eq(reviewTasks.assigneeId, viewer.id)),
        ),
      )
      .returning({
        version: reviewTasks.version,
        itemId: reviewTasks.itemId,
        workflowId: reviewTasks.workflowId,
      });
    if (!updated)
      throw taskConflict(
        conflictMessage(await loadVisibleTask(tx as unknown as Db, viewer, input.taskId), viewer.id),
      );

    const [item] = await tx
      .select({ label: items.label, externalId: items.externalId })
      .from(items)
      .where(eq(items.id, updated.itemId))
      .for("update");
    const shown: ReviewShown = {
      reasonType: loaded.task.reasonType,
      reason: loaded.task.reason,
      decisions: loaded.task.decisions,
      ...(loaded.task.suggested ? { suggested: loaded.task.suggested } : {}),
    };
    await tx.insert(reviewEvents).values({
      id: eventId,
      taskId: input.taskId,
      workflowId: updated.workflowId,
      itemExternalId: item?.externalId ?? loaded.externalId,
      actorId: viewer.id,
      action: input.action,
      at: now,
      shown,
      change: label ? { label, previousLabel: item?.label ?? null } : {},
      comment: comment ?? null,
      taskVersion: updated.version,
    });
    await tx
      .update(items)
      .set(
        label
          ? {
              status: "reviewed",
              label,
              labelSource: input.action === "approve" ? "reviewer_approved" : "reviewer_override",
              labeledBy: viewer.id,
              labeledAt: now,
            }
          : { status: "needs_info" },
      )
      .where(eq(items.id, updated.itemId));
    await recordAudit(tx, {
      action: "review.decided",
      actor: { userId: viewer.id },
      target: { type: "review_task", id: input.taskId },
      details: {
        decision: input.action,
        workflowId: updated.workflowId,
        item: item?.externalId ?? loaded.externalId,
        eventId,
      },
    });
    return {
      taskId: input.taskId,
      eventId,
      version: updated.version,
      action: input.action,
      label,
      decidedAt: now,
    };
  });
}

export interface BulkApproveResult {
  approved: DecisionReceipt[];
  failed: { taskId: string; message: string }[];
}

/** Approves each task's suggestion, one compare-and-set each: a task someone else took is reported, not forced. */
export async function bulkApprove(
  db: Db,
  viewer: Pick<SessionUser, "id" | "role">,
  tasks: { taskId: string; expectedVersion: number }[],
  now: Date = new Date(),
): Promise<BulkApproveResult> {
  const result: BulkApproveResult = { approved: [], failed: [] };
  for (const task of tasks) {
    try {
      result.approved.push(await decideTask(db, viewer, { ...task, action: "approve" }, now));
    } catch (error) {
      result.failed.push({
        taskId: task.taskId,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
