import { TRPCError } from "@trpc/server";
import type { Db } from "../../../db/client";
import { recordStageEvent } from "../stage-events";
import { publishedVersion } from "../workflow-row";
import { requireSignedOffBacktest, withWorkflowLocked, writeState, type Actor } from "./act";

/** draft → validated: the published version has a signed-off passing backtest. */
export function markValidated(db: Db, actor: Actor, input: { workflowId: string; reason?: string }) {
  return withWorkflowLocked(db, input.workflowId, "validate", async (tx, workflow) => {
    const published = await publishedVersion(tx, workflow.id);
    if (!published) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message:
          "No version is published yet: publish one in the editor, backtest it and have the backtest signed off before marking the workflow validated.",
      });
    }
    await requireSignedOffBacktest(tx, published);
    await writeState(tx, workflow.id, { stage: "validated" });
    await recordStageEvent(tx, {
      workflowId: workflow.id,
      kind: "transition",
      fromStage: workflow.stage,
      toStage: "validated",
      versionId: published.id,
      canaryPercent: null,
      actorId: actor.id,
      reason: input.reason ?? "",
    });
    return { stage: "validated" as const, versionId: published.id };
  });
}
