"use client";

import { ChevronRight, CircleCheck, CircleDashed, Lock } from "lucide-react";
import type { EditorTab } from "@/components/editor/header/editor-header";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { StepLink } from "./step-link";
import type { ReadinessStep } from "./use-lifecycle";

const STATE = {
  done: { icon: CircleCheck, label: "Done", className: "text-emerald-600" },
  todo: { icon: CircleDashed, label: "To do", className: "text-amber-600" },
  blocked: { icon: Lock, label: "Blocked", className: "text-slate-400" },
} as const;

/** The method as a checklist: each step, its state, one line on where it stands and a link to where it is done. */
export function ReadinessChecklist({
  steps,
  workflowId,
  onTab,
}: {
  steps: readonly ReadinessStep[];
  workflowId: string;
  onTab(tab: EditorTab): void;
}) {
  const done = steps.filter((s) => s.state === "done").length;
  return (
    <Card className="p-4" data-testid="readiness-checklist">
      <h2 className="mb-3 flex items-baseline justify-between text-sm font-semibold text-slate-900">
        Readiness checklist
        <span className="text-xs font-normal text-slate-500">
          {done} of {steps.length} done
        </span>
      </h2>
      <ol className="divide-y divide-slate-100">
        {steps.map((step) => {
          const state = STATE[step.state];
          const Icon = state.icon;
          return (
            <li key={step.id} data-testid={`readiness-${step.id}`} data-state={step.state}>
              <StepLink
                href={step.href}
                workflowId={workflowId}
                onTab={onTab}
                className="group flex items-start gap-3 rounded-md px-1 py-2.5 hover:bg-slate-50"
              >
                <Icon className={cn("mt-0.5 h-5 w-5 shrink-0", state.className)} aria-hidden />
                <span className="min-w-0 flex-1">
                  <span className="flex items-center gap-2 text-sm font-medium text-slate-900">
                    {step.title}
                    <span className={cn("text-xs font-normal", state.className)}>{state.label}</span>
                  </span>
                  <span className="block text-xs text-slate-600">{step.detail}</span>
                </span>
                <ChevronRight
                  className="mt-1 h-4 w-4 shrink-0 text-slate-400 group-hover:text-slate-700"
                  aria-hidden
                />
              </StepLink>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
