import type { Db } from "../../../db/client";
import { recordStageEvent } from "../stage-events";
import { requireReason, withWorkflowLocked, writeState, type Actor } from "./act";

/** live → paused: every item runs in shadow on the live version (no side effects) until it resumes. */
export async function pauseLive(db: Db, actor: Actor, input: { workflowId: string; reason?: string }) {
  const reason = requireReason(input.reason, "pause the live workflow");
  return withWorkflowLocked(db, input.workflowId, "pause", async (tx, workflow) => {
    await writeState(tx, workflow.id, { stage: "paused" });
    await recordStageEvent(tx, {
      workflowId: workflow.id,
      kind: "transition",
      fromStage: "live",
      toStage: "paused",
      versionId: workflow.liveVersionId,
      canaryPercent: null,
      actorId: actor.id,
      reason,
    });
    return { stage: "paused" as const };
  });
}

/** paused → live, at the canary percentage it had. */
export async function resumeLive(db: Db, actor: Actor, input: { workflowId: string; reason?: string }) {
  return withWorkflowLocked(db, input.workflowId, "resume", async (tx, workflow) => {
    await writeState(tx, workflow.id, { stage: "live" });
    await recordStageEvent(tx, {
      workflowId: workflow.id,
      kind: "transition",
      fromStage: "paused",
      toStage: "live",
      versionId: workflow.liveVersionId,
      canaryPercent: workflow.canaryPercent,
      actorId: actor.id,
      reason: input.reason?.trim() || "Resumed",
    });
    return { stage: "live" as const };
  });
}
