import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "../../db/client";
import { items, type ItemLabel } from "../../db/schema";
import type { reportedOutcomeSchema } from "./api-schemas";
import { IngestError } from "./errors";

export type ReportedOutcome = z.infer<typeof reportedOutcomeSchema>;

export function labelOf(reported: ReportedOutcome): ItemLabel {
  switch (reported.type) {
    case "route":
      return { type: "route", label: reported.team, team: reported.team, queue: reported.queue };
    case "resolve":
      return { type: "resolve", label: reported.resolution, resolution: reported.resolution };
    case "end":
      return { type: "end", label: "end" };
  }
}

/**
 * Records what the human process decided for an item, on its live and shadow runs alike (shadow agreement
 * and live accuracy are measured against it). A reviewer's decision in the inbox already is the truth for
 * a live item and is not overwritten.
 */
export async function reportOutcome(
  db: Db,
  input: { itemId: string; apiKeyWorkflowId: string | null; reported: ReportedOutcome },
): Promise<{ label: ItemLabel; updated: number }> {
  const [item] = await db
    .select({ workflowId: items.workflowId, externalId: items.externalId })
    .from(items)
    .where(eq(items.id, input.itemId));
  if (!item || (input.apiKeyWorkflowId && input.apiKeyWorkflowId !== item.workflowId)) {
    throw new IngestError(404, "item_not_found", "There is no item with this id.");
  }
  const label = labelOf(input.reported);
  const updated = await db
    .update(items)
    .set({ label, labelSource: "reported", labeledBy: null, labeledAt: new Date() })
    .where(
      and(
        eq(items.workflowId, item.workflowId),
        eq(items.externalId, item.externalId),
        or(isNull(items.labelSource), inArray(items.labelSource, ["reported", "imported"])),
      ),
    )
    .returning({ id: items.id });
  return { label, updated: updated.length };
}
