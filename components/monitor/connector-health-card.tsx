"use client";

import { Card } from "@/components/ui/card";
import { ConnectorFailureChart, ConnectorLatencyChart } from "./charts/connector-charts";
import { CircuitStrip } from "./circuit-strip";
import type { Dashboard } from "./use-monitoring";

const STATE_NAMES = { closed: "closed", half_open: "half-open", open: "open" } as const;

/**
 * Connector health over time, one block per connector the workflow's graph calls: latency against the
 * integration profile, failed calls and circuit time per bucket, and the circuit's state as a strip. Calls
 * come from the runs' traces; the circuit from the breaker changes the gateway records as they happen.
 */
export function ConnectorHealthCard({ dashboard }: { dashboard: Dashboard }) {
  const { granularity } = dashboard.range;
  return (
    <Card className="p-4" data-testid="connector-health-chart">
      <h3 className="text-sm font-semibold text-slate-900">Connector health over time</h3>
      <p className="mt-0.5 text-xs text-slate-500">
        Calls from this range&apos;s traces (each call as its run saw it, retries included); the circuit from
        the breaker&apos;s recorded changes. Dashed lines are the latency the connector&apos;s integration
        profile promises.
      </p>
      {dashboard.connectorTimelines.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">This workflow calls no connector.</p>
      ) : (
        <div className="mt-3 space-y-5">
          {dashboard.connectorTimelines.map((timeline) => {
            const calls = timeline.buckets.reduce((sum, b) => sum + b.calls, 0);
            const failures = timeline.buckets.reduce((sum, b) => sum + b.failures, 0);
            const openings = timeline.buckets.reduce((sum, b) => sum + b.circuitOpenings, 0);
            const now = timeline.circuit.at(-1)?.state ?? "closed";
            return (
              <section key={timeline.connectorId} aria-label={`Connector ${timeline.name}`}>
                <div className="flex flex-wrap items-baseline gap-x-3 text-sm">
                  <h4 className="font-medium text-slate-900">{timeline.name}</h4>
                  <span className="text-xs text-slate-600">
                    {calls} calls, {failures} failed · circuit opened {openings}×, {STATE_NAMES[now]} now ·
                    profile{" "}
                    {timeline.profile
                      ? `p50 ${timeline.profile.p50Ms} ms, p95 ${timeline.profile.p95Ms} ms`
                      : "states no latency"}
                  </span>
                </div>
                {calls === 0 && openings === 0 ? (
                  <p className="mt-1 text-sm text-slate-500">
                    No call in this range and the circuit stayed closed.
                  </p>
                ) : (
                  <>
                    <div className="mt-2 grid grid-cols-2 gap-4">
                      <ConnectorLatencyChart timeline={timeline} granularity={granularity} />
                      <ConnectorFailureChart timeline={timeline} granularity={granularity} />
                    </div>
                    <div className="mt-2">
                      <CircuitStrip timeline={timeline} range={dashboard.range} />
                    </div>
                  </>
                )}
              </section>
            );
          })}
        </div>
      )}
    </Card>
  );
}
