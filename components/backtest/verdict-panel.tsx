import { CircleCheck, CircleX } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { Verdict } from "@/server/services/backtests/types";
import { formatPercent } from "./format";

const SHOWN_RECALL_PASSES = 6;

/** Pass or fail per criterion, the overall verdict first. */
export function VerdictPanel({
  verdict,
  criteriaVersion,
}: {
  verdict: Verdict | null;
  criteriaVersion?: number;
}) {
  if (!verdict)
    return <p className="text-sm text-slate-600">This run had no criteria to be judged against.</p>;
  const failing = verdict.criteria.filter((c) => !c.pass);
  const passing = verdict.criteria.filter((c) => c.pass);
  const recallPasses = passing.filter((c) => c.key.startsWith("minLabelRecall:"));
  const shown = [
    ...failing,
    ...passing.filter((c) => !c.key.startsWith("minLabelRecall:")),
    ...recallPasses.slice(0, SHOWN_RECALL_PASSES),
  ];
  return (
    <div>
      <div
        data-testid="verdict"
        className={cn(
          "mb-3 flex items-center gap-2 rounded-md px-3 py-2 font-semibold",
          verdict.pass ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800",
        )}
      >
        {verdict.pass ? (
          <CircleCheck className="h-5 w-5" aria-hidden />
        ) : (
          <CircleX className="h-5 w-5" aria-hidden />
        )}
        {verdict.pass ? "Passed" : `Failed ${failing.length} of ${verdict.criteria.length} criteria`}
        <span className="text-xs font-normal">(criteria v{criteriaVersion ?? verdict.criteriaVersion})</span>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Each criterion, required and measured</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <th className="py-1 font-medium">Criterion</th>
            <th className="py-1 text-right font-medium">Required</th>
            <th className="py-1 text-right font-medium">Measured</th>
            <th className="py-1 pl-3 font-medium">Result</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((c) => (
            <tr key={c.key} data-testid={`criterion-${c.key}`}>
              <td className="py-1.5">
                {c.name}
                {c.note ? <div className="text-xs text-slate-500">{c.note}</div> : null}
              </td>
              <td className="py-1.5 text-right tabular-nums text-slate-600">
                {c.comparison === ">=" ? "≥" : "≤"} {formatPercent(c.required)}
              </td>
              <td className="py-1.5 text-right font-medium tabular-nums">{formatPercent(c.actual)}</td>
              <td className="py-1.5 pl-3">
                {c.pass ? (
                  <span className="inline-flex items-center gap-1 text-emerald-700">
                    <CircleCheck className="h-4 w-4" aria-hidden /> Pass
                  </span>
                ) : (
                  <span className="inline-flex items-center gap-1 font-medium text-red-700">
                    <CircleX className="h-4 w-4" aria-hidden /> Fail
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {recallPasses.length > SHOWN_RECALL_PASSES ? (
        <p className="mt-1 text-xs text-slate-500">
          …and {recallPasses.length - SHOWN_RECALL_PASSES} more labels meet their recall.
        </p>
      ) : null}
    </div>
  );
}
