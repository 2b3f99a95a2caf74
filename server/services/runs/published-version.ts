import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { Db } from "../../db/client";
import { workflowVersions } from "../../db/schema";
import { cachedGraph, rememberGraph } from "./compiled-versions";

/**
 * The version items run on: the workflow's published one. Versions are immutable, so the graph (the
 * large part) is read from the database only the first time a process meets the version.
 */
export async function loadPublishedVersion(
  db: Db,
  workflowId: string,
): Promise<{ id: string; version: number; graph: Graph }> {
  const [published] = await db
    .select({ id: workflowVersions.id, version: workflowVersions.version })
    .from(workflowVersions)
    .where(and(eq(workflowVersions.workflowId, workflowId), eq(workflowVersions.published, true)));
  if (!published) {
    throw new TRPCError({
      code: "PRECONDITION_FAILED",
      message: "This workflow has no published version yet: publish one before sending it items.",
    });
  }
  const known = cachedGraph(published.id);
  if (known) return { ...published, graph: known };
  const [row] = await db
    .select({ graph: workflowVersions.graph })
    .from(workflowVersions)
    .where(eq(workflowVersions.id, published.id));
  return { ...published, graph: rememberGraph(published.id, row!.graph) };
}

/** A version by id (items remember the version they were queued for), read once per process. */
export async function loadVersionById(db: Db, versionId: string): Promise<{ id: string; graph: Graph }> {
  const known = cachedGraph(versionId);
  if (known) return { id: versionId, graph: known };
  const [row] = await db
    .select({ graph: workflowVersions.graph })
    .from(workflowVersions)
    .where(eq(workflowVersions.id, versionId));
  if (!row) throw new Error(`Workflow version ${versionId} no longer exists.`);
  return { id: versionId, graph: rememberGraph(versionId, row.graph) };
}
