import { TRPCError } from "@trpc/server";
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../../db/client";
import { backtestResults, datasetRows } from "../../../db/schema";
import type { BacktestMetrics } from "../types";
import { getRun } from "./get-run";

const a = alias(backtestResults, "a");
const b = alias(backtestResults, "b");

function delta(x: number | null | undefined, y: number | null | undefined): number | null {
  return x === null || x === undefined || y === null || y === undefined ? null : y - x;
}

function labelDeltas(left: BacktestMetrics, right: BacktestMetrics) {
  const labels = [...new Set([...left.labels.map((l) => l.label), ...right.labels.map((l) => l.label)])];
  return labels.map((label) => {
    const l = left.labels.find((x) => x.label === label);
    const r = right.labels.find((x) => x.label === label);
    return {
      label,
      precision: [l?.precision ?? null, r?.precision ?? null] as const,
      recall: [l?.recall ?? null, r?.recall ?? null] as const,
      recallDelta: delta(l?.recall, r?.recall),
    };
  });
}

/**
 * Two runs side by side (typically two versions on the same window): metric deltas, and — when both ran the
 * same dataset — every item whose outcome changed, classed as fixed, broken or otherwise changed.
 */
export async function compareRuns(
  db: Db,
  input: { leftRunId: string; rightRunId: string; after?: number; limit?: number },
) {
  const [left, right] = await Promise.all([getRun(db, input.leftRunId), getRun(db, input.rightRunId)]);
  if (left.workflowId !== right.workflowId)
    throw new TRPCError({ code: "BAD_REQUEST", message: "Compare runs of the same workflow." });
  const summary = (r: typeof left) => ({
    id: r.id,
    number: r.number,
    version: r.version,
    status: r.status,
    datasetName: r.dataset.name,
    windowFrom: r.windowFrom,
    windowTo: r.windowTo,
    passed: r.passed,
    thresholds: r.thresholds.filter((t) => t.overridden),
  });
  const lm = left.metrics;
  const rm = right.metrics;
  const metrics =
    lm && rm
      ? {
          autoAccuracy: [lm.autoAccuracy, rm.autoAccuracy, delta(lm.autoAccuracy, rm.autoAccuracy)] as const,
          escalationRate: [
            lm.escalationRate,
            rm.escalationRate,
            delta(lm.escalationRate, rm.escalationRate),
          ] as const,
          automationRate: [
            lm.automationRate,
            rm.automationRate,
            delta(lm.automationRate, rm.automationRate),
          ] as const,
          items: [lm.items, rm.items, rm.items - lm.items] as const,
          labels: labelDeltas(lm, rm),
        }
      : null;
  if (left.dataset.id !== right.dataset.id)
    return { left: summary(left), right: summary(right), metrics, changes: null };

  const changed = or(sql`${a.predictedLabel} <> ${b.predictedLabel}`, sql`${a.kind} <> ${b.kind}`);
  const joined = and(eq(a.runId, left.id), eq(b.runId, right.id), changed);
  const [counts] = await db
    .select({
      changed: sql<number>`count(*)::int`,
      fixed: sql<number>`count(*) filter (where ${b.kind} = 'correct')::int`,
      broken: sql<number>`count(*) filter (where ${b.kind} = 'wrong')::int`,
      newlyEscalated: sql<number>`count(*) filter (where ${b.kind} = 'escalated' and ${a.kind} <> 'escalated')::int`,
      noLongerEscalated: sql<number>`count(*) filter (where ${a.kind} = 'escalated' and ${b.kind} <> 'escalated')::int`,
    })
    .from(a)
    .innerJoin(b, eq(b.rowId, a.rowId))
    .where(joined);
  const limit = Math.min(input.limit ?? 25, 100);
  const rows = await db
    .select({
      rowId: a.rowId,
      seq: a.seq,
      itemId: datasetRows.itemId,
      occurredAt: datasetRows.occurredAt,
      actualLabel: a.actualLabel,
      leftPredicted: a.predictedLabel,
      leftKind: a.kind,
      rightPredicted: b.predictedLabel,
      rightKind: b.kind,
    })
    .from(a)
    .innerJoin(b, eq(b.rowId, a.rowId))
    .innerJoin(datasetRows, eq(datasetRows.id, a.rowId))
    .where(input.after === undefined ? joined : and(joined, gt(a.seq, input.after)))
    .orderBy(asc(a.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    left: summary(left),
    right: summary(right),
    metrics,
    changes: {
      counts: counts ?? { changed: 0, fixed: 0, broken: 0, newlyEscalated: 0, noLongerEscalated: 0 },
      items: page,
      nextAfter: rows.length > limit ? page[page.length - 1]!.seq : null,
    },
  };
}
