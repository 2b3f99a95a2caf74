import crypto from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { LlmCalibration, LlmModelRef } from "@/lib/engine/model-ref";
import {
  calibrate,
  composePlatt,
  IDENTITY,
  MIN_CALIBRATION_SAMPLE,
} from "@/lib/models/calibration/platt-scaling";
import type { Db } from "../../../db/client";
import {
  backtestResults,
  backtestRuns,
  backtestSignOffs,
  modelCalibrations,
  workflowVersions,
} from "../../../db/schema";
import { decodeOutcomeKey } from "../../backtests/outcome-key";
import { llmModelOfNode } from "./llm-node-model";

export interface CalibrationSample {
  confidences: number[];
  correct: boolean[];
}

/**
 * A run's judged confidences of one node, in time order. Each thresholded node the item passed left a sweep point
 * (its confidence, which side of the threshold it was on, and the outcome of the other side). The outcome the
 * node gives when its label is trusted is the run's own outcome when the item was above the threshold, else the
 * recorded other side. Only auto outcomes can be judged against history; escalations further on are left out.
 */
export async function calibrationSample(db: Db, runId: string, nodeId: string): Promise<CalibrationSample> {
  const rows = await db
    .select({
      actualLabel: backtestResults.actualLabel,
      predictedLabel: backtestResults.predictedLabel,
      kind: backtestResults.kind,
      sweep: backtestResults.sweep,
    })
    .from(backtestResults)
    .where(and(eq(backtestResults.runId, runId), isNotNull(backtestResults.sweep)))
    .orderBy(asc(backtestResults.seq));
  const sample: CalibrationSample = { confidences: [], correct: [] };
  for (const row of rows) {
    for (const [pointNode, confidence, above, other] of row.sweep ?? []) {
      if (pointNode !== nodeId || !Number.isFinite(confidence)) continue;
      const trusted = above
        ? { auto: row.kind === "correct" || row.kind === "wrong", predicted: row.predictedLabel }
        : (() => {
            const key = decodeOutcomeKey(other);
            return { auto: key.kind === "auto", predicted: key.predicted };
          })();
      if (!trusted.auto) continue;
      sample.confidences.push(confidence);
      sample.correct.push(trusted.predicted === row.actualLabel);
    }
  }
  return sample;
}

export type CalibrationView = Omit<typeof modelCalibrations.$inferSelect, "createdBy">;

export async function getCalibration(db: Db, calibrationId: string): Promise<CalibrationView | null> {
  const [row] = await db.select().from(modelCalibrations).where(eq(modelCalibrations.id, calibrationId));
  if (!row) return null;
  const { createdBy: _createdBy, ...view } = row;
  return view;
}

const sameModel = (a: LlmModelRef, b: { providerId: string; model: string }) =>
  a.providerId === b.providerId && a.model === b.model;

/** The finished runs of a workflow an owner can calibrate a node from, newest first, signed-off ones marked. */
export async function calibrationRuns(
  db: Db,
  input: { workflowId: string; nodeId: string; providerId: string; model: string },
) {
  const runs = await db
    .select({
      id: backtestRuns.id,
      number: backtestRuns.number,
      finishedAt: backtestRuns.finishedAt,
      items: backtestRuns.totalItems,
      graph: workflowVersions.graph,
      version: workflowVersions.version,
    })
    .from(backtestRuns)
    .innerJoin(workflowVersions, eq(workflowVersions.id, backtestRuns.versionId))
    .where(and(eq(backtestRuns.workflowId, input.workflowId), eq(backtestRuns.status, "done")))
    .orderBy(desc(backtestRuns.number))
    .limit(30);
  const signed = runs.length
    ? await db
        .select({ runId: backtestSignOffs.runId })
        .from(backtestSignOffs)
        .where(
          inArray(
            backtestSignOffs.runId,
            runs.map((r) => r.id),
          ),
        )
    : [];
  const signedIds = new Set(signed.map((s) => s.runId));
  return runs.map((run) => {
    const used = llmModelOfNode(run.graph, input.nodeId);
    return {
      id: run.id,
      number: run.number,
      version: run.version,
      finishedAt: run.finishedAt,
      items: run.items,
      signedOff: signedIds.has(run.id),
      /** Why this run cannot calibrate the node as it is now; null when it can. */
      unusable: !used
        ? "this node did not ask a language model in that run"
        : !sameModel(used, input)
          ? `that run asked ${used.model}, not ${input.model}`
          : null,
    };
  });
}

