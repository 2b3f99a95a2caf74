"use client";

import { useQuery } from "@tanstack/react-query";
import { Database } from "lucide-react";
import Link from "next/link";
import { formatBytes, formatCount, formatDay } from "@/components/backtest/format";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

export function DatasetsList() {
  const trpc = useTRPC();
  const datasets = useQuery(trpc.datasets.list.queryOptions());
  if (datasets.isPending) return <LoadingState label="Loading datasets…" />;
  if (datasets.isError)
    return <ErrorState message={datasets.error.message} onRetry={() => datasets.refetch()} />;
  if (datasets.data.length === 0) {
    return (
      <EmptyState icon={Database} title="No dataset yet">
        Import 60 to 90 days of past cases (CSV or JSON Lines) with their actual outcome, then backtest a
        workflow against them.
      </EmptyState>
    );
  }
  return (
    <Card className="overflow-hidden">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2.5">Name</th>
            <th className="px-4 py-2.5 text-right">Cases</th>
            <th className="px-4 py-2.5 text-right">Bad rows</th>
            <th className="px-4 py-2.5">Period</th>
            <th className="px-4 py-2.5 text-right">Labels</th>
            <th className="px-4 py-2.5">Imported</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {datasets.data.map((d) => (
            <tr key={d.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/datasets/${d.id}`} className="font-medium text-accent-700 hover:underline">
                  {d.name}
                </Link>
                <div className="text-xs text-slate-500">
                  {d.sourceName || "—"} · {formatBytes(d.bytes)}
                </div>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{formatCount(d.rowCount)}</td>
              <td className="px-4 py-3 text-right tabular-nums">
                {d.badRowCount > 0 ? (
                  <Badge tone="warning">{formatCount(d.badRowCount)}</Badge>
                ) : (
                  <span className="text-slate-500">0</span>
                )}
              </td>
              <td className="px-4 py-3 text-slate-700">
                {d.status === "ready" && d.firstAt && d.lastAt ? (
                  `${formatDay(d.firstAt)} – ${formatDay(d.lastAt)}`
                ) : d.status === "failed" ? (
                  <Badge tone="danger">Import failed</Badge>
                ) : (
                  <Badge tone="accent">Importing…</Badge>
                )}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{d.labelCount}</td>
              <td className="px-4 py-3 text-slate-600">
                {formatDay(d.createdAt)}
                {d.createdByName ? <span className="text-slate-500"> · {d.createdByName}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
