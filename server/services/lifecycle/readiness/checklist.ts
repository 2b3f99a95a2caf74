import { eq } from "drizzle-orm";
import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import { deriveWorkflowMap } from "@/lib/workflow-map/derive-workflow-map";
import type { Db } from "../../../db/client";
import { workflowVersions } from "../../../db/schema";
import { currentCriteria } from "../../backtests/criteria";
import { listConnectors } from "../../connectors/manage-connectors";
import { compiledVersion } from "../../runs/compiled-versions";
import { loadTestCases } from "../../workflows/load";
import { runSpecTests } from "../../workflows/run-spec-tests";
import { testCaseFromRow } from "../../workflows/test-case-rows";
import { validateWorkflowGraph } from "../../workflows/validate-workflow-graph";
import { versionBacktestStatus } from "../backtest-status";
import { currentBaseline } from "../../monitoring/baseline/latest-baseline";
import { measureShadow } from "../shadow/measure-shadow";
import {
  newestVersion,
  publishedVersion,
  versionNumbers,
  type VersionRef,
  type WorkflowRow,
} from "../workflow-row";
import { backtestStep, monitoringStep, shadowStep } from "./gate-steps";
import { escalationsStep, integrationsStep, mappedStep, treeStep } from "./graph-steps";
import { nextAction } from "./next-action";
import type { ReadinessStep } from "./types";

/**
 * The version the method is being followed for: the one in shadow, else the published one (the next to
 * validate, or to shadow beside the live one), else the newest draft.
 */
async function candidateVersion(db: Db, workflow: WorkflowRow): Promise<VersionRef | null> {
  if (workflow.shadowVersionId) {
    const numbers = await versionNumbers(db, [workflow.shadowVersionId]);
    const version = numbers.get(workflow.shadowVersionId);
    if (version !== undefined) return { id: workflow.shadowVersionId, version };
  }
  return (await publishedVersion(db, workflow.id)) ?? (await newestVersion(db, workflow.id));
}

/**
 * The readiness checklist: each step of the method with its state, a line saying where it stands and a link
 * to where it is done, then the one next action.
 */
export async function readinessChecklist(db: Db, workflow: WorkflowRow, options: { now?: Date } = {}) {
  const candidate = await candidateVersion(db, workflow);
  const [graphRow] = candidate
    ? await db
        .select({ graph: workflowVersions.graph })
        .from(workflowVersions)
        .where(eq(workflowVersions.id, candidate.id))
    : [];
  const [testCaseRows, connectors, criteria, status] = await Promise.all([
    loadTestCases(db, workflow.id),
    listConnectors(db),
    currentCriteria(db, workflow.id),
    candidate ? versionBacktestStatus(db, candidate.id) : null,
  ]);
  const testCases = testCaseRows.map(testCaseFromRow);
  const steps: ReadinessStep[] = [];
  if (candidate && graphRow) {
    const graph = graphRow.graph;
    const map = deriveWorkflowMap(graph, testCases);
    const validation = await validateWorkflowGraph(db, graph);
    let compiled: CompiledGraph | null = null;
    try {
      compiled = compiledVersion({ id: candidate.id, graph });
    } catch {
      compiled = null;
    }
    const tests = await runSpecTests(graph, testCases);
    steps.push(
      mappedStep(workflow.id, map),
      integrationsStep(workflow.id, map, connectors),
      treeStep(workflow.id, candidate.version, validation, tests),
      escalationsStep(workflow.id, compiled),
    );
  }
  const backtest = backtestStep(workflow.id, criteria, candidate, status);
  steps.push(backtest);

  const shadow =
    workflow.shadowVersionId && workflow.shadowStartedAt
      ? await measureShadow(
          db,
          {
            id: workflow.id,
            shadowVersionId: workflow.shadowVersionId,
            shadowStartedAt: workflow.shadowStartedAt,
            shadowMinDays: workflow.shadowMinDays,
          },
          options,
        )
      : null;
  const [numbers, baseline] = await Promise.all([
    versionNumbers(db, [workflow.liveVersionId, workflow.shadowVersionId]),
    currentBaseline(db, workflow.id),
  ]);
  const shadowSummary = shadow
    ? {
        version: numbers.get(workflow.shadowVersionId!) ?? null,
        readiness: shadow.readiness,
        labelled: shadow.agreement.labelled,
        rate: shadow.agreement.rate,
      }
    : null;
  steps.push(
    shadowStep(workflow.id, {
      stage: workflow.stage,
      backtestDone: backtest.state === "done",
      shadow: shadowSummary,
      live: workflow.liveVersionId
        ? { version: numbers.get(workflow.liveVersionId) ?? null, canaryPercent: workflow.canaryPercent }
        : null,
    }),
    monitoringStep(workflow.id, {
      stage: workflow.stage,
      baseline: baseline
        ? {
            stage: baseline.stage,
            version: baseline.versionId ? (numbers.get(baseline.versionId) ?? null) : null,
            recordedAt: baseline.recordedAt,
            autoAccuracy: baseline.autoAccuracy,
            escalationRate: baseline.escalationRate,
            volumeSource: baseline.volume.source,
            volumeWeeks: baseline.volume.weeks,
          }
        : null,
    }),
  );

  const liveNumber = workflow.liveVersionId ? numbers.get(workflow.liveVersionId) : undefined;
  const newerPublished =
    candidate && !workflow.shadowVersionId && liveNumber !== undefined && candidate.version > liveNumber
      ? { version: candidate.version, signedOff: status?.signedOff != null }
      : null;
  return {
    candidate,
    steps,
    nextAction: nextAction({
      stage: workflow.stage,
      steps,
      shadow: shadowSummary,
      canaryPercent: workflow.canaryPercent,
      newerPublished,
    }),
    readiness: shadow?.readiness ?? null,
  };
}
