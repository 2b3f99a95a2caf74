import type { Db } from "../../../db/client";
import { planRollback } from "../rollback-plan";
import { lastPercentOf, recordStageEvent } from "../stage-events";
import { versionNumbers } from "../workflow-row";
import { requireReason, withWorkflowLocked, writeState, type ActOptions, type Actor } from "./act";

/**
 * One action back to the previous live version (the version rolled back from returns to shadow), or back
 * to shadow when no version was live before. Works from live and from paused; the stage is kept.
 */
export async function rollBack(
  db: Db,
  actor: Actor,
  input: { workflowId: string; reason?: string },
  options: ActOptions = {},
) {
  const reason = requireReason(input.reason, "roll back");
  return withWorkflowLocked(db, input.workflowId, "rollback", async (tx, workflow) => {
    const previousVersionPercent = workflow.previousLiveVersionId
      ? await lastPercentOf(tx, workflow.id, workflow.previousLiveVersionId)
      : null;
    const plan = planRollback(workflow, { now: options.now ?? new Date(), previousVersionPercent });
    await writeState(tx, workflow.id, plan.next);
    const numbers = await versionNumbers(tx, [workflow.liveVersionId, plan.next.liveVersionId]);
    const from = workflow.liveVersionId ? numbers.get(workflow.liveVersionId) : undefined;
    const to = plan.next.liveVersionId ? numbers.get(plan.next.liveVersionId) : undefined;
    await recordStageEvent(tx, {
      workflowId: workflow.id,
      kind: "rollback",
      fromStage: workflow.stage,
      toStage: plan.next.stage,
      versionId: plan.next.liveVersionId ?? plan.next.shadowVersionId,
      canaryPercent: plan.next.stage === "live" ? plan.next.canaryPercent : null,
      actorId: actor.id,
      reason: `${plan.kind === "version" ? `Version ${from ?? "?"} → version ${to ?? "?"}` : `Version ${from ?? "?"} back to shadow`}. ${reason}`,
    });
    return { stage: plan.next.stage, kind: plan.kind, liveVersionId: plan.next.liveVersionId };
  });
}
