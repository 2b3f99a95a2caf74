"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Loader2, Square } from "lucide-react";
import Link from "next/link";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ConfusionHeatmap } from "./confusion-heatmap";
import { formatCount, formatDay, formatDuration, formatPercent, formatWindow } from "./format";
import { LabelTable } from "./label-table";
import { MetricsSummary } from "./metrics-summary";
import { MismatchExplorer } from "./mismatch-explorer";
import { NodeStats } from "./node-stats";
import { ProgressBar } from "./progress-bar";
import { SignOffPanel } from "./sign-off-panel";
import { StatusBadge } from "./status-badge";
import { SweepChart } from "./sweep-chart";
import { VerdictPanel } from "./verdict-panel";

const ACTIVE = new Set(["queued", "training", "running"]);

function Section({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <Card className="p-5" aria-labelledby={id}>
      <h2 id={id} className="mb-3 font-semibold">
        {title}
      </h2>
      {children}
    </Card>
  );
}

/** One run: live progress while it runs; then the verdict, the figures, and (in full) mismatches and the sweep. */
export function RunDetail({ runId, full }: { runId: string; full: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useQuery({
    ...trpc.backtests.get.queryOptions({ runId }),
    refetchInterval: (query) => (query.state.data && ACTIVE.has(query.state.data.status) ? 1000 : false),
  });
  const cancel = useMutation(
    trpc.backtests.cancel.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.backtests.get.queryKey({ runId }) }),
    }),
  );
  if (run.isPending) return <LoadingState label="Loading the backtest…" />;
  if (run.isError) return <ErrorState message={run.error.message} onRetry={() => run.refetch()} />;
  const r = run.data;
  const active = ACTIVE.has(r.status);

  return (
    <div className="space-y-4" data-testid="run-detail">
      <Card className="p-5">
        <div className="flex items-start justify-between gap-4">
          <div>
            <div className="flex items-center gap-2">
              <h2 className="text-lg font-semibold">Run #{r.number}</h2>
              <StatusBadge status={r.status} />
            </div>
            <p className="mt-1 text-sm text-slate-600">
              Version {r.version}
              {r.published ? " (published)" : " (draft)"} · {r.dataset.name} ·{" "}
              {formatWindow(r.windowFrom, r.windowTo)} · {formatCount(r.progress.total)} items
              {r.startedByName ? ` · started by ${r.startedByName}` : ""}
            </p>
            {r.thresholds.some((t) => t.overridden) ? (
              <p className="mt-1 text-xs text-slate-500">
                Thresholds changed for this run:{" "}
                {r.thresholds
                  .filter((t) => t.overridden)
                  .map((t) => `${t.name} ${t.graphValue.toFixed(2)} → ${t.value.toFixed(2)}`)
                  .join(", ")}
              </p>
            ) : null}
            {r.trainedModels.map((m) => (
              <p key={m.trainedModelId} className="mt-1 text-xs text-slate-600">
                Embedded model <span className="font-medium">{m.modelKey}</span> trained on{" "}
                {formatCount(m.trainingSize)} cases before {formatDay(m.cutoff)} only
                {m.heldOutAccuracy !== null ? ` (held-out accuracy ${formatPercent(m.heldOutAccuracy)})` : ""}
                {m.reused ? "; the same training as an earlier run, reused" : ""}.
              </p>
            ))}
          </div>
          {active ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={cancel.isPending || r.cancelRequested}
              onClick={() => cancel.mutate({ runId })}
            >
              <Square className="h-4 w-4" aria-hidden /> {r.cancelRequested ? "Cancelling…" : "Cancel"}
            </Button>
          ) : null}
        </div>
        {active ? (
          <div className="mt-4 space-y-2" aria-live="polite">
            <ProgressBar value={r.progress.processed} max={r.progress.total} label="Backtest progress" />
            <p className="flex items-center gap-2 text-sm text-slate-600" data-testid="run-progress">
              <Loader2 className="h-4 w-4 animate-spin" aria-hidden />
              {r.status === "training"
                ? `Training the embedded model on the cases before ${formatDay(r.windowFrom)}…`
                : r.status === "queued"
                  ? "Waiting to start…"
                  : `${formatCount(r.progress.processed)} of ${formatCount(r.progress.total)} items · ${formatCount(r.progress.itemsPerSecond)} items/s · about ${formatDuration(r.progress.etaSeconds)} left`}
            </p>
          </div>
        ) : null}
        {r.status === "failed" ? (
          <div className="mt-4">
            <ErrorState message={`The run failed: ${r.error ?? "unknown error"}`} />
          </div>
        ) : null}
        {r.status === "cancelled" ? (
          <p className="mt-3 text-sm text-slate-600">
            Cancelled after {formatCount(r.progress.processed)} of {formatCount(r.progress.total)} items.
          </p>
        ) : null}
        {r.status === "done" ? (
          <p className="mt-2 text-xs text-slate-500">
            Finished in {formatDuration(r.elapsedSeconds)} ({formatCount(r.progress.itemsPerSecond)} items/s).
          </p>
        ) : null}
      </Card>

      {r.status === "done" && r.metrics ? (
        <>
          <div className="grid grid-cols-[3fr_2fr] gap-4">
            <Section title="Against the criteria" id={`verdict-${runId}`}>
              <VerdictPanel verdict={r.verdict} criteriaVersion={r.criteria?.version} />
            </Section>
            <Section title="Sign-off" id={`sign-off-${runId}`}>
              <SignOffPanel
                runId={runId}
                passed={r.passed}
                finished
                approverName={r.criteria?.approverName ?? null}
                canSignOff={r.canSignOff}
                signOff={r.signOff}
              />
            </Section>
          </div>
          <MetricsSummary metrics={r.metrics} />
          <Section title="Confusion matrix" id={`confusion-${runId}`}>
            <ConfusionHeatmap confusion={r.metrics.confusion} />
          </Section>
          {full ? (
            <>
              <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
                <Section title="Per label" id={`labels-${runId}`}>
                  <LabelTable labels={r.metrics.labels} />
                </Section>
                <Section title="Per node" id={`nodes-${runId}`}>
                  <NodeStats nodes={r.metrics.nodes} workflowId={r.workflowId} />
                </Section>
              </div>
              <Section title="Threshold sweep" id={`sweep-${runId}`}>
                <SweepChart runId={runId} />
              </Section>
              <Section title="Where the workflow and history differ" id={`mismatches-${runId}`}>
                <MismatchExplorer runId={runId} workflowId={r.workflowId} />
              </Section>
            </>
          ) : (
            <p className="text-sm">
              <Link
                href={`/backtests/${r.workflowId}/runs/${runId}`}
                className="font-medium text-accent-700 underline underline-offset-2"
              >
                Open run #{r.number}: per-label and per-node figures, the threshold sweep and every mismatch
              </Link>
            </p>
          )}
        </>
      ) : null}
    </div>
  );
}
