import { cn } from "@/components/ui/cn";
import type { BacktestMetrics } from "@/server/services/backtests/types";
import { formatCount } from "./format";

const MAX_LABELS = 20;

function shade(share: number, diagonal: boolean): string {
  if (share === 0) return "bg-white text-slate-300";
  const steps = diagonal
    ? [
        "bg-emerald-50",
        "bg-emerald-100",
        "bg-emerald-200",
        "bg-emerald-300",
        "bg-emerald-500 text-white",
        "bg-emerald-700 text-white",
      ]
    : [
        "bg-red-50",
        "bg-red-100",
        "bg-red-200",
        "bg-red-300",
        "bg-red-500 text-white",
        "bg-red-700 text-white",
      ];
  const index = Math.min(steps.length - 1, Math.floor(Math.sqrt(share) * steps.length));
  return steps[index]!;
}

/**
 * Actual outcome (rows) against the workflow's outcome (columns), shaded by each cell's share of its row:
 * green on the diagonal (right), red elsewhere (wrong), grey for escalations. The busiest labels first; the
 * rest folded into "other".
 */
export function ConfusionHeatmap({ confusion }: { confusion: BacktestMetrics["confusion"] }) {
  const special = (p: string) => p.startsWith("(");
  const rows = confusion.actual.slice(0, MAX_LABELS);
  const folded = confusion.actual.length > MAX_LABELS;
  const labelColumns = confusion.predicted.filter((p) => !special(p) && rows.includes(p));
  const otherColumns = confusion.predicted.filter((p) => !special(p) && !rows.includes(p));
  const specialColumns = confusion.predicted.filter(special);
  const columns = [...labelColumns, ...(otherColumns.length > 0 ? ["other"] : []), ...specialColumns];
  const cell = (rowIndex: number, column: string): number => {
    const counts = confusion.counts[rowIndex] ?? [];
    if (column === "other")
      return otherColumns.reduce((sum, p) => sum + (counts[confusion.predicted.indexOf(p)] ?? 0), 0);
    return counts[confusion.predicted.indexOf(column)] ?? 0;
  };
  return (
    <div className="w-0 min-w-full overflow-x-auto">
      <table className="border-separate border-spacing-0.5 text-xs" data-testid="confusion-matrix">
        <caption className="mb-2 text-left text-xs text-slate-600">
          Rows: what actually happened · columns: what the workflow did · shade: share of the row
          {folded ? ` · the ${MAX_LABELS} most frequent outcomes of ${confusion.actual.length}` : ""}
        </caption>
        <thead>
          <tr>
            <th className="px-2 py-1 text-right align-bottom font-medium text-slate-500" scope="col">
              actual ↓ / workflow →
            </th>
            {columns.map((c) => (
              <th key={c} scope="col" className="h-24 w-10 px-0.5 align-bottom font-medium text-slate-700">
                <span
                  className="inline-block max-h-24 truncate [writing-mode:vertical-rl] rotate-180"
                  title={c}
                >
                  {c}
                </span>
              </th>
            ))}
            <th scope="col" className="px-2 align-bottom font-medium text-slate-500">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((label, r) => {
            const total = (confusion.counts[r] ?? []).reduce((a, b) => a + b, 0);
            return (
              <tr key={label}>
                <th
                  scope="row"
                  className="max-w-44 truncate px-2 py-1 text-right font-medium text-slate-700"
                  title={label}
                >
                  {label}
                </th>
                {columns.map((c) => {
                  const n = cell(r, c);
                  const share = total > 0 ? n / total : 0;
                  const tone = special(c)
                    ? n === 0
                      ? "bg-white text-slate-300"
                      : "bg-slate-200 text-slate-700"
                    : shade(share, c === label);
                  return (
                    <td
                      key={c}
                      className={cn("h-8 w-10 rounded-sm text-center tabular-nums", tone)}
                      title={`${label} → ${c}: ${formatCount(n)} (${(share * 100).toFixed(1)}% of the row)`}
                    >
                      {n === 0 ? "·" : n >= 10_000 ? `${Math.round(n / 1000)}k` : n}
                    </td>
                  );
                })}
                <td className="px-2 text-right tabular-nums text-slate-600">{formatCount(total)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-2 flex items-center gap-4 text-xs text-slate-600" aria-hidden>
        <span className="flex items-center gap-1">
          <span className="h-3 w-3 rounded-sm bg-emerald-500" /> right outcome
        </span>
        <span className="flex items-center gap-1">
          <span className="h-3 w-3 rounded-sm bg-red-400" /> wrong outcome
        </span>
        <span className="flex items-center gap-1">
          <span className="h-3 w-3 rounded-sm bg-slate-200" /> handed to a person
        </span>
      </div>
    </div>
  );
}
