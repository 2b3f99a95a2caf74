import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { thresholdChanges, user, workflows, workflowVersions } from "../../db/schema";
import { loadWorkflow } from "../workflows/load";
import { compiledVersion } from "../runs/compiled-versions";
import { thresholdsInForce } from "./thresholds-in-force";
import { latestWhatIfCurves } from "./what-if";

const changer = alias(user, "changer");

/** Every workflow with its published version and how many of its thresholds an admin overrode. */
export async function listThresholdWorkflows(db: Db) {
  const rows = await db
    .select({
      id: workflows.id,
      name: workflows.name,
      description: workflows.description,
      publishedVersionId: workflowVersions.id,
      publishedVersion: workflowVersions.version,
      graph: workflowVersions.graph,
      overrides: sql<number>`(select count(*)::int from "threshold_overrides" o where o."workflow_id" = "workflows"."id")`,
    })
    .from(workflows)
    .leftJoin(
      workflowVersions,
      sql`${workflowVersions.workflowId} = ${workflows.id} and ${workflowVersions.published}`,
    )
    .orderBy(workflows.name);
  return rows.map(({ graph, publishedVersionId, ...row }) => ({
    ...row,
    thresholdCount:
      graph && publishedVersionId ? thresholdedNodes({ id: publishedVersionId, graph }).length : 0,
  }));
}

function thresholdedNodes(version: { id: string; graph: Parameters<typeof compiledVersion>[0]["graph"] }) {
  const compiled = compiledVersion(version);
  return compiled.nodes
    .filter((node) => compiled.thresholds.has(node.id))
    .map((node) => ({
      nodeId: node.id,
      name: node.name ?? node.id,
      type: node.type,
      graphValue: compiled.thresholds.get(node.id)!,
    }));
}

/**
 * The thresholds page of one workflow: each thresholded node of the published version with the graph's
 * value, the value in force (and who set it), the what-if curve when a backtest has one, and the history.
 */
export async function workflowThresholds(db: Db, workflowId: string) {
  const workflow = await loadWorkflow(db, workflowId);
  const [published] = await db
    .select({
      id: workflowVersions.id,
      version: workflowVersions.version,
      graph: workflowVersions.graph,
      publishedAt: workflowVersions.publishedAt,
    })
    .from(workflowVersions)
    .where(sql`${workflowVersions.workflowId} = ${workflowId} and ${workflowVersions.published}`);
  const inForce = await thresholdsInForce(db, workflowId);
  const whatIf = published ? await latestWhatIfCurves(db, workflowId) : {};
  const nodes = published
    ? thresholdedNodes(published).map((node) => ({
        ...node,
        override: inForce[node.nodeId] ?? null,
        valueInForce: inForce[node.nodeId]?.value ?? node.graphValue,
        whatIf: whatIf[node.nodeId] ?? null,
      }))
    : [];
  const history = await db
    .select({
      id: thresholdChanges.id,
      nodeId: thresholdChanges.nodeId,
      graphValue: thresholdChanges.graphValue,
      oldValue: thresholdChanges.oldValue,
      newValue: thresholdChanges.newValue,
      reason: thresholdChanges.reason,
      changedBy: changer.name,
      changedAt: thresholdChanges.changedAt,
    })
    .from(thresholdChanges)
    .leftJoin(changer, eq(changer.id, thresholdChanges.changedBy))
    .where(eq(thresholdChanges.workflowId, workflowId))
    .orderBy(desc(thresholdChanges.changedAt))
    .limit(100);
  return {
    workflow: { id: workflow.id, name: workflow.name },
    published: published
      ? { id: published.id, version: published.version, publishedAt: published.publishedAt }
      : null,
    nodes,
    history,
  };
}
