import { formatPercent } from "@/components/backtest/format";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { Dashboard } from "./use-monitoring";

function Figure({
  label,
  value,
  baseline,
  note,
  flagged,
  testId,
}: {
  label: string;
  value: string;
  baseline: string;
  note?: string;
  flagged?: boolean;
  testId: string;
}) {
  return (
    <Card className={cn("p-3", flagged && "border-amber-400 bg-amber-50")} data-testid={testId}>
      <p className="text-xs text-slate-500">{label}</p>
      <p className="mt-0.5 text-xl font-semibold tabular-nums text-slate-900">{value}</p>
      {note ? <p className="text-xs text-slate-600">{note}</p> : null}
      <p className="mt-1 text-xs text-slate-500">
        Baseline <span className="font-medium tabular-nums text-slate-700">{baseline}</span>
      </p>
    </Card>
  );
}

const ms = (value: number | null | undefined) =>
  value === null || value === undefined ? "n/a" : `${Math.round(value)} ms`;

/** The range's headline figures, each with its baseline beside it; a figure with an open drift flag is marked. */
export function FigureCards({ dashboard }: { dashboard: Dashboard }) {
  const { summary, baseline } = dashboard;
  const open = new Set(dashboard.flags.filter((f) => f.clearedAt === null).map((f) => f.metric));
  const accuracy = summary.accuracy;
  // What the baseline's hour-of-week volume expects over the same range (null without volume history).
  const expectedItems = dashboard.series.some((p) => p.expectedItems !== null)
    ? dashboard.series.reduce((sum, p) => sum + (p.expectedItems ?? 0), 0)
    : null;
  return (
    <div className="grid grid-cols-5 gap-3">
      <Figure
        label="Items in"
        value={summary.itemsIn.toLocaleString("en-GB")}
        note={`${summary.processed.toLocaleString("en-GB")} processed`}
        baseline={
          expectedItems !== null ? `${expectedItems.toLocaleString("en-GB")} expected` : "no volume history"
        }
        testId="figure-items"
      />
      <Figure
        label="Automation rate"
        value={formatPercent(summary.automationRate)}
        baseline={formatPercent(baseline?.automationRate)}
        testId="figure-automation"
      />
      <Figure
        label="Escalation rate"
        value={formatPercent(summary.escalationRate)}
        note={`${summary.escalated} escalated`}
        baseline={formatPercent(baseline?.escalationRate)}
        flagged={open.has("escalation_rate")}
        testId="figure-escalation"
      />
      <Figure
        label="Accuracy"
        value={formatPercent(accuracy.rate)}
        note={
          accuracy.n > 0
            ? `95% CI ${formatPercent(accuracy.low)}–${formatPercent(accuracy.high)}, n=${accuracy.n}`
            : "no labelled decisions yet"
        }
        baseline={formatPercent(baseline?.autoAccuracy)}
        flagged={open.has("accuracy")}
        testId="figure-accuracy"
      />
      <Figure
        label="Processing time"
        value={`${ms(summary.processingP50Ms)} median`}
        note={`p95 ${ms(summary.processingP95Ms)}`}
        baseline={`${ms(baseline?.latencyP50Ms)} / p95 ${ms(baseline?.latencyP95Ms)}`}
        flagged={open.has("latency_p95")}
        testId="figure-latency"
      />
    </div>
  );
}
