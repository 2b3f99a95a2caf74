"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import {
  useLifecycleAct,
  useRefreshLifecycle,
  type LifecycleAct,
  type LifecycleOverview,
} from "./use-lifecycle";

export interface PendingAct {
  act: LifecycleAct;
  /** For a canary change: the percentage asked for. */
  percent?: number;
}

const COPY: Record<
  LifecycleAct,
  { title: string; confirm: string; danger?: boolean; reasonRequired?: boolean; done: string }
> = {
  validate: { title: "Mark as validated", confirm: "Mark validated", done: "The workflow is validated." },
  startShadow: {
    title: "Start the shadow run",
    confirm: "Start shadow",
    done: "The shadow run has started.",
  },
  stopShadow: { title: "Stop the shadow run", confirm: "Stop shadow", done: "The shadow run has stopped." },
  cutOver: { title: "Cut over to live", confirm: "Cut over", done: "The workflow is live." },
  pause: {
    title: "Pause live",
    confirm: "Pause",
    danger: true,
    reasonRequired: true,
    done: "Live is paused.",
  },
  resume: { title: "Resume live", confirm: "Resume", done: "Live has resumed." },
  rollback: {
    title: "Roll back",
    confirm: "Roll back",
    danger: true,
    reasonRequired: true,
    done: "Rolled back.",
  },
  setCanary: { title: "Change the canary", confirm: "Apply", done: "The canary percentage is changed." },
};

const v = (ref: { version: number | null } | null | undefined) =>
  ref?.version != null ? `version ${ref.version}` : "the version";

function describe(act: LifecycleAct, o: LifecycleOverview, percent: number | undefined): string {
  const { live, previousLive, shadow, candidate } = o.versions;
  switch (act) {
    case "validate":
      return `${v(candidate)} passed its backtest and the backtest is signed off. The workflow moves to Validated; the act is recorded in the audit.`;
    case "startShadow":
      return `${v(candidate)} runs beside the human process on every item, with no connector writes and no review tasks; what it would have done is compared with what people decide.${live ? ` ${v(live)} stays live.` : ""}`;
    case "stopShadow":
      return live && o.stage === "live"
        ? `${v(shadow)} stops running in shadow; ${v(live)} stays live.`
        : `${v(shadow)} stops running in shadow and the workflow goes back to Validated.`;
    case "cutOver":
      return `${v(shadow)} starts acting on items: connector writes happen and escalations create review tasks. Start with a share of items (chosen by a stable hash of the item id); the rest stay with the human process.`;
    case "pause":
      return `${v(live)} stops acting: every item runs in shadow on it, with no side effects, until you resume.`;
    case "resume":
      return `${v(live)} acts on ${o.canaryPercent}% of items again.`;
    case "rollback":
      return previousLive
        ? `${v(previousLive)} becomes the live version again; ${v(live)} returns to shadow, so it keeps being compared.`
        : `No version was live before ${v(live)}: the workflow goes back to shadow with it.`;
    case "setCanary":
      return `The live version will act on ${percent ?? 100}% of items (chosen by a stable hash of the item id); the rest stay with the human process. The canary guard watches accuracy and escalations after the change.`;
  }
}

const textareaClass =
  "w-full rounded-md border border-slate-300 bg-white p-2 text-sm focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-500/30";

/** Confirms one lifecycle act, asking for a reason where the audit needs one; a refused gate reads inline. */
export function ActDialog({
  pending,
  overview,
  onClose,
}: {
  pending: PendingAct | null;
  overview: LifecycleOverview;
  onClose(): void;
}) {
  // Mounted per opening, so every opening starts with an empty form.
  return pending ? <ActForm pending={pending} overview={overview} onClose={onClose} /> : null;
}

function ActForm({
  pending,
  overview,
  onClose,
}: {
  pending: PendingAct;
  overview: LifecycleOverview;
  onClose(): void;
}) {
  const perform = useLifecycleAct(overview.workflow.id);
  const refresh = useRefreshLifecycle();
  const [reason, setReason] = useState("");
  const [shortenReason, setShortenReason] = useState("");
  const [percent, setPercent] = useState<number>(pending.percent ?? 10);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { reason: useId(), shorten: useId(), error: useId() };

  const copy = COPY[pending.act];
  const period = overview.readiness?.period;
  const shortening = pending.act === "cutOver" && period !== undefined && !period.met;
  const missingReason =
    (copy.reasonRequired && !reason.trim()) ||
    (shortening && overview.viewerIsAdmin && !shortenReason.trim());

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await perform(pending.act, { reason, percent, shortenReason });
      toast.success(copy.done);
      await refresh();
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title={copy.title} description={describe(pending.act, overview, percent)}>
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          {pending.act === "cutOver" ? (
            <fieldset>
              <legend className="mb-1.5 text-sm font-medium">Start at</legend>
              <div className="flex gap-2">
                {overview.canarySteps.map((p) => (
                  <label
                    key={p}
                    className={cn(
                      "flex cursor-pointer items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-500",
                      percent === p ? "border-accent-600 bg-accent-50 text-accent-700" : "border-slate-300",
                    )}
                  >
                    <input
                      type="radio"
                      name="canary"
                      value={p}
                      checked={percent === p}
                      onChange={() => setPercent(p)}
                      className="sr-only"
                    />
                    {p}% of items
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          {shortening && period ? (
            overview.viewerIsAdmin ? (
              <div className="space-y-1">
                <label htmlFor={ids.shorten} className="text-sm font-medium">
                  Why cut over after {period.days.toFixed(1)} of {period.minDays} days? (required)
                </label>
                <textarea
                  id={ids.shorten}
                  rows={2}
                  maxLength={1000}
                  value={shortenReason}
                  onChange={(e) => setShortenReason(e.target.value)}
                  className={textareaClass}
                />
                <p className="text-xs text-slate-500">
                  As an admin you may shorten the shadow period; the reason is recorded.
                </p>
              </div>
            ) : (
              <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                The shadow run has lasted {period.days.toFixed(1)} of its {period.minDays} days. Only an admin
                can cut over earlier, with a reason.
              </p>
            )
          ) : null}
          <div className="space-y-1">
            <label htmlFor={ids.reason} className="text-sm font-medium">
              Reason {copy.reasonRequired ? "(required)" : "(optional)"}
            </label>
            <textarea
              id={ids.reason}
              rows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby={error ? ids.error : undefined}
              className={textareaClass}
              placeholder="Kept in the audit with your name"
            />
          </div>
          {error ? (
            <p id={ids.error} role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Cancel
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant={copy.danger ? "danger" : "primary"}
              disabled={busy || Boolean(missingReason)}
            >
              {busy ? "Working…" : pending.act === "setCanary" ? `Set to ${pending.percent}%` : copy.confirm}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
