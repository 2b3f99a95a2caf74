import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { reviewEvents, reviewTasks, workflows } from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { UNDO_WINDOW_MS } from "./decide-task";

const undo = alias(reviewEvents, "undo");

/** The viewer's own decisions, newest first, with whether each was undone and whether it still can be. */
export async function myDecisions(
  db: Db,
  viewer: Pick<SessionUser, "id">,
  options: { limit?: number } = {},
  now: Date = new Date(),
) {
  const rows = await db
    .select({
      id: reviewEvents.id,
      action: reviewEvents.action,
      at: reviewEvents.at,
      comment: reviewEvents.comment,
      change: reviewEvents.change,
      shown: reviewEvents.shown,
      itemExternalId: reviewEvents.itemExternalId,
      taskId: reviewEvents.taskId,
      title: reviewTasks.title,
      workflow: workflows.name,
      currentDecision: reviewTasks.decision,
    })
    .from(reviewEvents)
    .leftJoin(reviewTasks, eq(reviewTasks.id, reviewEvents.taskId))
    .leftJoin(workflows, eq(workflows.id, reviewEvents.workflowId))
    .where(
      and(
        eq(reviewEvents.actorId, viewer.id),
        inArray(reviewEvents.action, ["approve", "override", "send_back"]),
      ),
    )
    .orderBy(desc(reviewEvents.at))
    .limit(options.limit ?? 50);
  const undone = new Set(
    rows.length === 0
      ? []
      : (
          await db
            .select({ undoes: undo.undoes })
            .from(undo)
            .where(
              and(
                eq(undo.action, "undo"),
                isNotNull(undo.undoes),
                inArray(
                  undo.undoes,
                  rows.map((r) => r.id),
                ),
              ),
            )
        ).map((r) => r.undoes),
  );
  return rows.map(({ currentDecision, change, shown, ...row }) => ({
    ...row,
    label: change?.label ?? null,
    suggested: shown?.suggested ?? null,
    reason: shown?.reason ?? null,
    undone: undone.has(row.id),
    undoableUntil:
      !undone.has(row.id) &&
      currentDecision?.eventId === row.id &&
      now.getTime() - row.at.getTime() < UNDO_WINDOW_MS
        ? new Date(row.at.getTime() + UNDO_WINDOW_MS)
        : null,
  }));
}
