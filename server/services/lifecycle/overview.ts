import type { Db } from "../../db/client";
import { loadWorkflow } from "../workflows/load";
import { CANARY_STEPS } from "./constants";
import { readinessChecklist } from "./readiness/checklist";
import { latestStageEvent } from "./stage-events";
import { legalActs } from "./stages";
import { publishedVersion, versionNumbers } from "./workflow-row";

/**
 * Everything the workflow's Overview shows at the top: the stage and its versions, the acts allowed now,
 * the readiness checklist with the next action, and — when the last act was the canary guard's rollback —
 * what it did and why.
 */
export async function lifecycleOverview(db: Db, workflowId: string, options: { now?: Date } = {}) {
  const workflow = await loadWorkflow(db, workflowId);
  const [published, latest, checklist] = await Promise.all([
    publishedVersion(db, workflowId),
    latestStageEvent(db, workflowId),
    readinessChecklist(db, workflow, options),
  ]);
  const numbers = await versionNumbers(db, [
    workflow.liveVersionId,
    workflow.previousLiveVersionId,
    workflow.shadowVersionId,
  ]);
  const ref = (id: string | null) => (id ? { id, version: numbers.get(id) ?? null } : null);
  return {
    workflow: { id: workflow.id, name: workflow.name },
    stage: workflow.stage,
    canaryPercent: workflow.canaryPercent,
    canarySteps: CANARY_STEPS,
    shadowMinDays: workflow.shadowMinDays,
    shadowStartedAt: workflow.shadowStartedAt,
    versions: {
      live: ref(workflow.liveVersionId),
      previousLive: ref(workflow.previousLiveVersionId),
      shadow: ref(workflow.shadowVersionId),
      published,
      candidate: checklist.candidate,
    },
    legalActs: legalActs(workflow),
    steps: checklist.steps,
    nextAction: checklist.nextAction,
    readiness: checklist.readiness,
    autoRollback:
      latest?.kind === "auto_rollback"
        ? { at: latest.at, reason: latest.reason, toStage: latest.toStage }
        : null,
  };
}
