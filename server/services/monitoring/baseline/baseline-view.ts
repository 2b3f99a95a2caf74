import type { BaselineRow } from "./latest-baseline";

/** The baseline as screens show it: the figures and where they came from. */
export function baselineView(row: BaselineRow | null, versionNumber: number | null) {
  if (!row) return null;
  return {
    stage: row.stage,
    version: versionNumber,
    recordedAt: row.recordedAt,
    backtestRunNumber: row.backtestRunNumber,
    autoAccuracy: row.autoAccuracy,
    escalationRate: row.escalationRate,
    automationRate: row.automationRate,
    escalationRateByReason: row.escalationRateByReason,
    labelAccuracy: row.labelAccuracy,
    latencyP50Ms: row.latencyP50Ms,
    latencyP95Ms: row.latencyP95Ms,
    volumeSource: row.volume.source,
    volumeWeeks: row.volume.weeks,
  };
}
export type BaselineView = NonNullable<ReturnType<typeof baselineView>>;