export class CalibrationError extends TRPCError {
  constructor(message: string) {
    super({ code: "PRECONDITION_FAILED", message });
  }
}

/**
 * Fits a calibration of one node's LLM on a finished backtest run and stores it as the node's next version.
 * The run's confidences were already mapped by the calibration its version carried; the new fit is composed
 * with that one, so the stored parameters always act on the model's raw score.
 */
export async function calibrateFromRun(
  db: Db,
  userId: string | null,
  input: { workflowId: string; nodeId: string; runId: string; providerId: string; model: string },
): Promise<{ calibration: LlmCalibration; view: CalibrationView }> {
  const [run] = await db
    .select({
      id: backtestRuns.id,
      number: backtestRuns.number,
      status: backtestRuns.status,
      workflowId: backtestRuns.workflowId,
      graph: workflowVersions.graph,
    })
    .from(backtestRuns)
    .innerJoin(workflowVersions, eq(workflowVersions.id, backtestRuns.versionId))
    .where(eq(backtestRuns.id, input.runId));
  if (!run || run.workflowId !== input.workflowId)
    throw new TRPCError({ code: "NOT_FOUND", message: "That backtest run no longer exists." });
  if (run.status !== "done") throw new CalibrationError("Only a finished backtest can calibrate a node.");
  const used = llmModelOfNode(run.graph, input.nodeId);
  if (!used) throw new CalibrationError(`In run #${run.number} this node did not ask a language model.`);
  if (!sameModel(used, input))
    throw new CalibrationError(
      `Run #${run.number} asked ${used.model} for this node; calibrate from a run of ${input.model}.`,
    );
  const sample = await calibrationSample(db, run.id, input.nodeId);
  if (sample.confidences.length < MIN_CALIBRATION_SAMPLE)
    throw new CalibrationError(
      `Run #${run.number} judged ${sample.confidences.length} outcomes of this node; calibration needs at least ${MIN_CALIBRATION_SAMPLE}.`,
    );
  const fit = calibrate(sample.confidences, sample.correct);
  const params = composePlatt(fit.params, used.calibration ?? IDENTITY);
  const id = crypto.randomUUID();
  const [latest] = await db
    .select({ version: sql<number>`coalesce(max(${modelCalibrations.version}), 0)::int` })
    .from(modelCalibrations)
    .where(
      and(eq(modelCalibrations.workflowId, input.workflowId), eq(modelCalibrations.nodeId, input.nodeId)),
    );
  const [row] = await db
    .insert(modelCalibrations)
    .values({
      id,
      workflowId: input.workflowId,
      nodeId: input.nodeId,
      version: (latest?.version ?? 0) + 1,
      providerId: input.providerId,
      model: input.model,
      method: "platt",
      slope: params.slope,
      intercept: params.intercept,
      sourceRunId: run.id,
      sourceRunNumber: run.number,
      sampleSize: fit.sampleSize,
      accuracy: fit.accuracy,
      eceBefore: fit.eceBefore,
      eceAfter: fit.eceAfter,
      binsBefore: fit.binsBefore,
      binsAfter: fit.binsAfter,
      createdBy: userId,
    })
    .returning();
  const { createdBy: _createdBy, ...view } = row!;
  return { calibration: { id, slope: params.slope, intercept: params.intercept }, view };
}
