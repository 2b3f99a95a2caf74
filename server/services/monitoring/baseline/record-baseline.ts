import crypto from "node:crypto";
import { volumeBaselineFromHourly } from "@/lib/monitoring/volume-baseline";
import type { BaselineVolume } from "@/lib/monitoring/types";
import type { Db } from "../../../db/client";
import { monitoringBaselines } from "../../../db/schema";
import { newestSignedOffPassingRun } from "../../backtests/sign-off";
import { datasetHourlyCounts, shadowHourlyCounts } from "./hourly-counts";

export interface RecordBaselineInput {
  workflowId: string;
  versionId: string;
  stage: "shadow" | "live";
  actorId: string | null;
}

/** Volume per hour-of-week: from the backtest's dataset, else the first weeks of shadow, else none. */
async function baselineVolume(db: Db, workflowId: string, datasetId: string | null): Promise<BaselineVolume> {
  const fromDataset = datasetId ? await datasetHourlyCounts(db, datasetId) : null;
  if (fromDataset) return volumeBaselineFromHourly(fromDataset.counts, fromDataset, "dataset");
  const fromShadow = await shadowHourlyCounts(db, workflowId);
  if (fromShadow) return volumeBaselineFromHourly(fromShadow.counts, fromShadow, "shadow");
  return { source: "none", weeks: 0, perHourOfWeek: [] };
}

/**
 * Records what a version promised as it enters shadow or live, inside the lifecycle act's transaction (so a
 * refused act records nothing): accuracy, escalation and latency from its signed-off backtest, and input
 * volume per hour-of-week. Every later monitored figure is shown beside these.
 */
export async function recordBaseline(tx: Db, input: RecordBaselineInput): Promise<{ id: string }> {
  const run = await newestSignedOffPassingRun(tx, input.versionId);
  const metrics = run?.metrics ?? null;
  const escalationRateByReason: Record<string, number> = {};
  const labelAccuracy: Record<string, number> = {};
  if (metrics && metrics.items > 0) {
    for (const [reason, count] of Object.entries(metrics.escalationsByReason))
      escalationRateByReason[reason] = count / metrics.items;
    for (const label of metrics.labels) if (label.recall !== null) labelAccuracy[label.label] = label.recall;
  }
  const id = crypto.randomUUID();
  await tx.insert(monitoringBaselines).values({
    id,
    workflowId: input.workflowId,
    versionId: input.versionId,
    stage: input.stage,
    backtestRunId: run?.id ?? null,
    backtestRunNumber: run?.number ?? null,
    autoAccuracy: metrics?.autoAccuracy ?? null,
    escalationRate: metrics?.escalationRate ?? null,
    automationRate: metrics?.automationRate ?? null,
    escalationRateByReason,
    labelAccuracy,
    latencyP50Ms: metrics?.latency.p50Ms ?? null,
    latencyP95Ms: metrics?.latency.p95Ms ?? null,
    volume: await baselineVolume(tx, input.workflowId, run?.datasetId ?? null),
    recordedBy: input.actorId,
  });
  return { id };
}
