"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronRight, SlidersHorizontal } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

/** Workflows, each with how many thresholds its published version has and how many an admin overrode. */
export function ThresholdWorkflows() {
  const trpc = useTRPC();
  const workflows = useQuery(trpc.thresholds.workflows.queryOptions());
  if (workflows.isPending) return <LoadingState label="Loading workflows…" />;
  if (workflows.isError)
    return <ErrorState message={workflows.error.message} onRetry={() => workflows.refetch()} />;
  if (workflows.data.length === 0) {
    return (
      <EmptyState icon={SlidersHorizontal} title="No workflows yet">
        Thresholds appear here once a process owner publishes a workflow with classify, assess or match nodes.
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-3">
      {workflows.data.map((w) => (
        <li key={w.id}>
          <Card className="transition-shadow hover:shadow-sm">
            <Link href={`/admin/thresholds/${w.id}`} className="flex items-center gap-4 rounded-lg p-4">
              <div className="min-w-0 flex-1">
                <div className="flex items-center gap-2">
                  <span className="font-medium text-slate-900">{w.name}</span>
                  {w.publishedVersion != null ? (
                    <Badge tone="success">Published v{w.publishedVersion}</Badge>
                  ) : (
                    <Badge>Not published</Badge>
                  )}
                </div>
                {w.description ? (
                  <p className="mt-1 line-clamp-1 text-sm text-slate-600">{w.description}</p>
                ) : null}
              </div>
              <dl className="flex items-center gap-6 text-right text-sm">
                <div>
                  <dt className="text-xs text-slate-500">Thresholds</dt>
                  <dd className="font-medium tabular-nums">{w.thresholdCount}</dd>
                </div>
                <div>
                  <dt className="text-xs text-slate-500">Overridden</dt>
                  <dd className="font-medium tabular-nums">{w.overrides}</dd>
                </div>
              </dl>
              <ChevronRight className="h-4 w-4 text-slate-400" aria-hidden />
            </Link>
          </Card>
        </li>
      ))}
    </ul>
  );
}
