"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Gauge } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import type { LlmModelRef } from "@/lib/engine/model-ref";
import { ReliabilityBars } from "./reliability-bars";

const ece = (value: number) => value.toFixed(3);

/**
 * Where an LLM node's confidence stands: calibrated on a named backtest run (with the ECE before and after), or
 * not yet, in which case its thresholds act on the raw score. "Calibrate from run…" fits a calibration on a
 * finished run and puts it in the node's config (a draft change, published like any other).
 */
export function LlmCalibrationPanel({
  workflowId,
  nodeId,
  model,
  onChange,
  disabled,
}: {
  workflowId: string | undefined;
  nodeId: string | undefined;
  model: LlmModelRef;
  onChange(model: LlmModelRef, field?: string): void;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const calibrationId = model.calibration?.id;
  const stored = useQuery(
    trpc.modelProviders.calibration.queryOptions(
      { calibrationId: calibrationId ?? "" },
      { enabled: calibrationId !== undefined, staleTime: 60_000 },
    ),
  );
  const view = stored.data;
  const canCalibrate = Boolean(workflowId && nodeId && model.providerId && model.model) && !disabled;
  const stale = view && (view.providerId !== model.providerId || view.model !== model.model);

  return (
    <div
      className="rounded-md border border-slate-200 bg-slate-50 p-3 text-xs text-slate-700"
      data-testid="llm-calibration"
    >
      <div className="flex items-start gap-2">
        <Gauge className="mt-0.5 h-4 w-4 shrink-0 text-slate-500" aria-hidden />
        <div className="min-w-0 flex-1 space-y-1">
          {!model.calibration ? (
            <p>
              <span className="font-medium text-slate-900">Not calibrated yet:</span> thresholds act on raw
              scores. Calibrate on a backtest so a threshold of 0.8 means the outcome was right about 80% of
              the time.
            </p>
          ) : view ? (
            <>
              <p>
                <span className="font-medium text-slate-900">
                  Calibrated on backtest run #{view.sourceRunNumber}:
                </span>{" "}
                ECE {ece(view.eceBefore)} → {ece(view.eceAfter)} over {view.sampleSize.toLocaleString("en")}{" "}
                judged outcomes ({Math.round(view.accuracy * 100)}% right). Thresholds act on calibrated
                confidence.
              </p>
              {stale ? (
                <p className="text-amber-700">
                  Fitted for {view.model}; this node now asks {model.model || "another model"}. Calibrate
                  again.
                </p>
              ) : null}
              <ReliabilityBars before={view.binsBefore} after={view.binsAfter} />
            </>
          ) : stored.isError ? (
            <p className="text-amber-700">The calibration in this config is no longer stored.</p>
          ) : (
            <p>Calibrated (loading the details…)</p>
          )}
        </div>
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <Button
          type="button"
          size="sm"
          variant="secondary"
          disabled={!canCalibrate}
          onClick={() => setOpen(true)}
          title={canCalibrate ? undefined : "Pick a provider and a model first"}
        >
          {model.calibration ? "Recalibrate from run…" : "Calibrate from run…"}
        </Button>
        {model.calibration ? (
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={disabled}
            onClick={() => onChange({ ...model, calibration: undefined }, "calibration")}
          >
            Use raw scores
          </Button>
        ) : null}
      </div>
      {open && workflowId && nodeId ? (
        <CalibrateDialog
          target={{ workflowId, nodeId, providerId: model.providerId, model: model.model }}
          onClose={() => setOpen(false)}
          onCalibrated={(calibration) => onChange({ ...model, calibration }, "calibration")}
        />
      ) : null}
    </div>
  );
}

function CalibrateDialog({
  target,
  onClose,
  onCalibrated,
}: {
  target: { workflowId: string; nodeId: string; providerId: string; model: string };
  onClose(): void;
  onCalibrated(calibration: NonNullable<LlmModelRef["calibration"]>): void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const runs = useQuery(trpc.modelProviders.calibrationRuns.queryOptions(target));
  const usable = (runs.data ?? []).filter((r) => !r.unusable);
  const preferred = usable.find((r) => r.signedOff) ?? usable[0];
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const runId = picked ?? preferred?.id;
  const calibrate = useMutation(
    trpc.modelProviders.calibrate.mutationOptions({
      onSuccess: async ({ calibration, view }) => {
        queryClient.setQueryData(
          trpc.modelProviders.calibration.queryKey({ calibrationId: calibration.id }),
          view,
        );
        onCalibrated(calibration);
        toast.success(
          `Calibrated on run #${view.sourceRunNumber}: ECE ${ece(view.eceBefore)} → ${ece(view.eceAfter)}. Save the draft to keep it.`,
        );
        onClose();
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <Dialog open onOpenChange={(next) => (next ? undefined : onClose())}>
      <DialogContent
        title="Calibrate from a backtest run"
        description="Fits how often this node's outcome was right at each confidence the model gave, and maps its scores to that. Runs of another model cannot calibrate this one."
        className="max-w-lg"
      >
        {runs.isLoading ? (
          <p className="text-sm text-slate-500">Loading runs…</p>
        ) : (runs.data ?? []).length === 0 ? (
          <p className="text-sm text-slate-600">
            No finished backtest of this workflow yet. Run one with this model, then calibrate from it.
          </p>
        ) : (
          <fieldset className="max-h-72 space-y-1 overflow-y-auto" aria-label="Backtest runs">
            {runs.data!.map((run) => (
              <label
                key={run.id}
                className={`flex items-start gap-2 rounded-md px-2 py-1.5 text-sm ${run.unusable ? "text-slate-400" : "hover:bg-slate-50"}`}
              >
                <input
                  type="radio"
                  name="calibration-run"
                  className="mt-1 accent-accent-600"
                  value={run.id}
                  disabled={run.unusable !== null}
                  checked={runId === run.id}
                  onChange={() => setPicked(run.id)}
                />
                <span>
                  Run #{run.number} · version {run.version} · {run.items.toLocaleString("en")} items
                  {run.finishedAt ? ` · ${new Date(run.finishedAt).toLocaleDateString()}` : ""}
                  {run.signedOff ? (
                    <span className="ml-1 rounded bg-emerald-50 px-1 text-xs text-emerald-700">
                      signed off
                    </span>
                  ) : null}
                  {run.unusable ? <span className="block text-xs">{run.unusable}</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              Cancel
            </Button>
          </DialogClose>
          <Button
            type="button"
            disabled={!runId || calibrate.isPending}
            onClick={() => runId && calibrate.mutate({ ...target, runId })}
          >
            {calibrate.isPending ? "Calibrating…" : "Calibrate"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
