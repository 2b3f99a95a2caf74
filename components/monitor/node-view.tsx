"use client";

import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/ui/card";
import { AXIS_TICK, bucketLabel, GRID_STROKE } from "./format";
import type { Dashboard } from "./use-monitoring";

const LINE_COLORS = ["#4f46e5", "#059669", "#d97706", "#dc2626", "#0891b2", "#7c3aed"];

function handleSummary(handles: Record<string, number>): string {
  const total = Object.values(handles).reduce((sum, n) => sum + n, 0);
  return Object.entries(handles)
    .sort((a, b) => b[1] - a[1])
    .map(([handle, n]) => `${handle || "(end)"} ${Math.round((n / total) * 100)}%`)
    .join(" · ");
}

/**
 * Per node: items through it, how its handles split, and mean confidence over time for the nodes that give one
 * (a slow slide in confidence warns before accuracy drops).
 */
export function NodeView({ dashboard }: { dashboard: Dashboard }) {
  const { granularity } = dashboard.range;
  const withConfidence = dashboard.nodes.filter((n) => n.meanConfidence !== null);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const data = (withConfidence[0]?.confidence ?? []).map((point, i) => {
    const row: Record<string, number | string | null> = { bucket: bucketLabel(point.startMs, granularity) };
    for (const node of withConfidence) {
      const mean = node.confidence[i]?.mean;
      row[node.nodeId] = mean === null || mean === undefined ? null : Number(mean.toFixed(3));
    }
    return row;
  });
  return (
    <Card className="p-4" data-testid="node-view">
      <h3 className="text-sm font-semibold text-slate-900">Per node</h3>
      {dashboard.nodes.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No traced run in this range.</p>
      ) : (
        <div className="mt-2 grid grid-cols-2 gap-4">
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-1 font-medium">Node</th>
                <th className="py-1 text-right font-medium">Items</th>
                <th className="py-1 pl-3 font-medium">Handles taken</th>
                <th className="py-1 text-right font-medium">Mean confidence</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.nodes.map((node) => (
                <tr key={node.nodeId} className="border-t border-slate-100 align-top">
                  <td className="py-1">
                    <span className="font-mono text-xs">{node.nodeId}</span>{" "}
                    <span className="text-xs text-slate-500">{node.type}</span>
                  </td>
                  <td className="py-1 text-right tabular-nums">{node.items}</td>
                  <td className="py-1 pl-3 text-xs text-slate-600">{handleSummary(node.handles)}</td>
                  <td className="py-1 text-right tabular-nums">
                    {node.meanConfidence === null ? "—" : node.meanConfidence.toFixed(2)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div>
            <p className="text-xs text-slate-500">
              Mean confidence per {granularity} (click a legend entry to hide it)
            </p>
            <div
              className="mt-2 h-56"
              role="img"
              aria-label={`Mean confidence per ${granularity} of ${withConfidence.map((n) => n.nodeId).join(", ") || "no node"}`}
            >
              {withConfidence.length === 0 ? (
                <p className="text-sm text-slate-500">No node in this workflow reports a confidence.</p>
              ) : (
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={data} margin={{ top: 4, right: 12, bottom: 4, left: 4 }}>
                    <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="bucket" tick={AXIS_TICK} />
                    <YAxis
                      domain={[0, 1]}
                      tick={AXIS_TICK}
                      label={{
                        value: "confidence",
                        angle: -90,
                        position: "insideLeft",
                        fontSize: 11,
                        fill: "#475569",
                      }}
                    />
                    <Tooltip />
                    <Legend
                      wrapperStyle={{ fontSize: 12, cursor: "pointer" }}
                      onClick={(entry) => {
                        const key = String(entry.dataKey);
                        setHidden((prev) => {
                          const next = new Set(prev);
                          if (next.has(key)) next.delete(key);
                          else next.add(key);
                          return next;
                        });
                      }}
                    />
                    {withConfidence.map((node, i) => (
                      <Line
                        key={node.nodeId}
                        dataKey={node.nodeId}
                        name={node.nodeId}
                        hide={hidden.has(node.nodeId)}
                        stroke={LINE_COLORS[i % LINE_COLORS.length]}
                        isAnimationActive={false}
                        connectNulls
                      />
                    ))}
                  </LineChart>
                </ResponsiveContainer>
              )}
            </div>
          </div>
        </div>
      )}
    </Card>
  );
}
