import { Card } from "@/components/ui/card";
import type { BacktestMetrics } from "@/server/services/backtests/types";
import { formatCount, formatPercent } from "./format";

const REASONS: Record<string, string> = {
  confidence: "low confidence",
  rule: "a rule",
  connector: "a system unavailable",
  volume: "volume",
  manual: "by design",
};

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card className="p-4">
      <p className="text-xs text-slate-500">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      {detail ? <p className="mt-1 text-xs text-slate-500">{detail}</p> : null}
    </Card>
  );
}

export function MetricsSummary({ metrics }: { metrics: BacktestMetrics }) {
  const reasons = Object.entries(metrics.escalationsByReason).sort((a, b) => b[1] - a[1]);
  return (
    <div className="grid grid-cols-5 gap-3">
      <Figure
        label="Items"
        value={formatCount(metrics.items)}
        detail={metrics.errors > 0 ? `${formatCount(metrics.errors)} errors` : "no error"}
      />
      <Figure
        label="Accuracy on auto-handled"
        value={formatPercent(metrics.autoAccuracy)}
        detail={`${formatCount(metrics.autoHandled)} handled without a person`}
      />
      <Figure
        label="Escalation rate"
        value={formatPercent(metrics.escalationRate)}
        detail={
          reasons.length > 0
            ? reasons.map(([r, n]) => `${formatCount(n)} ${REASONS[r] ?? r}`).join(" · ")
            : "none escalated"
        }
      />
      <Figure
        label="Automation rate"
        value={formatPercent(metrics.automationRate)}
        detail={`${formatCount(metrics.escalatedAgreeing)} escalations a person also handled in history`}
      />
      <Figure
        label="Latency per item"
        value={`${metrics.latency.meanMs.toFixed(2)} ms`}
        detail={`p50 ≤ ${metrics.latency.p50Ms} ms · p95 ≤ ${metrics.latency.p95Ms} ms · ${formatCount(metrics.engineItemsPerSecond)} items/s`}
      />
    </div>
  );
}
