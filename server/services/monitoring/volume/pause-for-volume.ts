import type { Db } from "../../../db/client";
import { recordStageEvent } from "../../lifecycle/stage-events";
import { withWorkflowLocked, writeState } from "../../lifecycle/transitions/act";

/** The audit reason's prefix, by which the stage history names the guard as the actor. */
export const VOLUME_GUARD_REASON = "Volume guard:";

/**
 * live → paused by the system, the way the lifecycle's pause does it (the workflow row locked, the stage
 * written, one audit event), with no person as actor. False when the workflow was no longer live.
 */
export async function pauseForVolume(db: Db, workflowId: string, why: string): Promise<boolean> {
  try {
    await withWorkflowLocked(db, workflowId, "pause", async (tx, workflow) => {
      await writeState(tx, workflow.id, { stage: "paused" });
      await recordStageEvent(tx, {
        workflowId: workflow.id,
        kind: "transition",
        fromStage: workflow.stage,
        toStage: "paused",
        versionId: workflow.liveVersionId,
        canaryPercent: null,
        actorId: null,
        reason: `${VOLUME_GUARD_REASON} ${why}`,
      });
    });
    return true;
  } catch {
    // Refused because it is no longer live (a person paused or rolled back meanwhile): nothing to do.
    return false;
  }
}
