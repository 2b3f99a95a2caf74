"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { OTHER_LABELS } from "@/lib/monitoring/label-series";
import { ChartCard } from "../chart-card";
import { AXIS_TICK, bucketLabel, GRID_STROKE } from "../format";
import type { Dashboard } from "../use-monitoring";

/** Categorical colours, fixed by rank; the last ("other labels") is grey. Shared by the label charts. */
const LABEL_COLORS = ["#4f46e5", "#0891b2", "#059669", "#d97706", "#db2777", "#7c3aed"];
const OTHER_COLOR = "#94a3b8";

export function labelColor(label: string, rank: number): string {
  return label === OTHER_LABELS ? OTHER_COLOR : (LABEL_COLORS[rank] ?? OTHER_COLOR);
}

/** Items decided per label and bucket, stacked: per-label volume over time (accuracy: label-accuracy-chart). */
export function LabelVolumeChart({ dashboard }: { dashboard: Dashboard }) {
  const { granularity } = dashboard.range;
  const { labels, points } = dashboard.labelVolume;
  const data = points.map((p) => ({ bucket: bucketLabel(p.startMs, granularity), ...p.counts }));
  return (
    <ChartCard
      title="Decided items by label"
      caption="Items the workflow decided itself, per label; the busiest six by name, the rest together."
      summary={`Decided items by label over the range: ${labels.join(", ") || "none"}`}
      testId="chart-label-volume"
    >
      {labels.length === 0 ? (
        <p className="text-sm text-slate-500">The workflow decided no item itself in this range.</p>
      ) : (
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
            {labels.map((label, i) => (
              <Bar
                key={label}
                dataKey={label}
                name={label}
                stackId="labels"
                fill={labelColor(label, i)}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
