import { CircleCheck, CircleX } from "lucide-react";
import { formatPercent } from "@/components/backtest/format";
import type { LifecycleOverview } from "./use-lifecycle";

type Readiness = NonNullable<LifecycleOverview["readiness"]>;

function format(value: number | null, unit: Readiness["criteria"][number]["unit"]): string {
  if (value === null) return "–";
  return unit === "share" ? formatPercent(value) : unit === "days" ? `${value} days` : String(value);
}

/** Cut-over readiness: each criterion with its target, what shadow measured, and whether it is met. */
export function ReadinessTable({ readiness }: { readiness: Readiness }) {
  return (
    <table className="w-full text-sm" data-testid="cutover-readiness">
      <caption className="mb-2 text-left text-xs text-slate-600">
        {readiness.criteriaVersion !== null
          ? `Against criteria v${readiness.criteriaVersion}, agreed for the backtest.`
          : "No criteria recorded."}
      </caption>
      <thead className="border-b border-slate-200 text-left text-xs text-slate-500">
        <tr>
          <th className="py-1.5 font-medium">Criterion</th>
          <th className="py-1.5 text-right font-medium">Target</th>
          <th className="py-1.5 text-right font-medium">Measured</th>
          <th className="py-1.5 pl-3 font-medium">Met?</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {readiness.criteria.map((c) => (
          <tr key={c.key} data-testid={`readiness-criterion-${c.key}`}>
            <td className="py-1.5">
              {c.name}
              {c.note ? <div className="text-xs text-slate-500">{c.note}</div> : null}
            </td>
            <td className="py-1.5 text-right tabular-nums text-slate-600">
              {c.comparison === ">=" ? "≥" : "≤"} {format(c.target, c.unit)}
            </td>
            <td className="py-1.5 text-right font-medium tabular-nums">{format(c.measured, c.unit)}</td>
            <td className="py-1.5 pl-3">
              {c.met ? (
                <span className="inline-flex items-center gap-1 text-emerald-700">
                  <CircleCheck className="h-4 w-4" aria-hidden /> Met
                </span>
              ) : (
                <span className="inline-flex items-center gap-1 font-medium text-red-700">
                  <CircleX className="h-4 w-4" aria-hidden /> Not yet
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
