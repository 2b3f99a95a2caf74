"use client";

import { useMutation } from "@tanstack/react-query";
import { Timer } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useRefreshLifecycle, type LifecycleOverview } from "./use-lifecycle";

/** The minimum shadow period: shown to owners, changed by admins (with a reason kept in the audit). */
export function ShadowPeriodSetting({ overview }: { overview: LifecycleOverview }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="flex items-center justify-between gap-2 text-sm" data-testid="shadow-period">
      <span className="flex items-center gap-1.5 text-slate-600">
        <Timer className="h-4 w-4 text-slate-500" aria-hidden />
        Shadow lasts at least{" "}
        <span className="font-medium text-slate-900">{overview.shadowMinDays} days</span>
      </span>
      {overview.viewerIsAdmin ? (
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
          Change
        </Button>
      ) : null}
      {open ? <ShadowPeriodDialog overview={overview} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function ShadowPeriodDialog({ overview, onClose }: { overview: LifecycleOverview; onClose(): void }) {
  const trpc = useTRPC();
  const refresh = useRefreshLifecycle();
  const ids = { days: useId(), reason: useId() };
  const [days, setDays] = useState(String(overview.shadowMinDays));
  const [reason, setReason] = useState("");
  const save = useMutation(
    trpc.lifecycle.setShadowMinDays.mutationOptions({ meta: { handlesOwnErrors: true } }),
  );
  const submit = async () => {
    await save.mutateAsync({ workflowId: overview.workflow.id, days: Number(days), reason });
    await refresh();
    toast.success(`Shadow now lasts at least ${days} days before cut-over.`);
    onClose();
  };
  return (
    <Dialog open onOpenChange={(next) => !next && onClose()}>
      <DialogContent
        title="Minimum shadow period"
        description="How many days a version runs beside the human process before it may cut over. Shorter periods see fewer weekly patterns."
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            void submit().catch(() => {});
          }}
        >
          <div className="space-y-1">
            <label htmlFor={ids.days} className="text-sm font-medium">
              Days (1–90)
            </label>
            <Input
              id={ids.days}
              type="number"
              min={1}
              max={90}
              required
              value={days}
              onChange={(e) => setDays(e.target.value)}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor={ids.reason} className="text-sm font-medium">
              Reason (required)
            </label>
            <Input
              id={ids.reason}
              required
              minLength={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          {save.error ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {save.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
