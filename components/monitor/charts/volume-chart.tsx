"use client";

import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartCard } from "../chart-card";
import { AXIS_TICK, bucketLabel, COLORS, GRID_STROKE } from "../format";
import type { Dashboard } from "../use-monitoring";

/** Items in per bucket, beside what the baseline's hour-of-week volume expects for the same hours. */
export function VolumeChart({ dashboard }: { dashboard: Dashboard }) {
  const { granularity } = dashboard.range;
  const data = dashboard.series.map((p) => ({
    bucket: bucketLabel(p.startMs, granularity),
    items: p.itemsIn,
    expected: p.expectedItems,
  }));
  return (
    <ChartCard
      title="Items in"
      caption={`Per ${granularity}; the dashed line is the baseline's expected volume for the same hours of the week.`}
      summary={`Items in per ${granularity}: ${data.map((d) => `${d.bucket} ${d.items}`).join(", ")}`}
      testId="chart-volume"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={AXIS_TICK} />
          <YAxis
            allowDecimals={false}
            tick={AXIS_TICK}
            label={{ value: "items", angle: -90, position: "insideLeft", fontSize: 11, fill: "#475569" }}
          />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="items"
            name="Items in"
            fill={COLORS.items}
            isAnimationActive={false}
            radius={[3, 3, 0, 0]}
          />
          <Line
            dataKey="expected"
            name="Baseline expected"
            stroke={COLORS.expected}
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
