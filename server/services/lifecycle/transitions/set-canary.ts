import { TRPCError } from "@trpc/server";
import type { Db } from "../../../db/client";
import { recordStageEvent } from "../stage-events";
import { withWorkflowLocked, writeState, type Actor } from "./act";

/** Changes the share of items the live version acts on (by a stable hash of the item id). */
export async function setCanaryPercent(
  db: Db,
  actor: Actor,
  input: { workflowId: string; percent: number; reason?: string },
) {
  if (!Number.isInteger(input.percent) || input.percent < 1 || input.percent > 100) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "The canary percentage is a whole number from 1 to 100.",
    });
  }
  return withWorkflowLocked(db, input.workflowId, "setCanary", async (tx, workflow) => {
    if (workflow.canaryPercent === input.percent) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `The live version already acts on ${input.percent}% of items.`,
      });
    }
    await writeState(tx, workflow.id, { canaryPercent: input.percent });
    await recordStageEvent(tx, {
      workflowId: workflow.id,
      kind: "canary",
      fromStage: "live",
      toStage: "live",
      versionId: workflow.liveVersionId,
      canaryPercent: input.percent,
      actorId: actor.id,
      reason: [`Canary ${workflow.canaryPercent}% → ${input.percent}%`, input.reason?.trim()]
        .filter(Boolean)
        .join(". "),
    });
    return { canaryPercent: input.percent };
  });
}
