"use client";

import { Gauge, Pause, Play, Radar, Rocket, ShieldCheck, Square, Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { PendingAct } from "./act-dialog";
import { ShadowPeriodSetting } from "./shadow-period-setting";
import type { LifecycleAct, LifecycleOverview } from "./use-lifecycle";

const BUTTONS: Partial<
  Record<LifecycleAct, { label: string; icon: typeof Rocket; variant: "primary" | "secondary" | "danger" }>
> = {
  validate: { label: "Mark validated", icon: ShieldCheck, variant: "secondary" },
  startShadow: { label: "Start shadow", icon: Radar, variant: "secondary" },
  cutOver: { label: "Cut over to live", icon: Rocket, variant: "secondary" },
  stopShadow: { label: "Stop shadow", icon: Square, variant: "secondary" },
  pause: { label: "Pause", icon: Pause, variant: "secondary" },
  resume: { label: "Resume", icon: Play, variant: "secondary" },
  rollback: { label: "Roll back", icon: Undo2, variant: "danger" },
};

/** The acts the stage allows now, each behind a confirm dialog, and the canary steps while live. */
export function LifecycleActions({
  overview,
  onAct,
}: {
  overview: LifecycleOverview;
  onAct(pending: PendingAct): void;
}) {
  const acts = overview.legalActs.filter((a) => BUTTONS[a]);
  const { live, shadow, previousLive } = overview.versions;
  return (
    <Card className="space-y-4 p-4" data-testid="lifecycle-actions">
      <div>
        <h2 className="mb-2 text-sm font-semibold text-slate-900">Versions</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500">Live</dt>
          <dd>
            {live
              ? `v${live.version} at ${overview.canaryPercent}%${overview.stage === "paused" ? " (paused)" : ""}`
              : "none"}
          </dd>
          <dt className="text-slate-500">In shadow</dt>
          <dd>{shadow ? `v${shadow.version}` : "none"}</dd>
          <dt className="text-slate-500">Before live</dt>
          <dd>{previousLive ? `v${previousLive.version} (rollback target)` : "none"}</dd>
        </dl>
      </div>
      <div>
        <h2 className="mb-2 text-sm font-semibold text-slate-900">Actions</h2>
        <div className="flex flex-wrap gap-2">
          {acts.map((act) => {
            const button = BUTTONS[act]!;
            const Icon = button.icon;
            return (
              <Button key={act} size="sm" variant={button.variant} onClick={() => onAct({ act })}>
                <Icon className="h-4 w-4" aria-hidden /> {button.label}
              </Button>
            );
          })}
        </div>
      </div>
      <ShadowPeriodSetting overview={overview} />
      {overview.legalActs.includes("setCanary") ? (
        <div role="group" aria-labelledby="canary-title">
          <h2
            id="canary-title"
            className="mb-2 flex items-center gap-1.5 text-sm font-semibold text-slate-900"
          >
            <Gauge className="h-4 w-4 text-slate-500" aria-hidden /> Canary
          </h2>
          <div className="inline-flex rounded-md border border-slate-300 p-0.5" data-testid="canary-controls">
            {overview.canarySteps.map((p) => {
              const current = overview.canaryPercent === p;
              return (
                <button
                  key={p}
                  type="button"
                  aria-pressed={current}
                  disabled={current}
                  onClick={() => onAct({ act: "setCanary", percent: p })}
                  className={cn(
                    "h-7 rounded px-3 text-sm font-medium",
                    current ? "bg-accent-600 text-white" : "text-slate-700 hover:bg-slate-100",
                  )}
                >
                  {p}%
                </button>
              );
            })}
          </div>
          <p className="mt-1 text-xs text-slate-500">
            Share of items the live version acts on; the rest stay with people.
          </p>
        </div>
      ) : null}
    </Card>
  );
}
