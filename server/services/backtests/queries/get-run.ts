import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import {
  backtestRuns,
  backtestSignOffs,
  datasets,
  user,
  validationCriteria,
  workflows,
  workflowVersions,
} from "../../../db/schema";
import { runNotFound } from "../errors";

const approver = alias(user, "approver");
const starter = alias(user, "starter");

/** Items per second so far and the time left, from the checkpointed progress. */
export function progressOf(run: { processedItems: number; totalItems: number; elapsedSeconds: number }) {
  const rate = run.elapsedSeconds > 0 ? run.processedItems / run.elapsedSeconds : 0;
  const left = Math.max(0, run.totalItems - run.processedItems);
  return {
    processed: run.processedItems,
    total: run.totalItems,
    itemsPerSecond: Math.round(rate),
    etaSeconds: rate > 0 ? Math.ceil(left / rate) : null,
  };
}

/** One run with everything its screen shows: progress, metrics, verdict, criteria, training, sign-off. */
export async function getRun(db: Db, runId: string) {
  const [row] = await db
    .select({
      run: backtestRuns,
      workflowName: workflows.name,
      version: workflowVersions.version,
      published: workflowVersions.published,
      graph: workflowVersions.graph,
      dataset: {
        id: datasets.id,
        name: datasets.name,
        rowCount: datasets.rowCount,
        firstAt: datasets.firstAt,
        lastAt: datasets.lastAt,
      },
      criteria: validationCriteria,
      approverName: approver.name,
      startedByName: starter.name,
      signOff: backtestSignOffs,
    })
    .from(backtestRuns)
    .innerJoin(workflows, eq(workflows.id, backtestRuns.workflowId))
    .innerJoin(workflowVersions, eq(workflowVersions.id, backtestRuns.versionId))
    .innerJoin(datasets, eq(datasets.id, backtestRuns.datasetId))
    .leftJoin(validationCriteria, eq(validationCriteria.id, backtestRuns.criteriaId))
    .leftJoin(approver, eq(approver.id, validationCriteria.approverId))
    .leftJoin(starter, eq(starter.id, backtestRuns.startedBy))
    .leftJoin(backtestSignOffs, eq(backtestSignOffs.runId, backtestRuns.id))
    .where(eq(backtestRuns.id, runId));
  if (!row) throw runNotFound();
  const { run } = row;
  const thresholds = row.graph.nodes
    .filter((n) => typeof (n.config as { threshold?: unknown }).threshold === "number")
    .map((n) => ({
      nodeId: n.id,
      name: n.name ?? n.id,
      type: n.type,
      graphValue: (n.config as { threshold: number }).threshold,
      value: run.thresholdOverrides[n.id] ?? (n.config as { threshold: number }).threshold,
      overridden: run.thresholdOverrides[n.id] !== undefined,
    }));
  return {
    id: run.id,
    number: run.number,
    workflowId: run.workflowId,
    workflowName: row.workflowName,
    versionId: run.versionId,
    version: row.version,
    published: row.published,
    status: run.status,
    error: run.error,
    cancelRequested: run.cancelRequested,
    windowFrom: run.windowFrom,
    windowTo: run.windowTo,
    dataset: row.dataset,
    progress: progressOf(run),
    elapsedSeconds: run.elapsedSeconds,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    startedByName: row.startedByName,
    thresholds,
    trainedModels: run.trainedModels,
    metrics: run.metrics,
    verdict: run.verdict,
    passed: run.passed,
    criteria: row.criteria
      ? {
          id: row.criteria.id,
          version: row.criteria.version,
          minAutoAccuracy: row.criteria.minAutoAccuracy,
          maxEscalationRate: row.criteria.maxEscalationRate,
          minLabelRecall: row.criteria.minLabelRecall,
          approverId: row.criteria.approverId,
          approverName: row.approverName,
        }
      : null,
    signOff: row.signOff
      ? { userName: row.signOff.userName, createdAt: row.signOff.createdAt, note: row.signOff.note }
      : null,
  };
}

export type RunDetail = Awaited<ReturnType<typeof getRun>>;
