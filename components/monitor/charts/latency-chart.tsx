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
import { AXIS_TICK, bucketLabel, COLORS, GRID_STROKE } from "../format";
import type { Dashboard } from "../use-monitoring";

const round = (value: number | null) => (value === null ? null : Math.round(value));

/** Median and p95 processing time of the runs (engine time from their traces), against the backtest's p95. */
export function LatencyChart({ dashboard }: { dashboard: Dashboard }) {
  const { granularity } = dashboard.range;
  const data = dashboard.series.map((p) => ({
    bucket: bucketLabel(p.startMs, granularity),
    p50: round(p.processingP50Ms),
    p95: round(p.processingP95Ms),
  }));
  const baselineP95 = dashboard.baseline?.latencyP95Ms ?? null;
  return (
    <ChartCard
      title="Processing time"
      caption="Median and p95 of each run's processing time; the dashed line is the backtest's p95."
      summary={`p95 processing time per ${granularity}: ${data.map((d) => `${d.bucket} ${d.p95 ?? "n/a"} ms`).join(", ")}`}
      testId="chart-latency"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={AXIS_TICK} />
          <YAxis unit=" ms" tick={AXIS_TICK} width={64} />
          <Tooltip formatter={(value) => (value === null ? "n/a" : `${String(value)} ms`)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {baselineP95 !== null ? (
            <ReferenceLine
              y={Math.round(baselineP95)}
              stroke={COLORS.baseline}
              strokeDasharray="4 4"
              label={{
                value: "baseline p95",
                position: "insideTopRight",
                fontSize: 11,
                fill: COLORS.baseline,
              }}
            />
          ) : null}
          <Line dataKey="p50" name="Median" stroke={COLORS.p50} isAnimationActive={false} connectNulls />
          <Line dataKey="p95" name="p95" stroke={COLORS.p95} isAnimationActive={false} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
