import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { judgeDrift, type DriftJudgement } from "@/lib/monitoring/drift";
import { summarizeItems } from "@/lib/monitoring/summarize-items";
import type { Db } from "../../../db/client";
import { driftFlags, workflows } from "../../../db/schema";
import { raiseAlert } from "../alerts";
import { currentBaseline } from "../baseline/latest-baseline";
import { loadFacts } from "../item-facts";
import { monitoredMode } from "../monitored-mode";
import { driftBandOf, monitoringSettingsFor } from "../settings";

const DAY = 86_400_000;
const METRIC_NAMES = {
  accuracy: "Accuracy",
  escalation_rate: "Escalation rate",
  latency_p95: "p95 processing time",
};

export interface DriftEvaluation {
  judgements: DriftJudgement[];
  raised: string[];
  cleared: string[];
}

/**
 * Judges the last `driftWindowDays` against the baseline and the admin's band, then raises a flag for each
 * figure newly out of band (with an alert) and clears each open flag whose figure is back. A figure that
 * cannot be judged (too few items) leaves its flag as it is. Idempotent: safe from the dashboard and workers.
 */
export async function evaluateDrift(db: Db, workflowId: string, now = new Date()): Promise<DriftEvaluation> {
  const [workflow] = await db
    .select({ stage: workflows.stage, name: workflows.name })
    .from(workflows)
    .where(eq(workflows.id, workflowId));
  const baseline = await currentBaseline(db, workflowId);
  if (!workflow || !baseline) return { judgements: [], raised: [], cleared: [] };
  const settings = await monitoringSettingsFor(db, workflowId);
  const { facts } = await loadFacts(db, workflowId, {
    from: new Date(now.getTime() - settings.driftWindowDays * DAY),
    to: now,
    mode: monitoredMode(workflow.stage),
  });
  const judgements = judgeDrift(summarizeItems(facts), baseline, driftBandOf(settings));
  const open = await db
    .select({ id: driftFlags.id, metric: driftFlags.metric })
    .from(driftFlags)
    .where(and(eq(driftFlags.workflowId, workflowId), isNull(driftFlags.clearedAt)));
  const raised: string[] = [];
  const cleared: string[] = [];
  for (const judgement of judgements) {
    const flag = open.find((f) => f.metric === judgement.metric);
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
        await raiseAlert(db, {
          workflowId,
          kind: "drift",
          title: `${workflow.name}: ${METRIC_NAMES[judgement.metric]} out of band`,
          body: judgement.detail,
          at: now,
        });
      }
    } else if (judgement.breached === false && flag) {
      await db.update(driftFlags).set({ clearedAt: now }).where(eq(driftFlags.id, flag.id));
      cleared.push(judgement.metric);
    }
  }
  return { judgements, raised, cleared };
}
