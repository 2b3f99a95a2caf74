"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { AXIS_TICK, bucketLabel, COLORS, GRID_STROKE, percentNumber } from "../format";
import type { ConnectorTimeline, Dashboard } from "../use-monitoring";

export const CIRCUIT_COLORS = { closed: "#10b981", half_open: "#f59e0b", open: "#dc2626" } as const;
const FAILURE_COLOR = "#f97316";
const round = (value: number | null) => (value === null ? null : Math.round(value));

function Panel({ title, summary, children }: { title: string; summary: string; children: React.ReactNode }) {
  return (
    <div>
      <p className="text-xs font-medium text-slate-600">{title}</p>
      <div className="mt-1 h-44 w-full" role="img" aria-label={summary}>
        {children}
      </div>
    </div>
  );
}

/** p50 and p95 of the connector's calls per bucket, against the latency its integration profile promises. */
export function ConnectorLatencyChart({
  timeline,
  granularity,
}: {
  timeline: ConnectorTimeline;
  granularity: Dashboard["range"]["granularity"];
}) {
  const data = timeline.buckets.map((b) => ({
    bucket: bucketLabel(b.startMs, granularity),
    p50: round(b.p50Ms),
    p95: round(b.p95Ms),
  }));
  const { profile } = timeline;
  return (
    <Panel
      title="Latency against the profile"
      summary={`${timeline.name} p95 latency per ${granularity}: ${data.map((d) => `${d.bucket} ${d.p95 ?? "no calls"}${d.p95 === null ? "" : " ms"}`).join(", ")}${profile ? `; profile p95 ${profile.p95Ms} ms` : ""}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={AXIS_TICK} />
          <YAxis
            unit=" ms"
            tick={AXIS_TICK}
            width={64}
            // Always up to the profile's p95, so its promise is on the chart however fast the calls were.
            domain={[
              0,
              (dataMax: number) => Math.ceil(Math.max(dataMax, (profile?.p95Ms ?? 0) * 1.1) / 50) * 50,
            ]}
          />
          <Tooltip formatter={(value) => (value === null ? "no calls" : `${String(value)} ms`)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {profile ? (
            <ReferenceLine
              y={profile.p50Ms}
              stroke={COLORS.p50}
              strokeDasharray="4 4"
              label={{ value: "profile p50", position: "insideBottomRight", fontSize: 11, fill: COLORS.p50 }}
            />
          ) : null}
          {profile ? (
            <ReferenceLine
              y={profile.p95Ms}
              stroke={COLORS.p95}
              strokeDasharray="4 4"
              label={{ value: "profile p95", position: "insideTopRight", fontSize: 11, fill: COLORS.p95 }}
            />
          ) : null}
          <Line dataKey="p50" name="p50" stroke={COLORS.p50} isAnimationActive={false} connectNulls />
          <Line dataKey="p95" name="p95" stroke={COLORS.p95} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </Panel>
  );
}

/** Failed calls (% of calls, left axis) beside the minutes the circuit was open and half-open (right axis). */
export function ConnectorFailureChart({
  timeline,
  granularity,
}: {
  timeline: ConnectorTimeline;
  granularity: Dashboard["range"]["granularity"];
}) {
  const data = timeline.buckets.map((b) => ({
    bucket: bucketLabel(b.startMs, granularity),
    failures: percentNumber(b.failureRate),
    open: Number((b.circuitOpenMs / 60_000).toFixed(1)),
    halfOpen: Number((b.circuitHalfOpenMs / 60_000).toFixed(1)),
    calls: b.calls,
  }));
  return (
    <Panel
      title="Failed calls (%) and circuit time (min)"
      summary={`${timeline.name} per ${granularity}: ${data.map((d) => `${d.bucket} ${d.failures ?? "no calls"}${d.failures === null ? "" : "% failed"}, circuit open ${d.open} min`).join("; ")}`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={AXIS_TICK} />
          <YAxis yAxisId="calls" domain={[0, 100]} unit="%" tick={AXIS_TICK} width={44} />
          <YAxis
            yAxisId="circuit"
            orientation="right"
            allowDecimals={false}
            tick={AXIS_TICK}
            width={44}
            label={{
              value: "circuit, min",
              angle: 90,
              position: "insideRight",
              fontSize: 11,
              fill: "#475569",
            }}
          />
          <Tooltip
            formatter={(value, name) =>
              value === null
                ? "no calls"
                : name === "Failed calls"
                  ? `${String(value)}% of calls`
                  : `${String(value)} min`
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            yAxisId="calls"
            dataKey="failures"
            name="Failed calls"
            fill={FAILURE_COLOR}
            isAnimationActive={false}
          />
          <Bar
            yAxisId="circuit"
            dataKey="open"
            name="Circuit open"
            stackId="circuit"
            fill={CIRCUIT_COLORS.open}
            isAnimationActive={false}
          />
          <Bar
            yAxisId="circuit"
            dataKey="halfOpen"
            name="Circuit half-open"
            stackId="circuit"
            fill={CIRCUIT_COLORS.half_open}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </Panel>
  );
}
