import Link from "next/link";
import type { BacktestMetrics } from "@/server/services/backtests/types";
import { formatCount, formatPercent } from "./format";

/** Items through each node, the handles they took, and the mean confidence where the node gives one. */
export function NodeStats({ nodes, workflowId }: { nodes: BacktestMetrics["nodes"]; workflowId: string }) {
  return (
    <table className="w-full text-sm">
      <thead className="border-b border-slate-200 text-left text-xs text-slate-500">
        <tr>
          <th className="py-1.5 font-medium">Node</th>
          <th className="py-1.5 text-right font-medium">Items</th>
          <th className="py-1.5 pl-4 font-medium">Handles taken</th>
          <th className="py-1.5 text-right font-medium">Mean confidence</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {nodes.map((n) => {
          const handles = Object.entries(n.handles).sort((a, b) => b[1] - a[1]);
          return (
            <tr key={n.nodeId}>
              <td className="py-1.5">
                <Link
                  href={`/workflows/${workflowId}?node=${encodeURIComponent(n.nodeId)}`}
                  className="text-accent-700 hover:underline"
                >
                  {n.name ?? n.nodeId}
                </Link>
                <span className="ml-1 text-xs text-slate-500">{n.type}</span>
              </td>
              <td className="py-1.5 text-right tabular-nums">{formatCount(n.visits)}</td>
              <td className="py-1.5 pl-4 text-xs text-slate-600">
                {handles.length === 0 ? "—" : handles.map(([h, c]) => `${h} ${formatCount(c)}`).join(" · ")}
              </td>
              <td className="py-1.5 text-right tabular-nums">
                {n.meanConfidence === null ? "—" : formatPercent(n.meanConfidence)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
