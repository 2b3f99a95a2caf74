import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { thresholdOverrides, user } from "../../db/schema";

export interface ThresholdOverrideInForce {
  value: number;
  /** The admin's name (null if their account was removed). */
  setBy: string | null;
  setById: string | null;
  setAt: Date;
  reason: string;
}

/**
 * The admin overrides in force for a workflow, by node id. A thresholded node that is absent runs with
 * its published graph's own value. (For the editor: show these beside the graph's values.)
 */
export async function thresholdsInForce(
  db: Db,
  workflowId: string,
): Promise<Record<string, ThresholdOverrideInForce>> {
  const rows = await db
    .select({
      nodeId: thresholdOverrides.nodeId,
      value: thresholdOverrides.value,
      setById: thresholdOverrides.setBy,
      setBy: user.name,
      setAt: thresholdOverrides.setAt,
      reason: thresholdOverrides.reason,
    })
    .from(thresholdOverrides)
    .leftJoin(user, eq(user.id, thresholdOverrides.setBy))
    .where(eq(thresholdOverrides.workflowId, workflowId));
  return Object.fromEntries(rows.map(({ nodeId, ...rest }) => [nodeId, rest]));
}

/**
 * The overrides a run applies: only for nodes that have a threshold in the graph being run (an override
 * left from an older version whose node is gone is ignored, not an error). Undefined when there are none.
 */
export async function overridesForRun(
  db: Db,
  workflowId: string,
  thresholdedNodes: ReadonlyMap<string, number>,
): Promise<Record<string, number> | undefined> {
  const rows = await db
    .select({ nodeId: thresholdOverrides.nodeId, value: thresholdOverrides.value })
    .from(thresholdOverrides)
    .where(eq(thresholdOverrides.workflowId, workflowId));
  const applicable = rows.filter((row) => thresholdedNodes.has(row.nodeId));
  return applicable.length === 0
    ? undefined
    : Object.fromEntries(applicable.map((row) => [row.nodeId, row.value]));
}
