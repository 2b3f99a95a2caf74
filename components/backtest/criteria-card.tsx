"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { History, Pencil, ShieldCheck } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { formatDateTime } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import type { LabelRecallCriterion } from "@/server/services/backtests/types";
import { ROLE_LABELS, type Role } from "@/lib/roles";
import { formatPercent } from "./format";

export interface CriteriaVersion {
  id: string;
  version: number;
  minAutoAccuracy: number;
  maxEscalationRate: number;
  minLabelRecall: LabelRecallCriterion | null;
  approverId: string | null;
  approverName: string | null;
  note: string;
  createdAt: Date;
  authorName: string | null;
  changedAfterResults: { runNumber: number; passed: boolean | null } | null;
}

function recallText(recall: LabelRecallCriterion | null): string {
  if (!recall) return "not required";
  const parts: string[] = [];
  if (recall.all !== undefined) parts.push(`≥ ${formatPercent(recall.all, 0)} for every label`);
  for (const [label, value] of Object.entries(recall.byLabel ?? {}))
    parts.push(`${label} ≥ ${formatPercent(value, 0)}`);
  return parts.join("; ") || "not required";
}

export function CriteriaCard({
  workflowId,
  history,
  approvers,
}: {
  workflowId: string;
  history: CriteriaVersion[];
  approvers: { id: string; name: string; role: Role }[];
}) {
  const current = history[0];
  return (
    <Card className="p-5" aria-labelledby="criteria-heading">
      <div className="mb-3 flex items-start justify-between gap-3">
        <div>
          <h2 id="criteria-heading" className="font-semibold">
            Validation criteria
          </h2>
          <p className="text-sm text-slate-600">
            Recorded before any run; each run is judged by the version in force when it started.
          </p>
        </div>
        <CriteriaDialog workflowId={workflowId} current={current} approvers={approvers} />
      </div>
      {current ? (
        <>
          <dl className="grid grid-cols-2 gap-3 text-sm">
            <div>
              <dt className="text-xs text-slate-500">Accuracy on auto-handled items</dt>
              <dd className="font-semibold">≥ {formatPercent(current.minAutoAccuracy, 0)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Escalation rate</dt>
              <dd className="font-semibold">≤ {formatPercent(current.maxEscalationRate, 0)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Per-label recall</dt>
              <dd>{recallText(current.minLabelRecall)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">Approver who signs off</dt>
              <dd className="flex items-center gap-1 font-medium">
                <ShieldCheck className="h-4 w-4 text-accent-600" aria-hidden />{" "}
                {current.approverName ?? "a removed user"}
              </dd>
            </div>
          </dl>
          <p className="mt-3 text-xs text-slate-500">
            Version {current.version}, set {formatDateTime(current.createdAt)}
            {current.authorName ? ` by ${current.authorName}` : ""}
            {current.note ? ` — “${current.note}”` : ""}
          </p>
          {history.length > 1 ? (
            <details className="mt-3 text-sm">
              <summary className="flex cursor-pointer items-center gap-1.5 text-slate-700">
                <History className="h-4 w-4" aria-hidden /> History ({history.length} versions)
              </summary>
              <ol className="mt-2 space-y-2 border-l border-slate-200 pl-3">
                {history.map((c) => (
                  <li key={c.id}>
                    <p>
                      <span className="font-medium">v{c.version}</span> · accuracy ≥{" "}
                      {formatPercent(c.minAutoAccuracy, 0)} · escalation ≤{" "}
                      {formatPercent(c.maxEscalationRate, 0)} · recall {recallText(c.minLabelRecall)} ·
                      approver {c.approverName ?? "—"}
                    </p>
                    <p className="text-xs text-slate-500">
                      {formatDateTime(c.createdAt)}
                      {c.authorName ? ` by ${c.authorName}` : ""}
                      {c.note ? ` — “${c.note}”` : ""}
                    </p>
                    {c.changedAfterResults ? (
                      <Badge tone="warning" className="mt-1">
                        Changed after run #{c.changedAfterResults.runNumber} had finished
                        {c.changedAfterResults.passed === false
                          ? " (and failed)"
                          : c.changedAfterResults.passed
                            ? " (and passed)"
                            : ""}
                      </Badge>
                    ) : null}
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
        </>
      ) : (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          No criteria yet. Decide what “good enough” means — and who signs off — before seeing any result.
        </p>
      )}
    </Card>
  );
}

function CriteriaDialog({
  workflowId,
  current,
  approvers,
}: {
  workflowId: string;
  current: CriteriaVersion | undefined;
  approvers: { id: string; name: string; role: Role }[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const save = useMutation(
    trpc.backtests.saveCriteria.mutationOptions({
      onSuccess: async (saved) => {
        toast.success(`Criteria saved as version ${saved.version}.`);
        setOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.backtests.screen.queryKey({ workflowId }) });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const pct = (name: string) => Number(form.get(name)) / 100;
    const recallAll = String(form.get("recallAll") ?? "").trim();
    save.mutate({
      workflowId,
      minAutoAccuracy: pct("minAutoAccuracy"),
      maxEscalationRate: pct("maxEscalationRate"),
      minLabelRecall: recallAll ? { ...(current?.minLabelRecall ?? {}), all: Number(recallAll) / 100 } : null,
      approverId: String(form.get("approverId") ?? ""),
      note: String(form.get("note") ?? ""),
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={current ? "secondary" : "primary"} size="sm">
          <Pencil className="h-4 w-4" aria-hidden /> {current ? "Change" : "Record criteria"}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={current ? "Change the validation criteria" : "Record the validation criteria"}
        description="A change is a new version: runs already judged keep their verdict, and the history shows the change."
      >
        <form onSubmit={onSubmit} className="space-y-4">
          <div className="grid grid-cols-2 gap-3">
            <div className="space-y-1">
              <label htmlFor="minAutoAccuracy" className="text-sm font-medium">
                Min. accuracy on auto-handled (%)
              </label>
              <Input
                id="minAutoAccuracy"
                name="minAutoAccuracy"
                type="number"
                min={0}
                max={100}
                step={0.5}
                required
                defaultValue={current ? current.minAutoAccuracy * 100 : 90}
              />
            </div>
            <div className="space-y-1">
              <label htmlFor="maxEscalationRate" className="text-sm font-medium">
                Max. escalation rate (%)
              </label>
              <Input
                id="maxEscalationRate"
                name="maxEscalationRate"
                type="number"
                min={0}
                max={100}
                step={0.5}
                required
                defaultValue={current ? current.maxEscalationRate * 100 : 30}
              />
            </div>
          </div>
          <div className="space-y-1">
            <label htmlFor="recallAll" className="text-sm font-medium">
              Min. recall for every label (%, optional)
            </label>
            <Input
              id="recallAll"
              name="recallAll"
              type="number"
              min={0}
              max={100}
              step={0.5}
              defaultValue={
                current?.minLabelRecall?.all !== undefined ? current.minLabelRecall.all * 100 : ""
              }
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="approverId" className="text-sm font-medium">
              Approver (signs off a passing run)
            </label>
            <select
              id="approverId"
              name="approverId"
              required
              defaultValue={current?.approverId ?? ""}
              className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
            >
              <option value="" disabled>
                Choose a person…
              </option>
              {approvers.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name} ({ROLE_LABELS[a.role]})
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="note" className="text-sm font-medium">
              Why (optional)
            </label>
            <Input
              id="note"
              name="note"
              maxLength={1000}
              placeholder="e.g. agreed with the support leads on 3 March"
            />
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending}>
              Save criteria
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
