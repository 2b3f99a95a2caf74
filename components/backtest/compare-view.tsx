"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formatCount, formatDelta, formatPercent, formatWindow } from "./format";
import { VerdictBadge } from "./status-badge";

/** Better is up for accuracy and automation, down for escalation. */
function DeltaCell({ value, higherIsBetter }: { value: number | null; higherIsBetter: boolean }) {
  const good = value !== null && value !== 0 && value > 0 === higherIsBetter;
  const bad = value !== null && value !== 0 && !good;
  return (
    <td
      className={cn(
        "px-4 py-2 text-right font-medium tabular-nums",
        good && "text-emerald-700",
        bad && "text-red-700",
      )}
    >
      {formatDelta(value)}
    </td>
  );
}

export function CompareView({
  workflowId,
  leftRunId,
  rightRunId,
}: {
  workflowId: string;
  leftRunId: string;
  rightRunId: string;
}) {
  const trpc = useTRPC();
  const [pages, setPages] = useState<number[]>([-1]);
  const after = pages[pages.length - 1]!;
  const compare = useQuery({
    ...trpc.backtests.compare.queryOptions({
      leftRunId,
      rightRunId,
      after: after === -1 ? undefined : after,
      limit: 25,
    }),
    enabled: leftRunId !== "" && rightRunId !== "",
  });
  const back = (
    <Link
      href={`/backtests/${workflowId}`}
      className="inline-flex items-center gap-1 text-sm text-accent-700 hover:underline"
    >
      <ArrowLeft className="h-4 w-4" aria-hidden /> All backtests of this workflow
    </Link>
  );
  if (!leftRunId || !rightRunId)
    return <ErrorState message="Pick two runs to compare on the workflow’s backtest page." />;
  if (compare.isPending) return <LoadingState label="Comparing…" />;
  if (compare.isError)
    return <ErrorState message={compare.error.message} onRetry={() => compare.refetch()} />;
  const { left, right, metrics, changes } = compare.data;
  const head = (r: typeof left) => (
    <div>
      <div className="font-semibold">
        Run #{r.number} · v{r.version} <VerdictBadge passed={r.passed} status={r.status} />
      </div>
      <div className="text-xs font-normal text-slate-500">
        {r.datasetName} · {formatWindow(r.windowFrom, r.windowTo)}
        {r.thresholds.length > 0
          ? ` · ${r.thresholds.map((t) => `${t.name} ${t.value.toFixed(2)}`).join(", ")}`
          : ""}
      </div>
    </div>
  );
  return (
    <div className="space-y-4">
      {back}
      <PageHeader
        title={`Run #${left.number} against run #${right.number}`}
        description="The same history through two versions (or two thresholds): what got better, what got worse."
      />
      <Card className="overflow-hidden">
        <table className="w-full text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-left">
            <tr>
              <th className="px-4 py-2 text-xs font-medium uppercase tracking-wide text-slate-500">Metric</th>
              <th className="px-4 py-2 text-right">{head(left)}</th>
              <th className="px-4 py-2 text-right">{head(right)}</th>
              <th className="px-4 py-2 text-right text-xs font-medium uppercase tracking-wide text-slate-500">
                Change
              </th>
            </tr>
          </thead>
          {metrics ? (
            <tbody className="divide-y divide-slate-100">
              {(
                [
                  ["Accuracy on auto-handled", metrics.autoAccuracy, true],
                  ["Escalation rate", metrics.escalationRate, false],
                  ["Automation rate", metrics.automationRate, true],
                ] as const
              ).map(([name, [l, r, d], higher]) => (
                <tr key={name}>
                  <td className="px-4 py-2">{name}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatPercent(l)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatPercent(r)}</td>
                  <DeltaCell value={d} higherIsBetter={higher} />
                </tr>
              ))}
              {metrics.labels.slice(0, 12).map((l) => (
                <tr key={l.label} className="text-slate-600">
                  <td className="px-4 py-1.5 pl-8 text-xs">Recall of {l.label}</td>
                  <td className="px-4 py-1.5 text-right text-xs tabular-nums">
                    {formatPercent(l.recall[0])}
                  </td>
                  <td className="px-4 py-1.5 text-right text-xs tabular-nums">
                    {formatPercent(l.recall[1])}
                  </td>
                  <DeltaCell value={l.recallDelta} higherIsBetter />
                </tr>
              ))}
            </tbody>
          ) : (
            <tbody>
              <tr>
                <td colSpan={4} className="px-4 py-3 text-slate-600">
                  One of the runs has not finished: figures appear when both have.
                </td>
              </tr>
            </tbody>
          )}
        </table>
      </Card>
      {changes ? (
        <Card className="p-5">
          <h2 className="font-semibold">Items whose outcome changed</h2>
          <p className="mb-3 text-sm text-slate-600">
            {formatCount(changes.counts.changed)} changed:{" "}
            <span className="text-emerald-700">{formatCount(changes.counts.fixed)} now right</span>,{" "}
            <span className="text-red-700">{formatCount(changes.counts.broken)} now wrong</span>,{" "}
            {formatCount(changes.counts.newlyEscalated)} newly handed to a person,{" "}
            {formatCount(changes.counts.noLongerEscalated)} no longer.
          </p>
          {changes.items.length > 0 ? (
            <table className="w-full text-sm">
              <thead className="border-b border-slate-200 text-left text-xs text-slate-500">
                <tr>
                  <th className="py-1.5">Item</th>
                  <th className="py-1.5">Actual</th>
                  <th className="py-1.5">Run #{left.number}</th>
                  <th className="py-1.5">Run #{right.number}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {changes.items.map((c) => (
                  <tr key={c.rowId}>
                    <td className="py-1.5 font-mono text-xs">{c.itemId}</td>
                    <td className="py-1.5">{c.actualLabel}</td>
                    <td
                      className={cn(
                        "py-1.5",
                        c.leftKind === "correct"
                          ? "text-emerald-700"
                          : c.leftKind === "wrong"
                            ? "text-red-700"
                            : "text-slate-600",
                      )}
                    >
                      {c.leftPredicted}
                    </td>
                    <td
                      className={cn(
                        "py-1.5",
                        c.rightKind === "correct"
                          ? "text-emerald-700"
                          : c.rightKind === "wrong"
                            ? "text-red-700"
                            : "text-slate-600",
                      )}
                    >
                      {c.rightPredicted}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="mt-3 flex justify-end gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={pages.length <= 1}
              onClick={() => setPages((p) => p.slice(0, -1))}
            >
              Previous
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={changes.nextAfter === null}
              onClick={() => setPages((p) => [...p, changes.nextAfter!])}
            >
              Next
            </Button>
          </div>
        </Card>
      ) : (
        <p className="text-sm text-slate-600">
          The two runs used different datasets: only their figures compare.
        </p>
      )}
    </div>
  );
}
