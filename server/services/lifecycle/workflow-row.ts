import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { workflows, workflowVersions } from "../../db/schema";
import { versionNotFound, workflowNotFound } from "../workflows/errors";

export type WorkflowRow = typeof workflows.$inferSelect;
export interface VersionRef {
  id: string;
  version: number;
}

/** The workflow row, locked until the transaction ends: two lifecycle acts on one workflow never interleave. */
export async function lockWorkflow(tx: Db, workflowId: string): Promise<WorkflowRow> {
  const [row] = await tx.select().from(workflows).where(eq(workflows.id, workflowId)).for("update");
  if (!row) throw workflowNotFound();
  return row;
}

export async function publishedVersion(db: Db, workflowId: string): Promise<VersionRef | null> {
  const [row] = await db
    .select({ id: workflowVersions.id, version: workflowVersions.version })
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, workflowId), eq(workflowVersions.published, true)));
  return row ?? null;
}

export async function newestVersion(db: Db, workflowId: string): Promise<VersionRef | null> {
  const [row] = await db
    .select({ id: workflowVersions.id, version: workflowVersions.version })
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, workflowId))
    .orderBy(desc(workflowVersions.version))
    .limit(1);
  return row ?? null;
}

/** One version of this workflow, by id; refused when it belongs to another workflow. */
export async function versionOf(db: Db, workflowId: string, versionId: string): Promise<VersionRef> {
  const [row] = await db
    .select({ id: workflowVersions.id, version: workflowVersions.version })
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, workflowId), eq(workflowVersions.id, versionId)));
  if (!row) throw versionNotFound();
  return row;
}

/** Version numbers by id, for the versions a workflow row names. */
export async function versionNumbers(db: Db, ids: readonly (string | null)[]): Promise<Map<string, number>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: workflowVersions.id, version: workflowVersions.version })
    .from(workflowVersions)
    .where(inArray(workflowVersions.id, wanted));
  return new Map(rows.map((r) => [r.id, r.version]));
}
