"use client";

import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { CriteriaCard } from "./criteria-card";
import { NewRunForm } from "./new-run-form";
import { RunDetail } from "./run-detail";
import { RunsTable } from "./runs-table";

const ACTIVE = new Set(["queued", "training", "running"]);

/** One workflow's backtests: its criteria, a new run, the runs so far, and the latest run's results. */
export function BacktestScreen({ workflowId }: { workflowId: string }) {
  const trpc = useTRPC();
  const screen = useQuery({
    ...trpc.backtests.screen.queryOptions({ workflowId }),
    refetchInterval: (query) => (query.state.data?.runs.some((r) => ACTIVE.has(r.status)) ? 2000 : false),
  });
  if (screen.isPending) return <LoadingState label="Loading backtests…" />;
  if (screen.isError) return <ErrorState message={screen.error.message} onRetry={() => screen.refetch()} />;
  const { workflow, versions, datasets, criteria, runs, approvers } = screen.data;
  const latest = runs[0];
  return (
    <>
      <PageHeader
        title={`Backtests · ${workflow.name}`}
        description="Run a version against real history, judged by criteria recorded beforehand, and signed off by the named approver."
        actions={
          <Link
            href={`/workflows/${workflow.id}`}
            className="inline-flex items-center gap-1 text-sm font-medium text-accent-700 hover:underline"
          >
            <ExternalLink className="h-4 w-4" aria-hidden /> Open the workflow
          </Link>
        }
      />
      <div className="space-y-4">
        <div className="grid grid-cols-2 gap-4">
          <CriteriaCard workflowId={workflow.id} history={criteria} approvers={approvers} />
          <NewRunForm
            workflowId={workflow.id}
            versions={versions}
            datasets={datasets}
            hasCriteria={criteria.length > 0}
            defaultReads={latest?.readsFixture}
            defaultDatasetId={latest?.datasetId}
          />
        </div>
        <RunsTable workflowId={workflow.id} runs={runs} />
        {latest ? (
          <section aria-label="Latest run" className="space-y-2">
            <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Latest run</h2>
            <RunDetail runId={latest.id} full={false} />
          </section>
        ) : null}
      </div>
    </>
  );
}
