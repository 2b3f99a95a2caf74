import { TRPCError } from "@trpc/server";
import type { Db } from "../../../db/client";
import { recordBaseline } from "../../monitoring/baseline/record-baseline";
import { measureShadow } from "../shadow/measure-shadow";
import { unmetSentence } from "../shadow/readiness";
import { recordStageEvent } from "../stage-events";
import { versionNumbers } from "../workflow-row";
import { withWorkflowLocked, writeState, type ActOptions, type Actor } from "./act";

export interface CutOverInput {
  workflowId: string;
  /** Share of items the new live version acts on at first (10, 50, 100…); the rest stay with the human process. */
  canaryPercent?: number;
  reason?: string;
  /** An admin's reason for cutting over before the minimum shadow period is over. */
  shortenReason?: string;
}

const formatDate = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

/**
 * shadow → live: the shadow version becomes the live one (the one live before, if any, is kept for rollback).
 * Gates: the shadow period has run its minimum length — shorter only for an admin giving a reason, which is
 * recorded — and agreement on labelled shadow items meets the criteria agreed for the backtest.
 */
export function cutOver(
  db: Db,
  actor: Actor,
  input: CutOverInput,
  options: ActOptions & { minSample?: number } = {},
) {
  return withWorkflowLocked(db, input.workflowId, "cutOver", async (tx, workflow) => {
    const shadowVersionId = workflow.shadowVersionId!;
    const canaryPercent = input.canaryPercent ?? 100;
    if (!Number.isInteger(canaryPercent) || canaryPercent < 1 || canaryPercent > 100) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: "The canary percentage is a whole number from 1 to 100.",
      });
    }
    const now = options.now ?? new Date();
    const { readiness } = await measureShadow(
      tx,
      {
        id: workflow.id,
        shadowVersionId,
        shadowStartedAt: workflow.shadowStartedAt ?? now,
        shadowMinDays: workflow.shadowMinDays,
      },
      { now, minSample: options.minSample },
    );
    const { period } = readiness;
    const shortenReason = input.shortenReason?.trim() ?? "";
    let shortened = "";
    if (!period.met) {
      if (!shortenReason) {
        throw new TRPCError({
          code: "PRECONDITION_FAILED",
          message: `The shadow run has lasted ${period.days.toFixed(1)} of its ${period.minDays} days: cut over after ${formatDate(period.endsAt)}, or an admin can cut over earlier with a reason.`,
        });
      }
      if (actor.role !== "admin") {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `Only an admin can cut over before the ${period.minDays}-day shadow period is over.`,
        });
      }
      shortened = `Shadow period shortened to ${period.days.toFixed(1)} of ${period.minDays} days: ${shortenReason}`;
    }
    if (!readiness.agreementMet) {
      throw new TRPCError({
        code: "PRECONDITION_FAILED",
        message: `Shadow agreement does not meet the criteria yet: ${unmetSentence(readiness.criteria.filter((c) => c.key !== "period"))}. See the shadow report on the Overview tab.`,
      });
    }
    await writeState(tx, workflow.id, {
      stage: "live",
      liveVersionId: shadowVersionId,
      previousLiveVersionId: workflow.liveVersionId,
      shadowVersionId: null,
      shadowStartedAt: null,
      canaryPercent,
    });
    const numbers = await versionNumbers(tx, [shadowVersionId]);
    await recordStageEvent(tx, {
      workflowId: workflow.id,
      kind: "transition",
      fromStage: workflow.stage,
      toStage: "live",
      versionId: shadowVersionId,
      canaryPercent,
      actorId: actor.id,
      reason: [
        `Version ${numbers.get(shadowVersionId) ?? "?"} live at ${canaryPercent}%`,
        input.reason?.trim(),
        shortened,
      ]
        .filter(Boolean)
        .join(". "),
    });
    // Monitoring: the live figures are watched against this, recorded with the act.
    await recordBaseline(tx, {
      workflowId: workflow.id,
      versionId: shadowVersionId,
      stage: "live",
      actorId: actor.id,
    });
    return { stage: "live" as const, liveVersionId: shadowVersionId, canaryPercent };
  });
}
