import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { monitoringBaselines, workflows } from "../../../db/schema";

export type BaselineRow = typeof monitoringBaselines.$inferSelect;

/** The baseline in force for a version: the newest one recorded for it. */
export async function baselineForVersion(
  db: Db,
  workflowId: string,
  versionId: string,
): Promise<BaselineRow | null> {
  const [row] = await db
    .select()
    .from(monitoringBaselines)
    .where(and(eq(monitoringBaselines.workflowId, workflowId), eq(monitoringBaselines.versionId, versionId)))
    .orderBy(desc(monitoringBaselines.recordedAt))
    .limit(1);
  return row ?? null;
}

/**
 * The baseline monitored figures stand beside: the live version's when one is live (or paused), else the
 * shadow version's; null before either stage was entered.
 */
export async function currentBaseline(db: Db, workflowId: string): Promise<BaselineRow | null> {
  const [workflow] = await db
    .select({ liveVersionId: workflows.liveVersionId, shadowVersionId: workflows.shadowVersionId })
    .from(workflows)
    .where(eq(workflows.id, workflowId));
  const versionId = workflow?.liveVersionId ?? workflow?.shadowVersionId;
  return versionId ? baselineForVersion(db, workflowId, versionId) : null;
}
