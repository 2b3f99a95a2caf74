import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { items, reviewTasks, user } from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { taskNotFound } from "./errors";
import { visibleTasksWhere } from "./visibility";

const decider = alias(user, "decider");
const holder = alias(user, "holder");

/** The task with the names a conflict message needs, if the viewer may see it (else NOT_FOUND). */
export async function loadVisibleTask(db: Db, viewer: Pick<SessionUser, "id" | "role">, taskId: string) {
  const [row] = await db
    .select({
      task: reviewTasks,
      externalId: items.externalId,
      itemLabel: items.label,
      decidedByName: decider.name,
      assigneeName: holder.name,
    })
    .from(reviewTasks)
    .innerJoin(items, eq(items.id, reviewTasks.itemId))
    .leftJoin(decider, eq(decider.id, reviewTasks.decidedBy))
    .leftJoin(holder, eq(holder.id, reviewTasks.assigneeId))
    .where(and(eq(reviewTasks.id, taskId), await visibleTasksWhere(db, viewer)));
  if (!row) throw taskNotFound();
  return row;
}

export type LoadedTask = Awaited<ReturnType<typeof loadVisibleTask>>;

function clock(date: Date | null): string {
  return date ? `${date.toISOString().slice(11, 16)} UTC` : "earlier";
}

/**
 * Why a compare-and-set on the task failed, as the person who lost reads it: who got there first, and
 * what they did.
 */
export function conflictMessage(current: LoadedTask, viewerId: string): string {
  const { task } = current;
  const who = task.decidedBy === viewerId ? "you" : (current.decidedByName ?? "another reviewer");
  if (task.status === "decided") {
    const what = task.decision?.label
      ? ` (${task.decision.action === "approve" ? "approved" : "overridden"}: ${task.decision.label.label})`
      : "";
    return `Already decided by ${who} at ${clock(task.decidedAt)}${what}.`;
  }
  if (task.status === "sent_back") return `Already sent back by ${who} at ${clock(task.decidedAt)}.`;
  if (task.assigneeId && task.assigneeId !== viewerId) {
    return `Claimed by ${current.assigneeName ?? "another reviewer"}: only they can decide it until they release it.`;
  }
  return "This task changed since you opened it (it was claimed, released or undone): look at it again, then decide.";
}
