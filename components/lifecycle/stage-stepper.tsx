import { Check, Pause } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { LifecycleOverview } from "./use-lifecycle";

const STEPS = [
  { id: "draft", label: "Draft", hint: "drawn and tested" },
  { id: "validated", label: "Validated", hint: "backtest signed off" },
  { id: "shadow", label: "Shadow", hint: "beside the human process" },
  { id: "live", label: "Live", hint: "acting on items" },
] as const;

/** draft → validated → shadow → live, with where the workflow is now (paused sits on live). */
export function StageStepper({ stage }: { stage: LifecycleOverview["stage"] }) {
  const current = stage === "paused" ? 3 : STEPS.findIndex((s) => s.id === stage);
  return (
    <ol className="flex items-center gap-2" aria-label="Lifecycle stage" data-testid="stage-stepper">
      {STEPS.map((step, i) => {
        const done = i < current;
        const here = i === current;
        return (
          <li
            key={step.id}
            className="flex min-w-0 flex-1 items-center gap-2"
            aria-current={here ? "step" : undefined}
          >
            <span
              className={cn(
                "flex h-7 w-7 shrink-0 items-center justify-center rounded-full text-xs font-semibold ring-1 ring-inset",
                done && "bg-emerald-600 text-white ring-emerald-600",
                here && stage !== "paused" && "bg-accent-600 text-white ring-accent-600",
                here && stage === "paused" && "bg-amber-500 text-white ring-amber-500",
                !done && !here && "bg-white text-slate-500 ring-slate-300",
              )}
              aria-hidden
            >
              {done ? (
                <Check className="h-4 w-4" />
              ) : here && stage === "paused" ? (
                <Pause className="h-3.5 w-3.5" />
              ) : (
                i + 1
              )}
            </span>
            <span className="min-w-0">
              <span className={cn("block text-sm font-medium", here ? "text-slate-900" : "text-slate-600")}>
                {here && stage === "paused" ? "Live (paused)" : step.label}
                <span className="sr-only">{done ? " (done)" : here ? " (current stage)" : ""}</span>
              </span>
              <span className="block truncate text-xs text-slate-500">{step.hint}</span>
            </span>
            {i < STEPS.length - 1 ? (
              <span className={cn("h-px flex-1", done ? "bg-emerald-500" : "bg-slate-200")} aria-hidden />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
