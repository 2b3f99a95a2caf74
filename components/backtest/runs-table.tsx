"use client";

import { GitCompare } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { RunListEntry } from "@/server/services/backtests/queries/list-runs";
import { formatCount, formatPercent, formatWindow } from "./format";
import { ProgressBar } from "./progress-bar";
import { StatusBadge, VerdictBadge } from "./status-badge";

export function RunsTable({ workflowId, runs }: { workflowId: string; runs: RunListEntry[] }) {
  const [picked, setPicked] = useState<string[]>([]);
  if (runs.length === 0) {
    return (
      <Card className="p-5 text-sm text-slate-600">
        No backtest yet. Record the criteria, then start one: the results show here.
      </Card>
    );
  }
  const toggle = (id: string) =>
    setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p.slice(-1), id]));
  const [a, b] = [...picked].sort(
    (x, y) => (runs.find((r) => r.id === x)?.number ?? 0) - (runs.find((r) => r.id === y)?.number ?? 0),
  );
  return (
    <Card className="overflow-hidden">
      <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2.5">
        <h2 className="font-semibold">Runs</h2>
        <div className="flex items-center gap-2 text-sm text-slate-600">
          <span>{picked.length < 2 ? "Tick two runs to compare them" : null}</span>
          {a && b ? (
            <Button asChild size="sm" variant="secondary">
              <Link href={`/backtests/${workflowId}/compare?a=${a}&b=${b}`}>
                <GitCompare className="h-4 w-4" aria-hidden /> Compare #{runs.find((r) => r.id === a)?.number}{" "}
                and #{runs.find((r) => r.id === b)?.number}
              </Link>
            </Button>
          ) : null}
        </div>
      </div>
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="w-10 px-3 py-2.5">
              <span className="sr-only">Compare</span>
            </th>
            <th className="px-3 py-2.5">Run</th>
            <th className="px-3 py-2.5">Version</th>
            <th className="px-3 py-2.5">Dataset and window</th>
            <th className="px-3 py-2.5">Status</th>
            <th className="px-3 py-2.5 text-right">Auto accuracy</th>
            <th className="px-3 py-2.5 text-right">Escalation</th>
            <th className="px-3 py-2.5">Criteria</th>
            <th className="px-3 py-2.5">Sign-off</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id} className="hover:bg-slate-50">
              <td className="px-3 py-2.5">
                <input
                  type="checkbox"
                  aria-label={`Compare run #${run.number}`}
                  checked={picked.includes(run.id)}
                  onChange={() => toggle(run.id)}
                />
              </td>
              <td className="px-3 py-2.5">
                <Link
                  href={`/backtests/${workflowId}/runs/${run.id}`}
                  className="font-medium text-accent-700 hover:underline"
                >
                  #{run.number}
                </Link>
                <div className="text-xs text-slate-500">{run.startedByName ?? "CLI"}</div>
              </td>
              <td className="px-3 py-2.5">
                v{run.version}
                {run.published ? <span className="text-xs text-slate-500"> (published)</span> : null}
                {Object.keys(run.thresholdOverrides).length > 0 ? (
                  <div className="text-xs text-slate-500">thresholds changed</div>
                ) : null}
              </td>
              <td className="px-3 py-2.5">
                {run.datasetName}
                <div className="text-xs text-slate-500">{formatWindow(run.windowFrom, run.windowTo)}</div>
              </td>
              <td className="px-3 py-2.5">
                {run.status === "running" || run.status === "training" || run.status === "queued" ? (
                  <div className="w-36 space-y-1">
                    <ProgressBar
                      value={run.processedItems}
                      max={run.totalItems}
                      label={`Progress of run #${run.number}`}
                    />
                    <div className="text-xs text-slate-500 tabular-nums">
                      {formatCount(run.processedItems)} / {formatCount(run.totalItems)}
                    </div>
                  </div>
                ) : (
                  <StatusBadge status={run.status} />
                )}
              </td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatPercent(run.autoAccuracy)}</td>
              <td className="px-3 py-2.5 text-right tabular-nums">{formatPercent(run.escalationRate)}</td>
              <td className="px-3 py-2.5">
                <VerdictBadge passed={run.passed} status={run.status} />
                {run.criteriaVersion ? (
                  <span className="ml-1 text-xs text-slate-500">v{run.criteriaVersion}</span>
                ) : null}
              </td>
              <td className="px-3 py-2.5 text-xs text-slate-600">
                {run.signedOffBy ? `Signed off by ${run.signedOffBy}` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
