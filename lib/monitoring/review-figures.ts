import type { ItemFact } from "./item-fact";
import type { TracedItem } from "./node-stats";
import type { ConnectorStep } from "./connector-health";

export interface DisagreementPattern {
  /** The truth, and what the workflow decided instead. */
  actual: string;
  predicted: string;
  count: number;
}

/** Label pairs the workflow got wrong, most frequent first. */
export function disagreementPatterns(facts: readonly ItemFact[], limit = 10): DisagreementPattern[] {
  const counts = new Map<string, DisagreementPattern>();
  for (const fact of facts) {
    if (fact.judged !== "wrong" || fact.actual === undefined || fact.predicted === undefined) continue;
    const key = JSON.stringify([fact.actual, fact.predicted]);
    const found = counts.get(key);
    if (found) found.count++;
    else counts.set(key, { actual: fact.actual, predicted: fact.predicted, count: 1 });
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.actual.localeCompare(b.actual))
    .slice(0, limit);
}

export interface RefinementPriority {
  nodeId: string;
  wrong: number;
  escalated: number;
  errors: number;
  /** The node's share of every wrong decision, escalation and error of the period. */
  share: number;
}

/**
 * The nodes where most of the period's trouble ended: the terminal of a wrong decision, the node that
 * escalated, the node that failed. Where refining the graph pays most.
 */
export function refinementPriorities(facts: readonly ItemFact[], limit = 5): RefinementPriority[] {
  const byNode = new Map<string, { wrong: number; escalated: number; errors: number }>();
  let total = 0;
  for (const fact of facts) {
    const problem =
      fact.judged === "wrong"
        ? "wrong"
        : fact.kind === "escalated"
          ? "escalated"
          : fact.kind === "error"
            ? "errors"
            : null;
    if (!problem || !fact.nodeId) continue;
    total++;
    const entry = byNode.get(fact.nodeId) ?? { wrong: 0, escalated: 0, errors: 0 };
    entry[problem]++;
    byNode.set(fact.nodeId, entry);
  }
  return [...byNode.entries()]
    .map(([nodeId, e]) => ({ nodeId, ...e, share: (e.wrong + e.escalated + e.errors) / total }))
    .sort((a, b) => b.share - a.share || a.nodeId.localeCompare(b.nodeId))
    .slice(0, limit);
}

export interface ConnectorIncident {
  connectorId: string;
  /** UTC day (midnight, ms). */
  dayMs: number;
  calls: number;
  failures: number;
  circuitOpened: boolean;
  /** From the recorded breaker changes (when merged with them): openings that day and minutes not closed. */
  circuitOpenings?: number;
  circuitOpenMs?: number;
}

const DAY = 86_400_000;

/** Days on which a connector failed (unavailable or error), with how often and whether its circuit opened. */
export function connectorIncidents(
  traced: readonly (TracedItem & { steps: readonly ConnectorStep[] })[],
  connectorOf: ReadonlyMap<string, string>,
): ConnectorIncident[] {
  const byDay = new Map<string, ConnectorIncident>();
  for (const item of traced) {
    const dayMs = Math.floor(item.receivedAtMs / DAY) * DAY;
    for (const step of item.steps) {
      const connectorId = step.type === "connector" ? connectorOf.get(step.nodeId) : undefined;
      if (!connectorId) continue;
      const key = `${connectorId}|${dayMs}`;
      const entry = byDay.get(key) ?? { connectorId, dayMs, calls: 0, failures: 0, circuitOpened: false };
      entry.calls++;
      const failed =
        step.handle === "unavailable" || step.handle === "error" || /unavailable/i.test(step.detail ?? "");
      if (failed) entry.failures++;
      if (/circuit (is )?(now )?open/i.test(step.detail ?? "")) entry.circuitOpened = true;
      byDay.set(key, entry);
    }
  }
  return [...byDay.values()].filter((e) => e.failures > 0).sort((a, b) => a.dayMs - b.dayMs);
}
