"use client";

import { useState } from "react";
import type { EditorTab } from "@/components/editor/header/editor-header";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { ActDialog, type PendingAct } from "./act-dialog";
import { AutoRollbackBanner } from "./auto-rollback-banner";
import { LifecycleActions } from "./lifecycle-actions";
import { NextActionCard } from "./next-action-card";
import { ReadinessChecklist } from "./readiness-checklist";
import { ShadowReportSection } from "./shadow-report-section";
import { StageHistory } from "./stage-history";
import { StageStepper } from "./stage-stepper";
import { useLifecycleOverview } from "./use-lifecycle";

const STAGE_TONES = {
  draft: "neutral",
  validated: "accent",
  shadow: "warning",
  live: "success",
  paused: "danger",
} as const;
const STAGE_NAMES = {
  draft: "Draft",
  validated: "Validated",
  shadow: "Shadow",
  live: "Live",
  paused: "Paused",
} as const;

/** The workflow's road to production: stage, readiness checklist, next action, acts, audit and shadow report. */
export function OverviewTab({ workflowId, onTab }: { workflowId: string; onTab(tab: EditorTab): void }) {
  const overview = useLifecycleOverview(workflowId);
  const [pending, setPending] = useState<PendingAct | null>(null);
  return (
    <div className="min-h-0 flex-1 overflow-y-auto px-8 py-6" data-testid="overview-tab">
      {overview.isPending ? <LoadingState label="Checking readiness…" /> : null}
      {overview.isError ? (
        <ErrorState message={overview.error.message} onRetry={() => overview.refetch()} />
      ) : null}
      {overview.data ? (
        <div className="mx-auto max-w-6xl space-y-4">
          <Card className="flex items-center gap-6 p-4">
            <div className="shrink-0">
              <p className="text-xs text-slate-500">Stage</p>
              <Badge
                tone={STAGE_TONES[overview.data.stage]}
                className="text-sm"
                data-testid="lifecycle-stage"
              >
                {STAGE_NAMES[overview.data.stage]}
              </Badge>
            </div>
            <div className="min-w-0 flex-1">
              <StageStepper stage={overview.data.stage} />
            </div>
          </Card>
          {overview.data.autoRollback ? <AutoRollbackBanner rollback={overview.data.autoRollback} /> : null}
          <div className="grid grid-cols-3 gap-4">
            <div className="col-span-2 space-y-4">
              <NextActionCard overview={overview.data} onAct={setPending} onTab={onTab} />
              <ReadinessChecklist steps={overview.data.steps} workflowId={workflowId} onTab={onTab} />
            </div>
            <div className="space-y-4">
              <LifecycleActions overview={overview.data} onAct={setPending} />
              <StageHistory workflowId={workflowId} />
            </div>
          </div>
          <ShadowReportSection workflowId={workflowId} />
          <ActDialog pending={pending} overview={overview.data} onClose={() => setPending(null)} />
        </div>
      ) : null}
    </div>
  );
}
