"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Database } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

const selectClass =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm shadow-xs focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30";

const DAY_MS = 86_400_000;
const dateInput = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Build entries from a dataset's past cases: the case text, and as resolution a field holding the reply or the
 * outcome label. Only cases before the chosen date, so a later backtest window never matches its own cases.
 */
export function BuildFromDatasetDialog({ workflowId, onBuilt }: { workflowId: string; onBuilt(): void }) {
  const trpc = useTRPC();
  const ids = { dataset: useId(), before: useId(), field: useId(), include: useId(), limit: useId() };
  const [open, setOpen] = useState(false);
  const datasets = useQuery({ ...trpc.datasets.list.queryOptions(), enabled: open });
  const ready = (datasets.data ?? []).filter((d) => d.status === "ready" && d.lastAt);
  const [datasetId, setDatasetId] = useState<string>("");
  const chosen = ready.find((d) => d.id === datasetId) ?? ready[0];
  const [before, setBefore] = useState<string>("");
  const defaultBefore = chosen?.lastAt ? dateInput(new Date(new Date(chosen.lastAt).getTime() + DAY_MS)) : "";
  const [include, setInclude] = useState<"resolved" | "all">("resolved");
  const [field, setField] = useState("");
  const [limit, setLimit] = useState("5000");
  const build = useMutation(
    trpc.knowledge.buildFromDataset.mutationOptions({
      onSuccess: ({ added, withoutText }) => {
        if (added === 0)
          toast.warning(
            include === "resolved"
              ? "No resolved case with text before that date. Try “every labelled case”."
              : "No case with text before that date.",
          );
        else
          toast.success(
            `Added ${added.toLocaleString("en")} entries${withoutText ? ` (${withoutText} cases had no text)` : ""}.`,
          );
        if (added > 0) {
          onBuilt();
          setOpen(false);
        }
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="secondary">
          <Database className="h-4 w-4" aria-hidden />
          Build from dataset…
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Build entries from a dataset"
        description="Each past case becomes an entry: its text, and its resolution. Cases already added are replaced, not duplicated."
        className="max-w-lg"
      >
        {datasets.isLoading ? (
          <p className="text-sm text-slate-500">Loading datasets…</p>
        ) : ready.length === 0 ? (
          <p className="text-sm text-slate-600">No imported dataset yet. Import one under Datasets first.</p>
        ) : (
          <form
            className="space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              if (!chosen) return;
              build.mutate({
                workflowId,
                datasetId: chosen.id,
                before: new Date(`${before || defaultBefore}T00:00:00Z`),
                include,
                resolutionField: field.trim() || undefined,
                limit: Math.min(20_000, Math.max(1, Number(limit) || 5_000)),
              });
            }}
          >
            <div className="space-y-1.5">
              <label htmlFor={ids.dataset} className="text-sm font-medium">
                Dataset
              </label>
              <select
                id={ids.dataset}
                className={selectClass}
                value={chosen?.id ?? ""}
                onChange={(e) => {
                  setDatasetId(e.target.value);
                  setBefore("");
                }}
              >
                {ready.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name} ({d.rowCount.toLocaleString("en")} cases)
                  </option>
                ))}
              </select>
            </div>
            <div className="grid grid-cols-2 gap-3">
              <div className="space-y-1.5">
                <label htmlFor={ids.before} className="text-sm font-medium">
                  Cases before
                </label>
                <Input
                  id={ids.before}
                  type="date"
                  value={before || defaultBefore}
                  onChange={(e) => setBefore(e.target.value)}
                  required
                />
              </div>
              <div className="space-y-1.5">
                <label htmlFor={ids.limit} className="text-sm font-medium">
                  At most (newest first)
                </label>
                <Input
                  id={ids.limit}
                  inputMode="numeric"
                  value={limit}
                  onChange={(e) => setLimit(e.target.value)}
                />
              </div>
            </div>
            <div className="space-y-1.5">
              <label htmlFor={ids.include} className="text-sm font-medium">
                Which cases
              </label>
              <select
                id={ids.include}
                className={selectClass}
                value={include}
                onChange={(e) => setInclude(e.target.value === "all" ? "all" : "resolved")}
              >
                <option value="resolved">Resolved cases only (outcome type “resolve”)</option>
                <option value="all">Every labelled case</option>
              </select>
            </div>
            <div className="space-y-1.5">
              <label htmlFor={ids.field} className="text-sm font-medium">
                Resolution field (optional)
              </label>
              <Input
                id={ids.field}
                value={field}
                placeholder="e.g. reply"
                onChange={(e) => setField(e.target.value)}
              />
              <p className="text-xs text-slate-500">
                A column holding the reply that solved the case; without one, the outcome label is the
                resolution.
              </p>
            </div>
            <div className="flex justify-end gap-2 pt-1">
              <DialogClose asChild>
                <Button type="button" variant="secondary">
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" disabled={build.isPending || !chosen}>
                {build.isPending ? "Building…" : "Build entries"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
