import { and, count, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { items, workflows } from "../../db/schema";
import { textFieldsOf } from "../items/item-shapes";
import { taskTitle } from "../reviews/task-title";

export interface DeadLetter {
  itemId: string;
  workflowId: string;
  workflowName: string;
  externalId: string;
  mode: "live" | "shadow";
  /** A line to recognise the item by: its subject, or the start of its text. */
  title: string;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
}

/** A list an admin reads and acts on, not an export: the most recent first, this many at most. */
export const DEAD_LETTER_PAGE = 500;

/** Items whose runs kept failing with an error of ours, newest first. */
export async function listDeadLetters(db: Db, filter: { workflowId?: string } = {}): Promise<DeadLetter[]> {
  const rows = await db
    .select({
      itemId: items.id,
      workflowId: items.workflowId,
      workflowName: workflows.name,
      versionId: items.versionId,
      externalId: items.externalId,
      mode: items.mode,
      payload: items.payload,
      attempts: items.attempts,
      lastError: items.lastError,
      receivedAt: items.receivedAt,
    })
    .from(items)
    .innerJoin(workflows, eq(workflows.id, items.workflowId))
    .where(
      and(
        eq(items.status, "dead_letter"),
        filter.workflowId ? eq(items.workflowId, filter.workflowId) : undefined,
      ),
    )
    .orderBy(desc(items.receivedAt), desc(items.id))
    .limit(DEAD_LETTER_PAGE);

  const textFields = await textFieldsOf(
    db,
    rows.map((r) => r.versionId),
  );
  return rows.map(({ versionId, payload, ...row }) => ({
    ...row,
    title: taskTitle(payload, (versionId && textFields.get(versionId)) || "text", row.externalId),
  }));
}

export async function countDeadLetters(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(items).where(eq(items.status, "dead_letter"));
  return row?.n ?? 0;
}
