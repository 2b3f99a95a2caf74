"use client";

import { FileText, LineChart as LineChartIcon } from "lucide-react";
import { useState } from "react";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { formatDateTime } from "@/components/ui/format";
import { currentMonth } from "@/lib/monitoring/month";
import { AccuracyChart } from "./charts/accuracy-chart";
import { EscalationReasonsChart } from "./charts/escalation-reasons-chart";
import { LabelAccuracyChart } from "./charts/label-accuracy-chart";
import { LabelVolumeChart } from "./charts/label-volume-chart";
import { LatencyChart } from "./charts/latency-chart";
import { RatesChart } from "./charts/rates-chart";
import { VolumeChart } from "./charts/volume-chart";
import { ConnectorHealthCard } from "./connector-health-card";
import { ConnectorHealthTable } from "./connector-health-table";
import { FigureCards } from "./figure-cards";
import { FlagsPanel } from "./flags-panel";
import { LabelTable } from "./label-table";
import { NodeView } from "./node-view";
import { RangeControls, type RangeChoice } from "./range-controls";
import { SettingsCard } from "./settings-card";
import { useDashboard } from "./use-monitoring";

/** The workflow's monitoring: figures beside their baseline, flags and episodes, charts over time, nodes, connectors. */
export function MonitoringTab({ workflowId }: { workflowId: string }) {
  const [choice, setChoice] = useState<RangeChoice>({ days: 30, granularity: "day", mode: undefined });
  const dashboard = useDashboard({ workflowId, ...choice });
  const data = dashboard.data;
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-8 py-6" data-testid="monitoring-tab">
      <div className="mx-auto max-w-7xl space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <RangeControls choice={choice} mode={data?.mode} onChange={setChoice} />
          <a
            href={`/reviews/${encodeURIComponent(workflowId)}/${currentMonth()}`}
            className="flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-50"
          >
            <FileText className="h-4 w-4" aria-hidden /> Monthly review
          </a>
        </div>
        {dashboard.isPending ? <LoadingState label="Measuring…" /> : null}
        {dashboard.isError ? (
          <ErrorState message={dashboard.error.message} onRetry={() => dashboard.refetch()} />
        ) : null}
        {data ? (
          <>
            <p className="text-xs text-slate-500" data-testid="baseline-line">
              {data.baseline
                ? `Baseline: version ${data.baseline.version ?? "?"}, recorded ${formatDateTime(data.baseline.recordedAt)} as it entered ${data.baseline.stage}${data.baseline.backtestRunNumber ? ` (backtest #${data.baseline.backtestRunNumber})` : ""}; volume from ${data.baseline.volumeSource === "none" ? "nowhere (no history)" : `${data.baseline.volumeSource} (${data.baseline.volumeWeeks} weeks)`}.`
                : "No baseline yet: it is recorded when a version enters shadow or live."}
              {data.truncated ? " Only the oldest 50,000 items of the range are counted." : ""}
            </p>
            {data.summary.itemsIn === 0 ? (
              <EmptyState icon={LineChartIcon} title={`No ${data.mode} items in this range`}>
                Items appear here as the workflow receives them in {data.mode} mode. Pick a longer range, or
                the other mode.
              </EmptyState>
            ) : (
              <>
                <FigureCards dashboard={data} />
                <FlagsPanel dashboard={data} />
                <div className="grid grid-cols-2 gap-4">
                  <VolumeChart dashboard={data} />
                  <RatesChart dashboard={data} />
                  <AccuracyChart dashboard={data} />
                  <EscalationReasonsChart dashboard={data} />
                  <LabelVolumeChart dashboard={data} />
                  <LabelAccuracyChart dashboard={data} />
                  <LatencyChart dashboard={data} />
                </div>
                <NodeView dashboard={data} />
                <ConnectorHealthCard dashboard={data} />
                <div className="grid grid-cols-3 items-start gap-4">
                  <div className="col-span-2 space-y-4">
                    <LabelTable dashboard={data} />
                    <ConnectorHealthTable dashboard={data} />
                  </div>
                  <SettingsCard workflowId={workflowId} />
                </div>
              </>
            )}
            {data.summary.itemsIn === 0 ? (
              <div className="max-w-md">
                <SettingsCard workflowId={workflowId} />
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
