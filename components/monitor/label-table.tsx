import { formatPercent } from "@/components/backtest/format";
import { Card } from "@/components/ui/card";
import type { Dashboard } from "./use-monitoring";

/** Per label: volume decided and accuracy with its interval, beside the backtest's recall for that label. */
export function LabelTable({ dashboard }: { dashboard: Dashboard }) {
  const baseline = dashboard.baseline?.labelAccuracy ?? {};
  return (
    <Card className="p-4">
      <h3 className="text-sm font-semibold text-slate-900">Per label</h3>
      {dashboard.labels.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No decided or labelled item in this range.</p>
      ) : (
        <table className="mt-2 w-full text-sm" data-testid="label-table">
          <thead className="text-left text-xs text-slate-500">
            <tr>
              <th className="py-1 font-medium">Label</th>
              <th className="py-1 text-right font-medium">Decided</th>
              <th className="py-1 text-right font-medium">Accuracy (95% CI, n)</th>
              <th className="py-1 text-right font-medium">Baseline</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.labels.map((l) => (
              <tr key={l.label} className="border-t border-slate-100">
                <td className="py-1 font-mono text-xs">{l.label}</td>
                <td className="py-1 text-right tabular-nums">{l.decided}</td>
                <td className="py-1 text-right tabular-nums">
                  {l.accuracy.n > 0
                    ? `${formatPercent(l.accuracy.rate)} (${formatPercent(l.accuracy.low)}–${formatPercent(l.accuracy.high)}, ${l.accuracy.n})`
                    : "n/a"}
                </td>
                <td className="py-1 text-right tabular-nums text-slate-600">
                  {formatPercent(baseline[l.label])}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
