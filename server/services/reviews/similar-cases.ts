import { and, desc, eq, isNotNull, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { buildTfIdfIndex } from "@/lib/engine/text/tfidf";
import type { Db } from "../../db/client";
import { items, user } from "../../db/schema";
import type { SessionUser } from "../../trpc";
import { similarityText, shapeOf } from "./item-text";
import { loadVisibleTask } from "./load-task";
import { taskGraph } from "./task-graph";
import { taskTitle } from "./task-title";

const labeler = alias(user, "labeler");
/** The most recent decided items of the workflow are compared; older ones rarely help a reviewer today. */
const CANDIDATES = 400;
const MIN_SCORE = 0.08;

/**
 * The already-decided items of the same workflow most like this task's item (TF-IDF cosine over their
 * text), each with what a person decided: a reviewer's precedent, beside the task.
 */
export async function similarCases(
  db: Db,
  viewer: Pick<SessionUser, "id" | "role">,
  taskId: string,
  limit = 5,
) {
  const { task } = await loadVisibleTask(db, viewer, taskId);
  const [item] = await db.select({ payload: items.payload }).from(items).where(eq(items.id, task.itemId));
  const shape = shapeOf(await taskGraph(db, task));
  const decided = await db
    .select({
      id: items.id,
      externalId: items.externalId,
      payload: items.payload,
      label: items.label,
      labelSource: items.labelSource,
      labeledAt: items.labeledAt,
      labeledBy: labeler.name,
    })
    .from(items)
    .leftJoin(labeler, eq(labeler.id, items.labeledBy))
    .where(and(eq(items.workflowId, task.workflowId), isNotNull(items.label), ne(items.id, task.itemId)))
    .orderBy(desc(items.labeledAt))
    .limit(CANDIDATES);
  if (decided.length === 0 || !item) return [];

  const index = buildTfIdfIndex(decided.map((d) => ({ id: d.id, text: similarityText(d.payload, shape) })));
  const byId = new Map(decided.map((d) => [d.id, d]));
  return index
    .rank(similarityText(item.payload, shape))
    .filter((scored) => scored.score >= MIN_SCORE)
    .slice(0, limit)
    .map((scored) => {
      const d = byId.get(scored.id)!;
      return {
        itemId: d.id,
        externalId: d.externalId,
        title: taskTitle(d.payload, shape?.textField ?? "body", d.externalId),
        label: d.label!,
        labelSource: d.labelSource,
        labeledBy: d.labeledBy,
        labeledAt: d.labeledAt,
        score: scored.score,
      };
    });
}
