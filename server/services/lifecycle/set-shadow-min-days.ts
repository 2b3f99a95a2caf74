import { TRPCError } from "@trpc/server";
import type { Db } from "../../db/client";
import { eq } from "drizzle-orm";
import { workflows } from "../../db/schema";
import { recordStageEvent } from "./stage-events";
import type { Actor } from "./transitions/act";
import { lockWorkflow } from "./workflow-row";

export const SHADOW_MIN_DAYS_RANGE = { min: 1, max: 90 } as const;

/**
 * The shortest shadow period before cut-over, for this workflow (an admin's policy, recorded in the audit
 * with the reason). Shortening one cut-over without changing the policy is done in the cut-over itself.
 */
export async function setShadowMinDays(
  db: Db,
  actor: Actor,
  input: { workflowId: string; days: number; reason: string },
) {
  const { min, max } = SHADOW_MIN_DAYS_RANGE;
  if (!Number.isInteger(input.days) || input.days < min || input.days > max) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `The minimum shadow period is a whole number of days from ${min} to ${max}.`,
    });
  }
  return db.transaction(async (tx) => {
    const workflow = await lockWorkflow(tx, input.workflowId);
    if (workflow.shadowMinDays === input.days) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `The minimum shadow period is already ${input.days} days.`,
      });
    }
    await tx.update(workflows).set({ shadowMinDays: input.days }).where(eq(workflows.id, workflow.id));
    await recordStageEvent(tx, {
      workflowId: workflow.id,
      kind: "policy",
      fromStage: workflow.stage,
      toStage: workflow.stage,
      versionId: null,
      canaryPercent: null,
      actorId: actor.id,
      reason: `Minimum shadow period ${workflow.shadowMinDays} → ${input.days} days. ${input.reason.trim()}`,
    });
    return { shadowMinDays: input.days };
  });
}
