import { desc, eq } from "drizzle-orm";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { Db } from "../../db/client";
import { workflowVersions } from "../../db/schema";
import { cachedGraph, rememberGraph } from "../runs/compiled-versions";
import { outcomeOptions, type OutcomeOption } from "./outcome-options";

/** The graph the task's item ran on (or, if that version is gone, the workflow's newest). */
export async function taskGraph(
  db: Db,
  task: { versionId: string | null; workflowId: string },
): Promise<{ id: string; graph: Graph } | null> {
  if (task.versionId) {
    const known = cachedGraph(task.versionId);
    if (known) return { id: task.versionId, graph: known };
    const [row] = await db
      .select({ graph: workflowVersions.graph })
      .from(workflowVersions)
      .where(eq(workflowVersions.id, task.versionId));
    if (row) return { id: task.versionId, graph: rememberGraph(task.versionId, row.graph) };
  }
  const [latest] = await db
    .select({ id: workflowVersions.id, graph: workflowVersions.graph })
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, task.workflowId))
    .orderBy(desc(workflowVersions.version))
    .limit(1);
  return latest ?? null;
}

export async function taskOutcomeOptions(
  db: Db,
  task: { versionId: string | null; workflowId: string },
): Promise<OutcomeOption[]> {
  const version = await taskGraph(db, task);
  return version ? outcomeOptions(version.graph) : [];
}
