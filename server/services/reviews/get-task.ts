import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import {
  items,
  reviewEvents,
  reviewQueues,
  reviewTasks,
  user,
  workflows,
  workflowVersions,
} from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { describePath } from "./describe-path";
import { itemView, shapeOf } from "./item-text";
import { loadVisibleTask } from "./load-task";
import { outcomeOptions } from "./outcome-options";
import { taskGraph } from "./task-graph";

const actor = alias(user, "actor");
const escalatedTo = alias(user, "escalated_to");

/** One task in full: the item, the AI's path with its numbers, the outcomes a reviewer may pick, and its trail. */
export async function getTask(db: Db, viewer: Pick<SessionUser, "id" | "role">, taskId: string) {
  const loaded = await loadVisibleTask(db, viewer, taskId);
  const { task } = loaded;
  const [context] = await db
    .select({
      item: items,
      queue: reviewQueues,
      workflowName: workflows.name,
      versionNumber: workflowVersions.version,
      escalatedTo: escalatedTo.name,
    })
    .from(reviewTasks)
    .innerJoin(items, eq(items.id, reviewTasks.itemId))
    .innerJoin(reviewQueues, eq(reviewQueues.id, reviewTasks.queueId))
    .innerJoin(workflows, eq(workflows.id, reviewTasks.workflowId))
    .leftJoin(workflowVersions, eq(workflowVersions.id, reviewTasks.versionId))
    .leftJoin(escalatedTo, eq(escalatedTo.id, reviewTasks.escalatedToId))
    .where(eq(reviewTasks.id, taskId));
  const { item, queue } = context!;
  const version = await taskGraph(db, task);
  const events = await db
    .select({
      id: reviewEvents.id,
      action: reviewEvents.action,
      at: reviewEvents.at,
      actor: actor.name,
      comment: reviewEvents.comment,
      change: reviewEvents.change,
    })
    .from(reviewEvents)
    .leftJoin(actor, eq(actor.id, reviewEvents.actorId))
    .where(eq(reviewEvents.taskId, taskId))
    .orderBy(asc(reviewEvents.at));

  return {
    task: {
      id: task.id,
      version: task.version,
      status: task.status,
      title: task.title,
      nodeId: task.nodeId,
      reasonType: task.reasonType,
      reason: task.reason,
      suggested: task.suggested,
      suggestedLabel: task.suggestedLabel,
      createdAt: task.createdAt,
      dueAt: task.dueAt,
      slaBreachedAt: task.slaBreachedAt,
      escalatedTo: context!.escalatedTo,
      assigneeId: task.assigneeId,
      assignee: loaded.assigneeName,
      decidedAt: task.decidedAt,
      decidedBy: loaded.decidedByName,
      decidedById: task.decidedBy,
      decision: task.decision,
    },
    queue: { id: queue.id, name: queue.name, team: queue.team, slaMinutes: queue.slaMinutes },
    workflow: { id: task.workflowId, name: context!.workflowName, version: context!.versionNumber },
    item: {
      id: item.id,
      externalId: item.externalId,
      receivedAt: item.receivedAt,
      mode: item.mode,
      label: item.label,
      ...itemView(item.payload, shapeOf(version)),
    },
    path: describePath(item.trace),
    options: version ? outcomeOptions(version.graph) : [],
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      at: e.at,
      actor: e.actor ?? (e.action === "sla_breach" ? "SLA sweep" : "a removed user"),
      comment: e.comment,
      label: e.change?.label ?? null,
    })),
  };
}

export type TaskDetail = Awaited<ReturnType<typeof getTask>>;
