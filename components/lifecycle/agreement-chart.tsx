"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatPercent } from "@/components/backtest/format";
import type { RunningShadowReport } from "./use-lifecycle";

const SHOWN = 12;

/**
 * Agreement per label (the share of items with that truth the workflow decided the same way), one bar each,
 * with the overall rate as a line. The table under it says the same for screen readers.
 */
export function AgreementChart({
  agreement,
  target,
}: {
  agreement: RunningShadowReport["agreement"];
  target: number | null;
}) {
  const rows = agreement.byLabel.filter((l) => l.decided > 0).slice(0, SHOWN);
  if (rows.length === 0) {
    return <p className="text-sm text-slate-500">No labelled item the workflow decided by itself yet.</p>;
  }
  const data = rows.map((l) => ({
    label: l.label,
    rate: l.rate === null ? 0 : Number((l.rate * 100).toFixed(1)),
    decided: l.decided,
  }));
  return (
    <div>
      <div
        className="w-full"
        style={{ height: 40 + rows.length * 28 }}
        role="img"
        aria-label={`Agreement per label: ${rows.map((l) => `${l.label} ${formatPercent(l.rate)}`).join(", ")}`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
            <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" tick={{ fontSize: 11, fill: "#475569" }} />
            <YAxis type="category" dataKey="label" width={130} tick={{ fontSize: 12, fill: "#334155" }} />
            <Tooltip
              formatter={(value, _name, item) => [
                `${String(value)}% of ${item.payload.decided} decided`,
                "Agreement",
              ]}
            />
            {target !== null ? (
              <ReferenceLine
                x={target * 100}
                stroke="#334155"
                strokeDasharray="4 4"
                label={{ value: "target", position: "top", fontSize: 11, fill: "#334155" }}
              />
            ) : null}
            <Bar dataKey="rate" isAnimationActive={false} radius={[0, 3, 3, 0]}>
              {data.map((d) => (
                <Cell key={d.label} fill={target !== null && d.rate < target * 100 ? "#d97706" : "#4f46e5"} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
        <caption>Agreement per label</caption>
        <thead>
          <tr>
            <th>Label</th>
            <th>Items</th>
            <th>Decided</th>
            <th>Agreed</th>
            <th>Agreement</th>
          </tr>
        </thead>
        <tbody>
          {agreement.byLabel.map((l) => (
            <tr key={l.label}>
              <td>{l.label}</td>
              <td>{l.items}</td>
              <td>{l.decided}</td>
              <td>{l.agreed}</td>
              <td>{formatPercent(l.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
