import { TRPCError } from "@trpc/server";
import type { Db } from "../../../db/client";
import { recordBaseline } from "../../monitoring/baseline/record-baseline";
import { recordStageEvent } from "../stage-events";
import { publishedVersion, versionOf } from "../workflow-row";
import { requireSignedOffBacktest, withWorkflowLocked, writeState, type ActOptions, type Actor } from "./act";

/**
 * Starts a shadow run of a version (the published one unless named): from validated the workflow enters
 * shadow; from live the new version runs in shadow beside the live one. Gate: a signed-off passing backtest
 * of that very version.
 */
export function startShadow(
  db: Db,
  actor: Actor,
  input: { workflowId: string; versionId?: string; reason?: string },
  options: ActOptions = {},
) {
  return withWorkflowLocked(db, input.workflowId, "startShadow", async (tx, workflow) => {
    const version = input.versionId
      ? await versionOf(tx, workflow.id, input.versionId)
      : await publishedVersion(tx, workflow.id);
    if (!version) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: "No version is published: publish the version to run in shadow in the editor first.",
      });
    }
    if (version.id === workflow.liveVersionId) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: `Version ${version.version} is the live version already: publish a newer version in the editor, backtest it and have it signed off, then run it in shadow.`,
      });
    }
    await requireSignedOffBacktest(tx, version);
    const toStage = workflow.stage === "live" ? "live" : "shadow";
    const startedAt = options.now ?? new Date();
    await writeState(tx, workflow.id, {
      stage: toStage,
      shadowVersionId: version.id,
      shadowStartedAt: startedAt,
    });
    await recordStageEvent(tx, {
      workflowId: workflow.id,
      kind: "transition",
      fromStage: workflow.stage,
      toStage,
      versionId: version.id,
      canaryPercent: null,
      actorId: actor.id,
      reason: input.reason?.trim() || `Shadow run of version ${version.version} started`,
    });
    // Monitoring: what this version promised, recorded with the act (a refused act records none).
    await recordBaseline(tx, {
      workflowId: workflow.id,
      versionId: version.id,
      stage: "shadow",
      actorId: actor.id,
    });
    return { stage: toStage, shadowVersionId: version.id, shadowStartedAt: startedAt };
  });
}
