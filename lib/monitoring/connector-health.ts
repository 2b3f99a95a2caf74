import { percentile } from "./percentile";
import type { TracedItem } from "./node-stats";

export interface ConnectorProfileLatency {
  p50Ms: number;
  p95Ms: number;
}

export interface ConnectorHealth {
  connectorId: string;
  calls: number;
  errors: number;
  unavailable: number;
  /** (errors + unavailable) / calls; null without calls. */
  failureRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  /** The integration profile's promise, when the connector's profile states one. */
  profile: ConnectorProfileLatency | null;
  /** Whether observed p95 is above the profile's p95. */
  slowerThanProfile: boolean;
  /** As the newest call left it: `open` when it failed because the circuit was open after repeated failures. */
  circuit: "closed" | "open" | "unknown";
}

export interface ConnectorStep {
  nodeId: string;
  type: string;
  handle: string;
  durationMs: number;
  detail?: string;
}

const CIRCUIT_OPEN = /circuit (is )?(now )?open/i;

/** How a connector step failed, if it did: its system down (or its circuit open), or an error answer. */
export function stepFailure(step: Pick<ConnectorStep, "handle" | "detail">): "unavailable" | "error" | null {
  // A retry_later connector that found its system down stops the run with an empty handle.
  if (step.handle === "unavailable" || (step.handle === "" && /unavailable/i.test(step.detail ?? "")))
    return "unavailable";
  return step.handle === "error" ? "error" : null;
}

/**
 * Connector health from the traces of runs: calls, error and unavailable shares, latency against the
 * profile's p50/p95, and the circuit as the newest call reported it. `connectorOf` maps a connector node to
 * the connector it calls (from the graph); items must be in time order, oldest first.
 */
export function connectorHealth(
  traced: readonly (TracedItem & { steps: readonly ConnectorStep[] })[],
  connectorOf: ReadonlyMap<string, string>,
  profiles: ReadonlyMap<string, ConnectorProfileLatency>,
): ConnectorHealth[] {
  const byConnector = new Map<
    string,
    {
      calls: number;
      errors: number;
      unavailable: number;
      durations: number[];
      circuit: ConnectorHealth["circuit"];
    }
  >();
  for (const item of traced) {
    for (const step of item.steps) {
      if (step.type !== "connector") continue;
      const connectorId = connectorOf.get(step.nodeId);
      if (!connectorId) continue;
      let entry = byConnector.get(connectorId);
      if (!entry) {
        byConnector.set(
          connectorId,
          (entry = { calls: 0, errors: 0, unavailable: 0, durations: [], circuit: "unknown" }),
        );
      }
      entry.calls++;
      entry.durations.push(step.durationMs);
      const failure = stepFailure(step);
      if (failure === "unavailable") entry.unavailable++;
      if (failure === "error") entry.errors++;
      entry.circuit = failure === "unavailable" && CIRCUIT_OPEN.test(step.detail ?? "") ? "open" : "closed";
    }
  }
  return [...byConnector.entries()]
    .map(([connectorId, entry]) => {
      const p95Ms = percentile(entry.durations, 0.95);
      const profile = profiles.get(connectorId) ?? null;
      return {
        connectorId,
        calls: entry.calls,
        errors: entry.errors,
        unavailable: entry.unavailable,
        failureRate: entry.calls > 0 ? (entry.errors + entry.unavailable) / entry.calls : null,
        p50Ms: percentile(entry.durations, 0.5),
        p95Ms,
        profile,
        slowerThanProfile: profile !== null && p95Ms !== null && p95Ms > profile.p95Ms,
        circuit: entry.circuit,
      };
    })
    .sort((a, b) => a.connectorId.localeCompare(b.connectorId));
}
