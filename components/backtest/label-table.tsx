import type { BacktestMetrics } from "@/server/services/backtests/types";
import { formatCount, formatPercent } from "./format";

const SHOWN = 25;

/** Per-label precision, recall and F1 over the auto-handled items. */
export function LabelTable({ labels }: { labels: BacktestMetrics["labels"] }) {
  const rows = labels.filter((l) => l.actual > 0 || l.predicted > 0).slice(0, SHOWN);
  return (
    <div>
      <table className="w-full text-sm">
        <caption className="mb-2 text-left text-xs text-slate-600">
          Precision and recall count only the items the workflow handled by itself.
        </caption>
        <thead className="border-b border-slate-200 text-left text-xs text-slate-500">
          <tr>
            <th className="py-1.5 font-medium">Label</th>
            <th className="py-1.5 pl-4 text-right font-medium">Actual</th>
            <th className="py-1.5 pl-4 text-right font-medium">Auto-handled</th>
            <th className="py-1.5 pl-4 text-right font-medium">Precision</th>
            <th className="py-1.5 pl-4 text-right font-medium">Recall</th>
            <th className="py-1.5 pl-4 text-right font-medium">F1</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((l) => (
            <tr key={l.label}>
              <td className="max-w-52 truncate py-1.5" title={l.label}>
                {l.label}
              </td>
              <td className="py-1.5 pl-4 text-right tabular-nums">{formatCount(l.actual)}</td>
              <td className="py-1.5 pl-4 text-right tabular-nums">{formatCount(l.autoHandled)}</td>
              <td className="py-1.5 pl-4 text-right tabular-nums">{formatPercent(l.precision)}</td>
              <td className="py-1.5 pl-4 text-right tabular-nums">{formatPercent(l.recall)}</td>
              <td className="py-1.5 pl-4 text-right tabular-nums">{formatPercent(l.f1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {labels.length > SHOWN ? (
        <p className="mt-1 text-xs text-slate-500">…and {labels.length - SHOWN} rarer labels.</p>
      ) : null}
    </div>
  );
}
