import { Activity, AlertTriangle, CheckCircle2 } from "lucide-react";
import { formatDateTime } from "@/components/ui/format";
import type { Dashboard } from "./use-monitoring";

const METRIC_NAMES: Record<string, string> = {
  accuracy: "Accuracy",
  escalation_rate: "Escalation rate",
  latency_p95: "p95 processing time",
  mean_confidence: "Mean confidence",
};

/** Drift flags and volume episodes: open ones first and loud, those of the range after them, quiet. */
export function FlagsPanel({ dashboard }: { dashboard: Dashboard }) {
  const { flags, episodes } = dashboard;
  if (flags.length === 0 && episodes.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-emerald-700" data-testid="no-flags">
        <CheckCircle2 className="h-4 w-4" aria-hidden /> Every figure is in its band, and input volume stayed
        normal over this range.
      </p>
    );
  }
  return (
    <ul className="space-y-2" data-testid="flags-panel">
      {episodes.map((e) => (
        <li
          key={e.id}
          className={
            e.endedAt === null
              ? "flex gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900"
              : "flex gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700"
          }
        >
          <Activity className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          <span>
            <strong>Volume episode</strong> {e.endedAt === null ? "open since" : "from"}{" "}
            {formatDateTime(e.startedAt)}
            {e.endedAt ? ` to ${formatDateTime(e.endedAt)}` : ""}: peak {e.peakCount} items in{" "}
            {e.windowMinutes} minutes against {e.expectedCount.toFixed(1)} expected ({e.peakRatio.toFixed(1)}
            ×).{" "}
            {e.action === "escalate"
              ? "Every live item was escalated (reason: volume)."
              : e.paused
                ? "The workflow was paused."
                : ""}
          </span>
        </li>
      ))}
      {flags.map((f) => (
        <li
          key={f.id}
          className={
            f.clearedAt === null
              ? "flex gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
              : "flex gap-2 rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-700"
          }
        >
          <AlertTriangle className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
          <span>
            <strong>{METRIC_NAMES[f.metric] ?? f.metric} out of band</strong> since{" "}
            {formatDateTime(f.raisedAt)}
            {f.clearedAt ? ` (back in band ${formatDateTime(f.clearedAt)})` : ""}: {f.detail}.
          </span>
        </li>
      ))}
    </ul>
  );
}
