"use client";

import { ArrowRight, Gauge, History, Settings2, ShieldAlert, Undo2 } from "lucide-react";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useStageHistory, type StageEvent } from "./use-lifecycle";

const KIND: Record<StageEvent["kind"], { icon: typeof History; label: string; className: string }> = {
  transition: { icon: ArrowRight, label: "Transition", className: "text-accent-600" },
  canary: { icon: Gauge, label: "Canary", className: "text-slate-600" },
  rollback: { icon: Undo2, label: "Rollback", className: "text-amber-600" },
  auto_rollback: { icon: ShieldAlert, label: "Automatic rollback", className: "text-red-600" },
  policy: { icon: Settings2, label: "Policy change", className: "text-slate-600" },
};

/** The audit: every lifecycle act, newest first, with who did it and why. */
export function StageHistory({ workflowId }: { workflowId: string }) {
  const history = useStageHistory(workflowId);
  return (
    <Card className="p-4" data-testid="stage-history">
      <h2 className="mb-2 flex items-center gap-1.5 text-sm font-semibold text-slate-900">
        <History className="h-4 w-4 text-slate-500" aria-hidden /> Audit history
      </h2>
      {history.isPending ? <LoadingState label="Loading the history…" /> : null}
      {history.isError ? (
        <ErrorState message={history.error.message} onRetry={() => history.refetch()} />
      ) : null}
      {history.data?.length === 0 ? <p className="text-sm text-slate-500">No lifecycle act yet.</p> : null}
      <ol className="max-h-96 space-y-3 overflow-y-auto">
        {history.data?.map((event) => {
          const kind = KIND[event.kind];
          const Icon = kind.icon;
          return (
            <li key={event.id} className="flex gap-2 text-sm">
              <Icon className={`mt-0.5 h-4 w-4 shrink-0 ${kind.className}`} aria-label={kind.label} />
              <div className="min-w-0">
                <p className="text-slate-900">
                  <span className="font-medium">{event.actorName}</span>{" "}
                  <span className="text-slate-600">
                    {event.fromStage === event.toStage
                      ? event.toStage
                      : `${event.fromStage} → ${event.toStage}`}
                    {event.version !== null ? ` · v${event.version}` : ""}
                    {event.canaryPercent !== null ? ` · ${event.canaryPercent}%` : ""}
                  </span>
                </p>
                {event.reason ? <p className="break-words text-xs text-slate-600">{event.reason}</p> : null}
                <p className="text-xs text-slate-400">{formatDateTime(event.at)}</p>
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
