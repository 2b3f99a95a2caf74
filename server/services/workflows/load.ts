import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { workflows, workflowTestCases, workflowVersions } from "../../db/schema";
import { versionNotFound, workflowNotFound } from "./errors";

export async function loadWorkflow(db: Db, workflowId: string) {
  const [workflow] = await db.select().from(workflows).where(eq(workflows.id, workflowId));
  if (!workflow) throw workflowNotFound();
  return workflow;
}

export async function loadVersion(db: Db, workflowId: string, versionId?: string) {
  const [version] = await db
    .select()
    .from(workflowVersions)
    .where(
      versionId
        ? and(eq(workflowVersions.workflowId, workflowId), eq(workflowVersions.id, versionId))
        : eq(workflowVersions.workflowId, workflowId),
    )
    .orderBy(desc(workflowVersions.version))
    .limit(1);
  if (!version) throw versionNotFound();
  return version;
}

export async function loadTestCases(db: Db, workflowId: string) {
  return db
    .select()
    .from(workflowTestCases)
    .where(eq(workflowTestCases.workflowId, workflowId))
    .orderBy(workflowTestCases.createdAt, workflowTestCases.id);
}
