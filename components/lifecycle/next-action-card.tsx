"use client";

import { ArrowRight } from "lucide-react";
import type { EditorTab } from "@/components/editor/header/editor-header";
import { Button } from "@/components/ui/button";
import { StepLink } from "./step-link";
import type { LifecycleOverview } from "./use-lifecycle";
import type { PendingAct } from "./act-dialog";

/** The one obvious next step: a primary button that either performs the act or opens where the work is done. */
export function NextActionCard({
  overview,
  onAct,
  onTab,
}: {
  overview: LifecycleOverview;
  onAct(pending: PendingAct): void;
  onTab(tab: EditorTab): void;
}) {
  const next = overview.nextAction;
  const actionable = next.act !== undefined && overview.legalActs.includes(next.act);
  return (
    <section
      aria-labelledby="next-action-title"
      className="flex items-center gap-4 rounded-lg border border-accent-100 bg-accent-50 p-4"
      data-testid="next-action"
    >
      <div className="min-w-0 flex-1">
        <p className="text-xs font-medium uppercase tracking-wide text-accent-700">Next</p>
        <h2 id="next-action-title" className="text-base font-semibold text-slate-900">
          {next.label}
        </h2>
        {next.detail ? <p className="text-sm text-slate-600">{next.detail}</p> : null}
      </div>
      {actionable ? (
        <Button onClick={() => onAct({ act: next.act!, percent: next.percent })}>
          {next.label} <ArrowRight className="h-4 w-4" aria-hidden />
        </Button>
      ) : next.href ? (
        <Button asChild>
          <StepLink href={next.href} workflowId={overview.workflow.id} onTab={onTab}>
            {next.label} <ArrowRight className="h-4 w-4" aria-hidden />
          </StepLink>
        </Button>
      ) : null}
    </section>
  );
}
