"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard } from "../chart-card";
import { AXIS_TICK, bucketLabel, GRID_STROKE, percentNumber } from "../format";
import type { Dashboard } from "../use-monitoring";
import { labelColor } from "./label-volume-chart";

/**
 * Accuracy of each label's decisions per bucket, with the judged sample in the tooltip: a label drifting on its
 * own shows here before it moves the overall figure. A bucket with no judged decision leaves a gap.
 */
export function LabelAccuracyChart({ dashboard }: { dashboard: Dashboard }) {
  const { granularity } = dashboard.range;
  const { labels, points } = dashboard.labelVolume;
  const judged = labels.filter((label) => points.some((p) => (p.accuracy[label]?.n ?? 0) > 0));
  const data = points.map((p) => ({
    bucket: bucketLabel(p.startMs, granularity),
    ...Object.fromEntries(judged.map((label) => [label, percentNumber(p.accuracy[label]?.rate)])),
    ...Object.fromEntries(judged.map((label) => [`${label}:n`, p.accuracy[label]?.n ?? 0])),
  }));
  return (
    <ChartCard
      title="Accuracy by label"
      caption="Share of each label's decisions that reviewers or the human process confirmed; the tooltip gives the sample."
      summary={`Accuracy by label per ${granularity}: ${judged.join(", ") || "no judged decisions"}`}
      testId="chart-label-accuracy"
    >
      {judged.length === 0 ? (
        <p className="text-sm text-slate-500">
          No decision in this range has been judged yet: accuracy appears as reviewers decide and outcomes are
          reported.
        </p>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="bucket" tick={AXIS_TICK} />
            <YAxis domain={[0, 100]} unit="%" tick={AXIS_TICK} />
            <Tooltip
              formatter={(value, name, item) =>
                value === null || value === undefined
                  ? ["n/a", name]
                  : [
                      `${String(value)}% of ${String((item.payload as Record<string, unknown>)[`${String(name)}:n`])} judged`,
                      name,
                    ]
              }
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {judged.map((label) => (
              <Line
                key={label}
                dataKey={label}
                name={label}
                stroke={labelColor(label, labels.indexOf(label))}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
