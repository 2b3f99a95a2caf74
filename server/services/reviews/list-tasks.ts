import { and, asc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { EscalationReasonType } from "@/lib/engine/graph/test-case-schema";
import type { Db } from "../../db/client";
import { items, reviewQueues, reviewTasks, user, workflows } from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { visibleTasksWhere } from "./visibility";

/** `label`: a suggested label, or one of these two. */
export const WITH_SUGGESTION = "(with a suggestion)";
export const WITHOUT_SUGGESTION = "(no suggestion)";

export interface InboxFilters {
  workflowId?: string;
  reasonType?: EscalationReasonType;
  label?: string;
}

const assignee = alias(user, "assignee");
const escalatedTo = alias(user, "escalated_to");
const LIST_LIMIT = 500;

function labelWhere(label: string | undefined): SQL | undefined {
  if (label === undefined) return undefined;
  if (label === WITH_SUGGESTION) return isNotNull(reviewTasks.suggestedLabel);
  if (label === WITHOUT_SUGGESTION) return isNull(reviewTasks.suggestedLabel);
  return eq(reviewTasks.suggestedLabel, label);
}

/**
 * The open tasks the viewer may work, soonest due first, with counts per reason type and the filter
 * choices. Reads only: overdue tasks are flagged and re-escalated by the workers' SLA sweeper.
 */
export async function listInbox(
  db: Db,
  viewer: Pick<SessionUser, "id" | "role">,
  filters: InboxFilters = {},
  now: Date = new Date(),
) {
  const visible = and(eq(reviewTasks.status, "open"), await visibleTasksWhere(db, viewer))!;
  const byWorkflow = filters.workflowId ? eq(reviewTasks.workflowId, filters.workflowId) : undefined;
  const byReason = filters.reasonType ? eq(reviewTasks.reasonType, filters.reasonType) : undefined;
  const byLabel = labelWhere(filters.label);

  const tasks = await db
    .select({
      id: reviewTasks.id,
      version: reviewTasks.version,
      title: reviewTasks.title,
      reasonType: reviewTasks.reasonType,
      reason: reviewTasks.reason,
      suggested: reviewTasks.suggested,
      suggestedLabel: reviewTasks.suggestedLabel,
      createdAt: reviewTasks.createdAt,
      dueAt: reviewTasks.dueAt,
      slaBreachedAt: reviewTasks.slaBreachedAt,
      escalatedTo: escalatedTo.name,
      assigneeId: reviewTasks.assigneeId,
      assignee: assignee.name,
      queue: reviewQueues.name,
      workflowId: reviewTasks.workflowId,
      workflow: workflows.name,
      externalId: items.externalId,
    })
    .from(reviewTasks)
    .innerJoin(items, eq(items.id, reviewTasks.itemId))
    .innerJoin(workflows, eq(workflows.id, reviewTasks.workflowId))
    .innerJoin(reviewQueues, eq(reviewQueues.id, reviewTasks.queueId))
    .leftJoin(assignee, eq(assignee.id, reviewTasks.assigneeId))
    .leftJoin(escalatedTo, eq(escalatedTo.id, reviewTasks.escalatedToId))
    .where(and(visible, byWorkflow, byReason, byLabel))
    .orderBy(asc(reviewTasks.dueAt), asc(reviewTasks.id))
    .limit(LIST_LIMIT);

  const reasonCounts = await db
    .select({ reasonType: reviewTasks.reasonType, count: sql<number>`count(*)::int` })
    .from(reviewTasks)
    .where(and(visible, byWorkflow, byLabel))
    .groupBy(reviewTasks.reasonType);
  const labels = await db
    .selectDistinct({ label: reviewTasks.suggestedLabel })
    .from(reviewTasks)
    .where(and(visible, byWorkflow, isNotNull(reviewTasks.suggestedLabel)));
  const workflowChoices = await db
    .selectDistinct({ id: workflows.id, name: workflows.name })
    .from(reviewTasks)
    .innerJoin(workflows, eq(workflows.id, reviewTasks.workflowId))
    .where(visible);

  return {
    now,
    tasks,
    truncated: tasks.length === LIST_LIMIT,
    counts: Object.fromEntries(reasonCounts.map((r) => [r.reasonType, r.count])) as Partial<
      Record<EscalationReasonType, number>
    >,
    labels: labels.map((l) => l.label!).sort(),
    workflows: workflowChoices.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

export type InboxList = Awaited<ReturnType<typeof listInbox>>;
export type InboxTask = InboxList["tasks"][number];
