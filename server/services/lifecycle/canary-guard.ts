import { and, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { items, workflows } from "../../db/schema";
import { criteriaForVersion } from "./backtest-status";
import { CANARY_WINDOW_LIMIT, MIN_CANARY_SAMPLE } from "./constants";
import { planRollback } from "./rollback-plan";
import { measureAgreement } from "./shadow/measure-agreement";
import { labelledRuns } from "./shadow/shadow-runs";
import { lastPercentOf, latestStageEvent, percentBefore, recordStageEvent } from "./stage-events";
import { lockWorkflow, versionNumbers } from "./workflow-row";

export interface CanaryGuardOptions {
  now?: Date;
  minSample?: number;
  /** Skip a workflow evaluated less than this long ago by this process (default 5 s; 0 in tests). */
  minIntervalMs?: number;
}

export interface CanaryGuardResult {
  rolledBack: boolean;
  reason?: string;
}

const lastEvaluated = new Map<string, number>();
const DEFAULT_INTERVAL_MS = 5_000;
const share = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The live runs since the last act, counted in one query (the guard's usual, cheap answer is "nothing to do"). */
async function liveCounts(db: Db, workflowId: string, versionId: string, since: Date) {
  const recent = db
    .select({ outcome: items.outcome, label: items.label })
    .from(items)
    .where(
      and(
        eq(items.workflowId, workflowId),
        eq(items.mode, "live"),
        eq(items.versionId, versionId),
        gte(items.receivedAt, since),
        isNotNull(items.outcome),
      ),
    )
    .orderBy(sql`${items.receivedAt} desc`)
    .limit(CANARY_WINDOW_LIMIT)
    .as("recent");
  const [row] = await db
    .select({
      processed: sql<number>`count(*)::int`,
      escalated: sql<number>`count(*) filter (where ${recent.outcome}->>'type' = 'escalate')::int`,
      labelledDecided: sql<number>`count(*) filter (where ${recent.label} is not null and ${recent.outcome}->>'type' in ('route', 'resolve', 'end'))::int`,
    })
    .from(recent);
  return row ?? { processed: 0, escalated: 0, labelledDecided: 0 };
}

/**
 * Watches a live version after each act that changed it (cut-over, canary change, resume, rollback): once
 * enough live items ran since that act, when the share escalated rises above the criteria's maximum, or —
 * over enough labelled decided items — accuracy falls below the minimum, it rolls back to the state before
 * that act (the previous canary percentage, else the previous live version, else shadow) and records an
 * `auto_rollback` with no actor and the reason. Safe to call often and from many workers: throttled per
 * process, and the rollback re-checks under the workflow's row lock that nothing changed meanwhile.
 */
export async function evaluateCanaryGuard(
  db: Db,
  workflowId: string,
  options: CanaryGuardOptions = {},
): Promise<CanaryGuardResult> {
  const nowMs = (options.now ?? new Date()).getTime();
  const interval = options.minIntervalMs ?? DEFAULT_INTERVAL_MS;
  const previous = lastEvaluated.get(workflowId);
  if (interval > 0 && previous !== undefined && nowMs - previous < interval) return { rolledBack: false };
  lastEvaluated.set(workflowId, nowMs);

  const [workflow] = await db
    .select({ stage: workflows.stage, liveVersionId: workflows.liveVersionId })
    .from(workflows)
    .where(eq(workflows.id, workflowId));
  if (!workflow || workflow.stage !== "live" || !workflow.liveVersionId) return { rolledBack: false };
  const lastAct = await latestStageEvent(db, workflowId);
  const since = lastAct?.at ?? new Date(0);
  const minSample = options.minSample ?? MIN_CANARY_SAMPLE;
  const counts = await liveCounts(db, workflowId, workflow.liveVersionId, since);
  if (counts.processed < minSample && counts.labelledDecided < minSample) return { rolledBack: false };

  const criteria = await criteriaForVersion(db, workflowId, workflow.liveVersionId);
  if (!criteria) return { rolledBack: false };
  const breaches: string[] = [];
  if (counts.processed >= minSample) {
    const rate = counts.escalated / counts.processed;
    if (rate - 1e-9 > criteria.maxEscalationRate) {
      breaches.push(
        `escalation rate ${share(rate)} over ${counts.processed} live items is above the maximum of ${share(criteria.maxEscalationRate)}`,
      );
    }
  }
  if (counts.labelledDecided >= minSample) {
    const runs = await labelledRuns(
      db,
      { workflowId, versionId: workflow.liveVersionId, mode: "live", since },
      CANARY_WINDOW_LIMIT,
    );
    const { agreement } = measureAgreement(runs);
    if (
      agreement.decided >= minSample &&
      agreement.rate !== null &&
      agreement.rate + 1e-9 < criteria.minAutoAccuracy
    ) {
      breaches.push(
        `accuracy ${share(agreement.rate)} over ${agreement.decided} labelled live items is below the minimum of ${share(criteria.minAutoAccuracy)}`,
      );
    }
  }
  if (breaches.length === 0) return { rolledBack: false };

  return db.transaction(async (tx) => {
    const locked = await lockWorkflow(tx, workflowId);
    const latest = await latestStageEvent(tx, workflowId);
    // Someone (a person, or the guard in another worker) acted meanwhile: this judgement is stale.
    if (
      locked.stage !== "live" ||
      locked.liveVersionId !== workflow.liveVersionId ||
      latest?.id !== lastAct?.id
    ) {
      return { rolledBack: false };
    }
    const previousPercent =
      latest && latest.kind === "canary" ? await percentBefore(tx, workflowId, latest) : null;
    const previousVersionPercent = locked.previousLiveVersionId
      ? await lastPercentOf(tx, workflowId, locked.previousLiveVersionId)
      : null;
    const plan = planRollback(locked, {
      now: new Date(nowMs),
      lastAct: latest ? { kind: latest.kind, previousPercent } : null,
      previousVersionPercent,
    });
    const numbers = await versionNumbers(tx, [locked.liveVersionId]);
    const reason = `Version ${numbers.get(locked.liveVersionId!) ?? "?"} at ${locked.canaryPercent}%: ${breaches.join("; ")}. Rolled ${plan.summary}.`;
    await tx
      .update(workflows)
      .set({ ...plan.next, updatedAt: sql`now()` })
      .where(eq(workflows.id, workflowId));
    await recordStageEvent(tx, {
      workflowId,
      kind: "auto_rollback",
      fromStage: locked.stage,
      toStage: plan.next.stage,
      versionId: plan.next.liveVersionId ?? plan.next.shadowVersionId,
      canaryPercent: plan.next.stage === "live" ? plan.next.canaryPercent : null,
      actorId: null,
      reason,
    });
    return { rolledBack: true, reason };
  });
}
