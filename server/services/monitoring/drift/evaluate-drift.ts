import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { ConnectorGateway } from "@/lib/engine/ports";
import { judgeConfidenceDrift } from "@/lib/monitoring/confidence-drift";
import { judgeDrift, type DriftJudgement } from "@/lib/monitoring/drift";
import { summarizeItems } from "@/lib/monitoring/summarize-items";
import type { Db } from "../../../db/client";
import { driftFlags, workflows } from "../../../db/schema";
import { raiseAlert } from "../alerts";
import { currentBaseline } from "../baseline/latest-baseline";
import { loadFacts } from "../item-facts";
import { monitoredMode } from "../monitored-mode";
import { METRIC_NAMES } from "../review/format";
import { driftBandOf, monitoringSettingsFor } from "../settings";

const DAY = 86_400_000;
/** Confidence is judged against the node's own recent past: the four weeks before the drift window. */
const CONFIDENCE_REFERENCE_DAYS = 28;

export interface DriftEvaluation {
  judgements: DriftJudgement[];
  raised: string[];
  cleared: string[];
}

/**
 * Judges the last `driftWindowDays` against the baseline and the admin's band (mean confidence against the
 * four weeks before), then raises a flag for each figure newly out of band and clears each open flag whose
 * figure is back, alerting admins once each way (in the app, and through the webhook when one is set). A
 * figure that cannot be judged (too few items) leaves its flag as it is. Idempotent: safe from the dashboard
 * and workers at once (a partial unique index keeps one open flag; a flag is cleared by one of them).
 */
export async function evaluateDrift(
  db: Db,
  workflowId: string,
  now = new Date(),
  /** The caller's connector gateway for the webhook; without it, the process's (alerts.ts). */
  notify?: ConnectorGateway,
): Promise<DriftEvaluation> {
  const [workflow] = await db
    .select({ stage: workflows.stage, name: workflows.name })
    .from(workflows)
    .where(eq(workflows.id, workflowId));
  const baseline = await currentBaseline(db, workflowId);
  if (!workflow || !baseline) return { judgements: [], raised: [], cleared: [] };
  const settings = await monitoringSettingsFor(db, workflowId);
  const mode = monitoredMode(workflow.stage);
  const windowFrom = new Date(now.getTime() - settings.driftWindowDays * DAY);
  const [recent, reference] = await Promise.all([
    loadFacts(db, workflowId, { from: windowFrom, to: now, mode }),
    loadFacts(db, workflowId, {
      from: new Date(windowFrom.getTime() - CONFIDENCE_REFERENCE_DAYS * DAY),
      to: windowFrom,
      mode,
    }),
  ]);
  const band = driftBandOf(settings);
  const judgements = [
    ...judgeDrift(summarizeItems(recent.facts), baseline, band),
    judgeConfidenceDrift(recent.traced, reference.traced, {
      confidenceDropPoints: settings.confidenceDropPoints,
      minSample: settings.driftMinSample,
      windowDays: settings.driftWindowDays,
      referenceDays: CONFIDENCE_REFERENCE_DAYS,
    }),
  ];
  const open = await db
    .select({ id: driftFlags.id, metric: driftFlags.metric })
    .from(driftFlags)
    .where(and(eq(driftFlags.workflowId, workflowId), isNull(driftFlags.clearedAt)));
  const raised: string[] = [];
  const cleared: string[] = [];
  for (const judgement of judgements) {
    const flag = open.find((f) => f.metric === judgement.metric);
    const name = METRIC_NAMES[judgement.metric] ?? judgement.metric;
    if (judgement.breached === true && !flag) {
      const inserted = await db
        .insert(driftFlags)
        .values({
          id: crypto.randomUUID(),
          workflowId,
          metric: judgement.metric,
          baselineValue: judgement.baselineValue!,
          observedValue: judgement.observedValue!,
          detail: judgement.detail,
          raisedAt: now,
        })
        // Two evaluations at once: the partial unique index keeps one open flag, the other inserts nothing.
        .onConflictDoNothing()
        .returning({ id: driftFlags.id });
      if (inserted.length > 0) {
        raised.push(judgement.metric);
        await raiseAlert(
          db,
          {
            workflowId,
            kind: "drift",
            title: `${workflow.name}: ${name} out of band`,
            body: judgement.detail,
            at: now,
          },
          notify,
        );
      }
    } else if (judgement.breached === false && flag) {
      const closed = await db
        .update(driftFlags)
        .set({ clearedAt: now })
        .where(and(eq(driftFlags.id, flag.id), isNull(driftFlags.clearedAt)))
        .returning({ id: driftFlags.id });
      if (closed.length > 0) {
        cleared.push(judgement.metric);
        await raiseAlert(
          db,
          {
            workflowId,
            kind: "drift",
            title: `${workflow.name}: ${name} back in band`,
            body: judgement.detail,
            at: now,
          },
          notify,
        );
      }
    }
  }
  return { judgements, raised, cleared };
}
