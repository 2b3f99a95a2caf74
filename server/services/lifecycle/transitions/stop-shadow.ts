import type { Db } from "../../../db/client";
import { recordStageEvent } from "../stage-events";
import { withWorkflowLocked, writeState, type Actor } from "./act";

/** Ends a shadow run without cutting over: shadow → validated, or live keeps its version and drops the shadow one. */
export function stopShadow(db: Db, actor: Actor, input: { workflowId: string; reason?: string }) {
  return withWorkflowLocked(db, input.workflowId, "stopShadow", async (tx, workflow) => {
    const toStage = workflow.stage === "live" ? "live" : "validated";
    await writeState(tx, workflow.id, { stage: toStage, shadowVersionId: null, shadowStartedAt: null });
    await recordStageEvent(tx, {
      workflowId: workflow.id,
      kind: "transition",
      fromStage: workflow.stage,
      toStage,
      versionId: workflow.shadowVersionId,
      canaryPercent: null,
      actorId: actor.id,
      reason: input.reason?.trim() || "Shadow run stopped",
    });
    return { stage: toStage };
  });
}
