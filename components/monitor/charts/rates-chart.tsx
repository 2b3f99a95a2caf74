"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartCard } from "../chart-card";
import { AXIS_TICK, bucketLabel, COLORS, GRID_STROKE, percentNumber } from "../format";
import type { Dashboard } from "../use-monitoring";

/** Automation and escalation rates per bucket, with the baseline's as dashed reference lines. */
export function RatesChart({ dashboard }: { dashboard: Dashboard }) {
  const { granularity } = dashboard.range;
  const data = dashboard.series.map((p) => ({
    bucket: bucketLabel(p.startMs, granularity),
    automation: percentNumber(p.automationRate),
    escalation: percentNumber(p.escalationRate),
  }));
  const baseline = dashboard.baseline;
  return (
    <ChartCard
      title="Automation and escalation rate"
      caption="Share of processed items; dashed lines are the baseline from the signed-off backtest."
      summary={`Escalation rate per ${granularity}: ${data.map((d) => `${d.bucket} ${d.escalation ?? "n/a"}%`).join(", ")}`}
      testId="chart-rates"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={AXIS_TICK} />
          <YAxis domain={[0, 100]} unit="%" tick={AXIS_TICK} />
          <Tooltip formatter={(value) => (value === null ? "n/a" : `${String(value)}%`)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {baseline?.automationRate != null ? (
            <ReferenceLine
              y={percentNumber(baseline.automationRate)!}
              stroke={COLORS.automation}
              strokeDasharray="4 4"
            />
          ) : null}
          {baseline?.escalationRate != null ? (
            <ReferenceLine
              y={percentNumber(baseline.escalationRate)!}
              stroke={COLORS.escalation}
              strokeDasharray="4 4"
            />
          ) : null}
          <Line
            dataKey="automation"
            name="Automation rate"
            stroke={COLORS.automation}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="escalation"
            name="Escalation rate"
            stroke={COLORS.escalation}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
