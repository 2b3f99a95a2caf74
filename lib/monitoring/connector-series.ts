import { bucketStart, bucketStarts } from "./buckets";
import {
  circuitSegments,
  circuitShares,
  type CircuitSegment,
  type CircuitTransition,
} from "./circuit-timeline";
import { stepFailure, type ConnectorStep } from "./connector-health";
import type { TracedItem } from "./node-stats";
import { percentile } from "./percentile";
import type { ConnectorIncident } from "./review-figures";
import type { Granularity } from "./types";

const DAY = 86_400_000;

export interface ConnectorBucket {
  startMs: number;
  calls: number;
  /** Calls that found the system down (or the circuit open) or got an error answer. */
  failures: number;
  /** failures / calls; null without calls. */
  failureRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  /** Shares of the bucket's time the circuit was open / half-open (0–1), and how often it opened. */
  circuitOpenShare: number;
  circuitHalfOpenShare: number;
  circuitOpenMs: number;
  circuitHalfOpenMs: number;
  circuitOpenings: number;
}

export interface ConnectorTimeline {
  connectorId: string;
  buckets: ConnectorBucket[];
  /** The circuit's state across the whole range, for the state strip. */
  circuit: CircuitSegment[];
}

/**
 * Per connector and day or week: calls, failure rate and p50/p95 latency from the runs' traces, and the
 * share of the time its circuit was open from the recorded breaker changes. Every bucket is present; every
 * connector in `connectorIds` is listed, called or not.
 */
export function connectorSeries(
  traced: readonly (TracedItem & { steps: readonly ConnectorStep[] })[],
  connectorOf: ReadonlyMap<string, string>,
  circuits: ReadonlyMap<
    string,
    { transitions: readonly CircuitTransition[]; before: CircuitTransition | null }
  >,
  connectorIds: readonly string[],
  range: { fromMs: number; toMs: number },
  granularity: Granularity,
): ConnectorTimeline[] {
  const starts = bucketStarts(range.fromMs, range.toMs, granularity);
  const stepMs = granularity === "day" ? DAY : 7 * DAY;
  const calls = new Map<string, Map<number, { durations: number[]; failures: number }>>();
  for (const item of traced) {
    if (item.receivedAtMs < range.fromMs || item.receivedAtMs >= range.toMs) continue;
    const start = bucketStart(item.receivedAtMs, granularity);
    for (const step of item.steps) {
      if (step.type !== "connector") continue;
      const connectorId = connectorOf.get(step.nodeId);
      if (!connectorId) continue;
      let byBucket = calls.get(connectorId);
      if (!byBucket) calls.set(connectorId, (byBucket = new Map()));
      let bucket = byBucket.get(start);
      if (!bucket) byBucket.set(start, (bucket = { durations: [], failures: 0 }));
      bucket.durations.push(step.durationMs);
      if (stepFailure(step) !== null) bucket.failures++;
    }
  }
  const ids = [...new Set([...connectorIds, ...calls.keys(), ...circuits.keys()])].sort();
  return ids.map((connectorId) => {
    const circuit = circuits.get(connectorId) ?? { transitions: [], before: null };
    const segments = circuitSegments(circuit.transitions, range, circuit.before);
    const shares = circuitShares(segments, circuit.transitions, starts, stepMs, range);
    return {
      connectorId,
      circuit: segments,
      buckets: starts.map((startMs, i) => {
        const bucket = calls.get(connectorId)?.get(startMs);
        const n = bucket?.durations.length ?? 0;
        return {
          startMs,
          calls: n,
          failures: bucket?.failures ?? 0,
          failureRate: n > 0 ? bucket!.failures / n : null,
          p50Ms: percentile(bucket?.durations ?? [], 0.5),
          p95Ms: percentile(bucket?.durations ?? [], 0.95),
          circuitOpenShare: shares[i]!.openShare,
          circuitHalfOpenShare: shares[i]!.halfOpenShare,
          circuitOpenMs: shares[i]!.openMs,
          circuitHalfOpenMs: shares[i]!.halfOpenMs,
          circuitOpenings: shares[i]!.openings,
        };
      }),
    };
  });
}

/**
 * Adds the recorded circuit to the days with failed calls (per-day timelines): how often it opened and how
 * long it was open, and lists days when it opened without a failed traced call (another workflow's calls).
 */
export function withCircuitHistory(
  incidents: readonly ConnectorIncident[],
  dailyTimelines: readonly ConnectorTimeline[],
): ConnectorIncident[] {
  const merged = new Map(incidents.map((i) => [`${i.connectorId}|${i.dayMs}`, { ...i }]));
  for (const timeline of dailyTimelines) {
    for (const bucket of timeline.buckets) {
      if (bucket.circuitOpenings === 0 && bucket.circuitOpenMs === 0) continue;
      const key = `${timeline.connectorId}|${bucket.startMs}`;
      const entry = merged.get(key) ?? {
        connectorId: timeline.connectorId,
        dayMs: bucket.startMs,
        calls: bucket.calls,
        failures: bucket.failures,
        circuitOpened: false,
      };
      entry.circuitOpenings = bucket.circuitOpenings;
      entry.circuitOpenMs = bucket.circuitOpenMs;
      entry.circuitOpened = entry.circuitOpened || bucket.circuitOpenings > 0;
      merged.set(key, entry);
    }
  }
  return [...merged.values()].sort((a, b) => a.dayMs - b.dayMs || a.connectorId.localeCompare(b.connectorId));
}
