"use client";

import { useQuery } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { formatDay } from "./format";
import { StatusBadge, VerdictBadge } from "./status-badge";

export function BacktestIndex() {
  const trpc = useTRPC();
  const index = useQuery(trpc.backtests.index.queryOptions());
  if (index.isPending) return <LoadingState label="Loading workflows…" />;
  if (index.isError) return <ErrorState message={index.error.message} onRetry={() => index.refetch()} />;
  if (index.data.length === 0) {
    return (
      <EmptyState icon={FlaskConical} title="No workflow to backtest yet">
        Create a workflow first, then import its history under Datasets.
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-3">
      {index.data.map((w) => (
        <li key={w.id}>
          <Card className="transition-shadow hover:shadow-sm">
            <Link href={`/backtests/${w.id}`} className="flex items-center gap-6 rounded-lg p-4">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">{w.name}</p>
                {w.description ? (
                  <p className="mt-1 line-clamp-1 text-sm text-slate-600">{w.description}</p>
                ) : null}
              </div>
              {w.latestRun ? (
                <div className="flex items-center gap-3 text-sm text-slate-600">
                  <span>
                    Latest: run #{w.latestRun.number}, {formatDay(w.latestRun.createdAt)}
                  </span>
                  <StatusBadge status={w.latestRun.status} />
                  <VerdictBadge passed={w.latestRun.passed} status={w.latestRun.status} />
                </div>
              ) : (
                <span className="text-sm text-slate-500">Never backtested</span>
              )}
            </Link>
          </Card>
        </li>
      ))}
    </ul>
  );
}
