"use client";

import { Activity, LineChart as LineChartIcon } from "lucide-react";
import Link from "next/link";
import { formatPercent } from "@/components/backtest/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { AlertsList } from "./alerts-list";
import { useMonitoringOverview, type OverviewRow } from "./use-monitoring";

const STAGE_TONES = {
  draft: "neutral",
  validated: "accent",
  shadow: "warning",
  live: "success",
  paused: "danger",
} as const;

function Versus({ value, baseline }: { value: number | null; baseline: number | null | undefined }) {
  return (
    <span className="tabular-nums">
      {formatPercent(value)} <span className="text-xs text-slate-500">vs {formatPercent(baseline)}</span>
    </span>
  );
}

function Row({ row }: { row: OverviewRow }) {
  const { summary, baseline } = row;
  return (
    <tr className="border-t border-slate-100" data-testid="overview-row">
      <td className="py-2 pr-3">
        <Link
          href={`/workflows/${encodeURIComponent(row.id)}?tab=monitoring`}
          className="font-medium text-accent-700 hover:underline"
        >
          {row.name}
        </Link>
        <div className="mt-0.5 flex gap-1.5">
          <Badge tone={STAGE_TONES[row.stage]}>{row.stage}</Badge>
          <span className="text-xs text-slate-500">{row.mode} items</span>
        </div>
      </td>
      <td className="py-2 text-right tabular-nums">{summary.itemsIn}</td>
      <td className="py-2 text-right">
        <Versus value={summary.automationRate} baseline={baseline?.automationRate} />
      </td>
      <td className="py-2 text-right">
        <Versus value={summary.escalationRate} baseline={baseline?.escalationRate} />
      </td>
      <td className="py-2 text-right">
        <Versus value={summary.accuracy.rate} baseline={baseline?.autoAccuracy} />
        <div className="text-xs text-slate-500">
          {summary.accuracy.n > 0
            ? `CI ${formatPercent(summary.accuracy.low)}–${formatPercent(summary.accuracy.high)}, n=${summary.accuracy.n}`
            : "no labels"}
        </div>
      </td>
      <td className="py-2 pl-3">
        {row.openEpisode ? (
          <Badge tone="danger">
            <Activity className="mr-1 inline h-3 w-3" aria-hidden />
            volume {row.openEpisode.peakRatio.toFixed(1)}×
          </Badge>
        ) : null}
        {row.openFlags.map((f) => (
          <Badge key={f.id} tone="warning" className="ml-1">
            {f.metric.replace("_", " ")} drift
          </Badge>
        ))}
        {!row.openEpisode && row.openFlags.length === 0 ? (
          <span className="text-xs text-emerald-700">in band</span>
        ) : null}
      </td>
    </tr>
  );
}

/** Every watched workflow at a glance (last 7 days against its baseline), then the alerts. */
export function MonitoringOverview({ showAlerts }: { showAlerts: boolean }) {
  const overview = useMonitoringOverview();
  return (
    <div className="space-y-6">
      {overview.isPending ? <LoadingState label="Measuring every workflow…" /> : null}
      {overview.isError ? (
        <ErrorState message={overview.error.message} onRetry={() => overview.refetch()} />
      ) : null}
      {overview.data && overview.data.length === 0 ? (
        <EmptyState icon={LineChartIcon} title="No workflow to watch yet">
          A workflow is monitored from the moment it runs in shadow: its baseline is recorded then.
        </EmptyState>
      ) : null}
      {overview.data && overview.data.length > 0 ? (
        <Card className="p-4">
          <h2 className="text-sm font-semibold text-slate-900">Last 7 days against baseline</h2>
          <table className="mt-2 w-full text-sm" data-testid="monitoring-overview">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-1 font-medium">Workflow</th>
                <th className="py-1 text-right font-medium">Items</th>
                <th className="py-1 text-right font-medium">Automation</th>
                <th className="py-1 text-right font-medium">Escalation</th>
                <th className="py-1 text-right font-medium">Accuracy</th>
                <th className="py-1 pl-3 font-medium">Flags</th>
              </tr>
            </thead>
            <tbody>
              {overview.data.map((row) => (
                <Row key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        </Card>
      ) : null}
      {showAlerts ? <AlertsList /> : null}
    </div>
  );
}
