"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
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
import { useTRPC } from "@/components/providers/trpc";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formatCount, formatPercent } from "./format";

/**
 * For one thresholded node: escalation rate and auto-handled accuracy at every threshold from 0 to 1, from
 * this run's recorded confidences (nothing re-runs). The dashed line is the threshold the run used.
 */
export function SweepChart({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const sweep = useQuery(trpc.backtests.sweep.queryOptions({ runId }));
  const [picked, setPicked] = useState<string | null>(null);
  if (sweep.isPending) return <LoadingState label="Sweeping thresholds…" />;
  if (sweep.isError) return <ErrorState message={sweep.error.message} onRetry={() => sweep.refetch()} />;
  const nodes = sweep.data.nodes.filter((n) => n.reached > 0);
  if (nodes.length === 0)
    return <p className="text-sm text-slate-600">No item reached a node with a threshold.</p>;
  const node =
    nodes.find((n) => n.nodeId === picked) ?? nodes.find((n) => n.type === "classify") ?? nodes[0]!;
  const data = node.rows.map((r) => ({
    threshold: r.threshold,
    escalation: Number((r.escalationRate * 100).toFixed(2)),
    accuracy: r.autoAccuracy === null ? null : Number((r.autoAccuracy * 100).toFixed(2)),
  }));
  const atCurrent = node.rows.reduce(
    (best, r) => (Math.abs(r.threshold - node.current) < Math.abs(best.threshold - node.current) ? r : best),
    node.rows[0]!,
  );
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <label htmlFor="sweep-node" className="text-sm font-medium">
          Node
        </label>
        <select
          id="sweep-node"
          value={node.nodeId}
          onChange={(e) => setPicked(e.target.value)}
          className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          {nodes.map((n) => (
            <option key={n.nodeId} value={n.nodeId}>
              {n.name} ({n.type}, {formatCount(n.reached)} items)
            </option>
          ))}
        </select>
        <span className="text-xs text-slate-600">
          At the run’s threshold {node.current.toFixed(2)}: escalation{" "}
          {formatPercent(atCurrent.escalationRate)}, accuracy {formatPercent(atCurrent.autoAccuracy)}
        </span>
      </div>
      <div
        className="h-72"
        role="img"
        aria-label={`Escalation rate and auto-handled accuracy of ${node.name} for thresholds 0 to 1`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 10, right: 24, bottom: 24, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
            <XAxis
              dataKey="threshold"
              type="number"
              domain={[0, 1]}
              ticks={[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]}
              tick={{ fontSize: 12, fill: "#475569" }}
              label={{
                value: `Threshold of ${node.name}`,
                position: "insideBottom",
                offset: -14,
                fontSize: 12,
                fill: "#334155",
              }}
            />
            <YAxis
              domain={[0, 100]}
              unit="%"
              tick={{ fontSize: 12, fill: "#475569" }}
              label={{
                value: "Share of items (%)",
                angle: -90,
                position: "insideLeft",
                offset: 10,
                fontSize: 12,
                fill: "#334155",
              }}
            />
            <Tooltip
              formatter={(value) => `${String(value)}%`}
              labelFormatter={(t) => `Threshold ${Number(t).toFixed(2)}`}
            />
            <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine
              x={node.current}
              stroke="#334155"
              strokeDasharray="4 4"
              label={{ value: "in use", position: "top", fontSize: 11, fill: "#334155" }}
            />
            <Line
              type="monotone"
              dataKey="accuracy"
              name="Accuracy on auto-handled (%)"
              stroke="#4f46e5"
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="escalation"
              name="Escalation rate (%)"
              stroke="#d97706"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
