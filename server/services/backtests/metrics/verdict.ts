import type { BacktestMetrics, CriteriaValues, CriterionVerdict, Verdict } from "../types";

/** Comparisons forgive floating-point noise (0.8 computed as 0.7999999999 still meets ≥ 0.8). */
const EPSILON = 1e-9;

export function formatShare(value: number | null): string {
  return value === null ? "n/a" : `${(value * 100).toFixed(1)}%`;
}

/**
 * Judges a run against the criteria in force when it started: one line per criterion, pass or fail.
 * Per-label recall is judged on labels the workflow auto-handled at least once; a label named explicitly
 * with nothing auto-handled fails, saying so.
 */
export function judge(
  criteria: CriteriaValues & { id: string; version: number },
  metrics: BacktestMetrics,
): Verdict {
  const lines: CriterionVerdict[] = [];
  lines.push({
    key: "minAutoAccuracy",
    name: "Accuracy on auto-handled items",
    comparison: ">=",
    required: criteria.minAutoAccuracy,
    actual: metrics.autoAccuracy,
    pass: metrics.autoAccuracy !== null && metrics.autoAccuracy + EPSILON >= criteria.minAutoAccuracy,
    ...(metrics.autoAccuracy === null ? { note: "no item was auto-handled" } : {}),
  });
  lines.push({
    key: "maxEscalationRate",
    name: "Escalation rate",
    comparison: "<=",
    required: criteria.maxEscalationRate,
    actual: metrics.escalationRate,
    pass: metrics.escalationRate - EPSILON <= criteria.maxEscalationRate,
  });
  const recall = criteria.minLabelRecall;
  if (recall) {
    const byLabel = recall.byLabel ?? {};
    const judged = new Set<string>();
    for (const label of metrics.labels) {
      const required = byLabel[label.label] ?? recall.all;
      if (required === undefined) continue;
      if (label.autoHandled === 0 && byLabel[label.label] === undefined) continue;
      judged.add(label.label);
      lines.push({
        key: `minLabelRecall:${label.label}`,
        name: `Recall of ${label.label}`,
        comparison: ">=",
        required,
        actual: label.recall,
        pass: label.recall !== null && label.recall + EPSILON >= required,
        ...(label.recall === null ? { note: "no auto-handled item had this label" } : {}),
      });
    }
    for (const [label, required] of Object.entries(byLabel)) {
      if (judged.has(label)) continue;
      lines.push({
        key: `minLabelRecall:${label}`,
        name: `Recall of ${label}`,
        comparison: ">=",
        required,
        actual: null,
        pass: false,
        note: "no item in the window had this label",
      });
    }
  }
  return {
    criteriaId: criteria.id,
    criteriaVersion: criteria.version,
    pass: lines.every((l) => l.pass),
    criteria: lines,
  };
}
