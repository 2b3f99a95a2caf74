import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { workflows, workflowTestCases, workflowVersions } from "../../db/schema";

export interface WorkflowSummary {
  id: string;
  name: string;
  description: string;
  updatedAt: Date;
  latestVersion: number | null;
  publishedVersion: number | null;
  latestValid: boolean | null;
  nodeCount: number | null;
  testCaseCount: number;
}

/** The workflow list: each workflow with its newest and its published version. */
export async function listWorkflows(db: Db): Promise<WorkflowSummary[]> {
  const latest = db
    .selectDistinctOn([workflowVersions.workflowId], {
      workflowId: workflowVersions.workflowId,
      version: workflowVersions.version,
      valid: sql<boolean>`(${workflowVersions.validation}->>'ok')::boolean`.as("valid"),
      nodeCount: sql<number>`jsonb_array_length(${workflowVersions.graph}->'nodes')`.as("node_count"),
    })
    .from(workflowVersions)
    .orderBy(workflowVersions.workflowId, desc(workflowVersions.version))
    .as("latest");
  const published = db
    .select({ workflowId: workflowVersions.workflowId, version: workflowVersions.version })
    .from(workflowVersions)
    .where(eq(workflowVersions.published, true))
    .as("published");
  const caseCounts = db
    .select({ workflowId: workflowTestCases.workflowId, count: sql<number>`count(*)::int`.as("count") })
    .from(workflowTestCases)
    .groupBy(workflowTestCases.workflowId)
    .as("case_counts");

  const rows = await db
    .select({
      id: workflows.id,
      name: workflows.name,
      description: workflows.description,
      updatedAt: workflows.updatedAt,
      latestVersion: latest.version,
      latestValid: latest.valid,
      nodeCount: latest.nodeCount,
      publishedVersion: published.version,
      testCaseCount: caseCounts.count,
    })
    .from(workflows)
    .leftJoin(latest, eq(latest.workflowId, workflows.id))
    .leftJoin(published, eq(published.workflowId, workflows.id))
    .leftJoin(caseCounts, eq(caseCounts.workflowId, workflows.id))
    .orderBy(desc(workflows.updatedAt));
  return rows.map((row) => ({ ...row, testCaseCount: row.testCaseCount ?? 0 }));
}
