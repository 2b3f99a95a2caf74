import { and, desc, eq, inArray } from "drizzle-orm";
import { compileGraph } from "@/lib/engine/compile/compile-graph";
import type { Db } from "../../db/client";
import { backtestRuns, datasets, user, workflows, workflowVersions } from "../../db/schema";
import { findEmbeddedNodes } from "../models/embedded-nodes";
import { loadVersion, loadWorkflow } from "../workflows/load";
import { criteriaHistory } from "./criteria";
import { listRuns } from "./queries/list-runs";

/** The backtest screen of one workflow: versions, ready datasets, criteria (with history), runs, approvers. */
export async function backtestScreen(db: Db, workflowId: string) {
  const workflow = await loadWorkflow(db, workflowId);
  const [versions, readyDatasets, criteria, runs, approvers] = await Promise.all([
    db
      .select({
        id: workflowVersions.id,
        version: workflowVersions.version,
        published: workflowVersions.published,
        note: workflowVersions.note,
        createdAt: workflowVersions.createdAt,
      })
      .from(workflowVersions)
      .where(eq(workflowVersions.workflowId, workflowId))
      .orderBy(desc(workflowVersions.version)),
    db
      .select({
        id: datasets.id,
        name: datasets.name,
        rowCount: datasets.rowCount,
        firstAt: datasets.firstAt,
        lastAt: datasets.lastAt,
        createdAt: datasets.createdAt,
      })
      .from(datasets)
      .where(eq(datasets.status, "ready"))
      .orderBy(desc(datasets.createdAt)),
    criteriaHistory(db, workflowId),
    listRuns(db, workflowId),
    db
      .select({ id: user.id, name: user.name, role: user.role })
      .from(user)
      .where(inArray(user.role, ["admin", "owner"]))
      .orderBy(user.name),
  ]);
  return {
    workflow: { id: workflow.id, name: workflow.name },
    versions,
    datasets: readyDatasets,
    criteria,
    runs,
    approvers,
  };
}

/** What the new-run form needs of one version: its thresholds, the connector reads it makes, its embedded models. */
export async function versionRunInfo(db: Db, workflowId: string, versionId: string) {
  const version = await loadVersion(db, workflowId, versionId);
  const reads = new Set<string>();
  for (const node of version.graph.nodes) {
    const c = node.config as { connectorId?: unknown; operation?: unknown; kind?: unknown };
    if (
      node.type === "connector" &&
      c.kind === "read" &&
      typeof c.connectorId === "string" &&
      typeof c.operation === "string"
    ) {
      reads.add(`${c.connectorId}.${c.operation}`);
    }
  }
  let compileError: string | null = null;
  let embeddedModels: string[] = [];
  let triggerFields: string[] = [];
  try {
    const compiled = compileGraph(version.graph);
    embeddedModels = [...new Set(findEmbeddedNodes(compiled).map((n) => n.modelKey))];
    triggerFields = compiled.itemShape.fields.map((f) => f.name);
  } catch (error) {
    compileError = error instanceof Error ? error.message.split("\n")[0]! : String(error);
  }
  const thresholds = version.graph.nodes
    .filter((n) => typeof (n.config as { threshold?: unknown }).threshold === "number")
    .map((n) => ({
      nodeId: n.id,
      name: n.name ?? n.id,
      type: n.type,
      value: (n.config as { threshold: number }).threshold,
    }));
  return {
    versionId: version.id,
    version: version.version,
    thresholds,
    connectorReads: [...reads].sort(),
    embeddedModels,
    triggerFields,
    compileError,
  };
}

/** Workflows with their latest run, for the backtests index. */
export async function backtestIndex(db: Db) {
  const list = await db
    .select({ id: workflows.id, name: workflows.name, description: workflows.description })
    .from(workflows)
    .orderBy(workflows.name);
  const latest = list.length
    ? await db
        .selectDistinctOn([backtestRuns.workflowId], {
          workflowId: backtestRuns.workflowId,
          number: backtestRuns.number,
          status: backtestRuns.status,
          passed: backtestRuns.passed,
          createdAt: backtestRuns.createdAt,
        })
        .from(backtestRuns)
        .where(
          and(
            inArray(
              backtestRuns.workflowId,
              list.map((w) => w.id),
            ),
          ),
        )
        .orderBy(backtestRuns.workflowId, desc(backtestRuns.number))
    : [];
  return list.map((w) => ({ ...w, latestRun: latest.find((r) => r.workflowId === w.id) ?? null }));
}
