"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "../chart-card";
import { AXIS_TICK, bucketLabel, GRID_STROKE, REASON_COLORS } from "../format";
import type { Dashboard } from "../use-monitoring";

/** Escalations per bucket, stacked by reason (confidence, rule, volume, connector, manual). */
export function EscalationReasonsChart({ dashboard }: { dashboard: Dashboard }) {
  const { granularity } = dashboard.range;
  const reasons = [...new Set(dashboard.series.flatMap((p) => Object.keys(p.escalationsByReason)))].sort();
  const data = dashboard.series.map((p) => ({
    bucket: bucketLabel(p.startMs, granularity),
    ...p.escalationsByReason,
  }));
  const byReason = dashboard.baseline?.escalationRateByReason ?? {};
  return (
    <ChartCard
      title="Escalations by reason"
      caption={
        Object.keys(byReason).length > 0
          ? `Baseline: ${Object.entries(byReason)
              .map(([r, v]) => `${r} ${(v * 100).toFixed(1)}%`)
              .join(", ")} of items.`
          : "Items escalated to a person, per reason."
      }
      summary={`Escalations by reason: ${reasons.join(", ") || "none"}`}
      testId="chart-escalation-reasons"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={AXIS_TICK} />
          <YAxis
            allowDecimals={false}
            tick={AXIS_TICK}
            label={{ value: "items", angle: -90, position: "insideLeft", fontSize: 11, fill: "#475569" }}
          />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {reasons.map((reason) => (
            <Bar
              key={reason}
              dataKey={reason}
              name={reason}
              stackId="reasons"
              fill={REASON_COLORS[reason] ?? REASON_COLORS.unknown}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
