import type { ItemFact } from "./item-fact";
import { percentile } from "./percentile";
import type { RateWithInterval } from "./types";
import { wilsonInterval } from "./wilson-interval";

export interface ItemSummary {
  itemsIn: number;
  /** Items with an outcome (auto, escalated, error or deferred). */
  processed: number;
  automated: number;
  escalated: number;
  errors: number;
  /** Shares of processed items; null when nothing was processed. */
  automationRate: number | null;
  escalationRate: number | null;
  escalationsByReason: Record<string, number>;
  /** Correct share of labelled auto-decided items, with the sample and a 95% Wilson interval. */
  accuracy: RateWithInterval;
  processingP50Ms: number | null;
  processingP95Ms: number | null;
}

/** The figures of a set of items; the same function for a chart's bucket and for a whole range. */
export function summarizeItems(facts: readonly ItemFact[]): ItemSummary {
  let processed = 0;
  let automated = 0;
  let escalated = 0;
  let errors = 0;
  let correct = 0;
  let judged = 0;
  const escalationsByReason: Record<string, number> = {};
  const durations: number[] = [];
  for (const fact of facts) {
    if (fact.kind === "pending") continue;
    processed++;
    if (fact.durationMs !== undefined) durations.push(fact.durationMs);
    if (fact.kind === "auto") automated++;
    if (fact.kind === "error") errors++;
    if (fact.kind === "escalated") {
      escalated++;
      const reason = fact.reasonType ?? "unknown";
      escalationsByReason[reason] = (escalationsByReason[reason] ?? 0) + 1;
    }
    if (fact.judged) {
      judged++;
      if (fact.judged === "correct") correct++;
    }
  }
  return {
    itemsIn: facts.length,
    processed,
    automated,
    escalated,
    errors,
    automationRate: processed > 0 ? automated / processed : null,
    escalationRate: processed > 0 ? escalated / processed : null,
    escalationsByReason,
    accuracy: wilsonInterval(correct, judged),
    processingP50Ms: percentile(durations, 0.5),
    processingP95Ms: percentile(durations, 0.95),
  };
}

export interface LabelFigures {
  label: string;
  /** Items the workflow decided as this label. */
  decided: number;
  /** Labelled auto-decided items whose truth is this label, and how many of them were decided right. */
  accuracy: RateWithInterval;
}

/** Per label: how many items were decided as it, and how often items truly of it were decided right. */
export function labelFigures(facts: readonly ItemFact[]): LabelFigures[] {
  const byLabel = new Map<string, { decided: number; correct: number; judged: number }>();
  const entry = (label: string) => {
    let found = byLabel.get(label);
    if (!found) byLabel.set(label, (found = { decided: 0, correct: 0, judged: 0 }));
    return found;
  };
  for (const fact of facts) {
    if (fact.kind === "auto" && fact.predicted !== undefined) entry(fact.predicted).decided++;
    if (fact.judged && fact.actual !== undefined) {
      const truth = entry(fact.actual);
      truth.judged++;
      if (fact.judged === "correct") truth.correct++;
    }
  }
  return [...byLabel.entries()]
    .map(([label, f]) => ({ label, decided: f.decided, accuracy: wilsonInterval(f.correct, f.judged) }))
    .sort((a, b) => b.decided - a.decided || a.label.localeCompare(b.label));
}
