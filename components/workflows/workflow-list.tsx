"use client";

import { useQuery } from "@tanstack/react-query";
import { CheckCircle2, CircleAlert, Workflow } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatDate } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

export function WorkflowList({ canOpen }: { canOpen: boolean }) {
  const trpc = useTRPC();
  const workflows = useQuery(trpc.workflows.list.queryOptions());

  if (workflows.isPending) return <LoadingState label="Loading workflows…" />;
  if (workflows.isError)
    return <ErrorState message={workflows.error.message} onRetry={() => workflows.refetch()} />;
  if (workflows.data.length === 0) {
    return (
      <EmptyState icon={Workflow} title="No workflows yet">
        {canOpen
          ? "Create one to start drawing your first decision tree."
          : "A process owner has not created any workflow yet."}
      </EmptyState>
    );
  }

  return (
    <ul className="grid gap-3">
      {workflows.data.map((w) => {
        const body = (
          <>
            <div className="min-w-0 flex-1">
              <div className="flex items-center gap-2">
                <span className="truncate font-medium text-slate-900">{w.name}</span>
                {w.publishedVersion != null ? (
                  <Badge tone="success">Published v{w.publishedVersion}</Badge>
                ) : (
                  <Badge>Not published</Badge>
                )}
                {w.latestVersion != null && w.latestVersion !== w.publishedVersion ? (
                  <Badge tone="accent">Draft v{w.latestVersion}</Badge>
                ) : null}
              </div>
              {w.description ? (
                <p className="mt-1 line-clamp-2 text-sm text-slate-600">{w.description}</p>
              ) : null}
            </div>
            <dl className="flex shrink-0 items-center gap-6 text-sm text-slate-600">
              <div className="text-right">
                <dt className="text-xs text-slate-500">Nodes</dt>
                <dd className="font-medium text-slate-800 tabular-nums">{w.nodeCount ?? "–"}</dd>
              </div>
              <div className="text-right">
                <dt className="text-xs text-slate-500">Test cases</dt>
                <dd className="font-medium text-slate-800 tabular-nums">{w.testCaseCount}</dd>
              </div>
              <div className="w-24 text-right">
                <dt className="text-xs text-slate-500">Latest draft</dt>
                <dd className="flex items-center justify-end gap-1 font-medium">
                  {w.latestValid === false ? (
                    <>
                      <CircleAlert className="h-4 w-4 text-amber-600" aria-hidden />{" "}
                      <span className="text-amber-700">Invalid</span>
                    </>
                  ) : (
                    <>
                      <CheckCircle2 className="h-4 w-4 text-emerald-600" aria-hidden />{" "}
                      <span className="text-emerald-700">Valid</span>
                    </>
                  )}
                </dd>
              </div>
              <div className="w-28 text-right">
                <dt className="text-xs text-slate-500">Updated</dt>
                <dd className="text-slate-700">{formatDate(w.updatedAt)}</dd>
              </div>
            </dl>
          </>
        );
        return (
          <li key={w.id}>
            <Card className="transition-shadow hover:shadow-sm">
              {canOpen ? (
                <Link href={`/workflows/${w.id}`} className="flex items-center gap-6 rounded-lg p-4">
                  {body}
                </Link>
              ) : (
                <div className="flex items-center gap-6 p-4">{body}</div>
              )}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
