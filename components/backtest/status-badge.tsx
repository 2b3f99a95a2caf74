import { Badge } from "@/components/ui/badge";
import type { BacktestStatus } from "@/server/services/backtests/types";

const LABELS: Record<BacktestStatus, string> = {
  queued: "Queued",
  training: "Training",
  running: "Running",
  done: "Finished",
  failed: "Failed",
  cancelled: "Cancelled",
};

export function StatusBadge({ status }: { status: BacktestStatus }) {
  const tone =
    status === "failed"
      ? "danger"
      : status === "cancelled"
        ? "neutral"
        : status === "done"
          ? "neutral"
          : "accent";
  return <Badge tone={tone}>{LABELS[status]}</Badge>;
}

/** Pass / fail against the criteria: the first thing a reader looks for. */
export function VerdictBadge({ passed, status }: { passed: boolean | null; status: BacktestStatus }) {
  if (status !== "done") return <span className="text-slate-400">–</span>;
  if (passed === null) return <Badge>No criteria</Badge>;
  return passed ? <Badge tone="success">Passed</Badge> : <Badge tone="danger">Failed</Badge>;
}
