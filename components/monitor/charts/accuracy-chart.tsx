"use client";

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartCard } from "../chart-card";
import { AXIS_TICK, bucketLabel, COLORS, GRID_STROKE, percentNumber } from "../format";
import type { Dashboard } from "../use-monitoring";

/**
 * Accuracy per bucket with its 95% interval as a band and the sample in the tooltip, so a day with three
 * labelled decisions shows a wide band rather than a confident 100%.
 */
export function AccuracyChart({ dashboard }: { dashboard: Dashboard }) {
  const { granularity } = dashboard.range;
  const data = dashboard.series.map((p) => ({
    bucket: bucketLabel(p.startMs, granularity),
    accuracy: percentNumber(p.accuracy.rate),
    interval:
      p.accuracy.low === null ? null : [percentNumber(p.accuracy.low), percentNumber(p.accuracy.high)],
    n: p.accuracy.n,
  }));
  const baseline = dashboard.baseline?.autoAccuracy ?? null;
  return (
    <ChartCard
      title="Accuracy"
      caption="Labelled decisions (reviewer decisions and reported human outcomes); the band is the 95% Wilson interval."
      summary={`Accuracy per ${granularity}: ${data.map((d) => `${d.bucket} ${d.accuracy ?? "n/a"}% of ${d.n}`).join(", ")}`}
      testId="chart-accuracy"
    >
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="bucket" tick={AXIS_TICK} />
          <YAxis domain={[0, 100]} unit="%" tick={AXIS_TICK} />
          <Tooltip
            formatter={(value, name, item) =>
              name === "95% interval"
                ? [Array.isArray(value) ? `${String(value[0])}–${String(value[1])}%` : "n/a", name]
                : [value === null ? "n/a" : `${String(value)}% of ${String(item.payload.n)} labelled`, name]
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Area
            dataKey="interval"
            name="95% interval"
            stroke="none"
            fill={COLORS.band}
            fillOpacity={0.6}
            isAnimationActive={false}
            connectNulls
          />
          {baseline !== null ? (
            <ReferenceLine
              y={percentNumber(baseline)!}
              stroke={COLORS.baseline}
              strokeDasharray="4 4"
              label={{
                value: "baseline",
                position: "insideBottomRight",
                fontSize: 11,
                fill: COLORS.baseline,
              }}
            />
          ) : null}
          <Line
            dataKey="accuracy"
            name="Accuracy"
            stroke={COLORS.accuracy}
            isAnimationActive={false}
            connectNulls
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
