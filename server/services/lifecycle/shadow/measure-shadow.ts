import type { Db } from "../../../db/client";
import { criteriaForVersion } from "../backtest-status";
import { MIN_SHADOW_SAMPLE } from "../constants";
import { measureAgreement } from "./measure-agreement";
import { judgeReadiness, shadowPeriod } from "./readiness";
import { labelledRuns, runCounts } from "./shadow-runs";

export interface ShadowSubject {
  id: string;
  shadowVersionId: string;
  shadowStartedAt: Date;
  shadowMinDays: number;
}

/** The shadow version's runs since its shadow run started: agreement, escalations and cut-over readiness. */
export async function measureShadow(
  db: Db,
  workflow: ShadowSubject,
  options: { now?: Date; minSample?: number } = {},
) {
  const scope = {
    workflowId: workflow.id,
    versionId: workflow.shadowVersionId,
    mode: "shadow" as const,
    since: workflow.shadowStartedAt,
  };
  const [runs, counts, criteria] = await Promise.all([
    labelledRuns(db, scope),
    runCounts(db, scope),
    criteriaForVersion(db, workflow.id, workflow.shadowVersionId),
  ]);
  const { agreement, judged } = measureAgreement(runs);
  const readiness = judgeReadiness({
    agreement,
    counts,
    criteria,
    period: shadowPeriod(workflow.shadowStartedAt, workflow.shadowMinDays, options.now ?? new Date()),
    minSample: options.minSample ?? MIN_SHADOW_SAMPLE,
  });
  return { agreement, counts, judged, readiness, criteria };
}
