"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, ChevronRight, CircleCheck, RotateCcw, Trash2 } from "lucide-react";
import { Fragment, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

type Action = "retry" | "discard";
/** The list shows at most this many (the service's page). */
const SHOWN_AT_MOST = 500;
const plural = (n: number) => `${n} ${n === 1 ? "item" : "items"}`;

export function DeadLettersTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [workflowId, setWorkflowId] = useState("");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<Action | null>(null);
  const deadLetters = useQuery(trpc.deadLetters.list.queryOptions(workflowId ? { workflowId } : undefined));
  const workflows = useQuery(trpc.workflows.list.queryOptions());

  async function settled() {
    setConfirming(null);
    setSelected(new Set());
    await queryClient.invalidateQueries({ queryKey: trpc.deadLetters.pathKey() });
  }
  const retry = useMutation(
    trpc.deadLetters.retry.mutationOptions({
      onSuccess: async ({ retried }) => {
        toast.success(`${plural(retried)} queued again.`);
        await settled();
      },
    }),
  );
  const discard = useMutation(
    trpc.deadLetters.discard.mutationOptions({
      onSuccess: async ({ discarded }) => {
        toast.success(`${plural(discarded)} discarded.`);
        await settled();
      },
    }),
  );

  if (deadLetters.isPending) return <LoadingState label="Loading dead letters…" />;
  if (deadLetters.isError)
    return <ErrorState message={deadLetters.error.message} onRetry={() => deadLetters.refetch()} />;

  const rows = deadLetters.data;
  // Rows another admin acted on drop out of the selection when the list reloads.
  const chosen = rows.filter((r) => selected.has(r.itemId)).map((r) => r.itemId);
  const allChosen = rows.length > 0 && chosen.length === rows.length;
  const toggle = (set: ReadonlySet<string>, id: string) => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor="dead-letters-workflow" className="text-sm font-medium text-slate-700">
          Workflow
        </label>
        <select
          id="dead-letters-workflow"
          value={workflowId}
          onChange={(e) => {
            setWorkflowId(e.target.value);
            setSelected(new Set());
          }}
          className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          <option value="">All workflows</option>
          {workflows.data?.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        <div className="ml-auto flex items-center gap-2">
          <span className="text-sm text-slate-600" aria-live="polite">
            {chosen.length > 0 ? `${plural(chosen.length)} selected` : null}
          </span>
          <Button
            size="sm"
            variant="secondary"
            disabled={chosen.length === 0}
            onClick={() => setConfirming("retry")}
          >
            <RotateCcw className="h-4 w-4" aria-hidden /> Retry
          </Button>
          <Button
            size="sm"
            variant="secondary"
            disabled={chosen.length === 0}
            onClick={() => setConfirming("discard")}
          >
            <Trash2 className="h-4 w-4" aria-hidden /> Discard
          </Button>
        </div>
      </div>

      {rows.length === 0 ? (
        <EmptyState icon={CircleCheck} title="Nothing failed — items that keep failing land here">
          <p>An item comes here when every retry of its run failed with an error of ours.</p>
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
              <tr>
                <th className="w-10 px-4 py-2.5">
                  <input
                    type="checkbox"
                    aria-label="Select every item"
                    checked={allChosen}
                    ref={(box) => {
                      if (box) box.indeterminate = chosen.length > 0 && !allChosen;
                    }}
                    onChange={() => setSelected(allChosen ? new Set() : new Set(rows.map((r) => r.itemId)))}
                  />
                </th>
                <th className="px-4 py-2.5">Item</th>
                <th className="px-4 py-2.5">Workflow</th>
                <th className="px-4 py-2.5">Attempts</th>
                <th className="px-4 py-2.5">Last error</th>
                <th className="px-4 py-2.5">Received</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => {
                const open = expanded.has(row.itemId);
                return (
                  <Fragment key={row.itemId}>
                    <tr className={selected.has(row.itemId) ? "bg-accent-50/40" : undefined}>
                      <td className="px-4 py-3 align-top">
                        <input
                          type="checkbox"
                          aria-label={`Select ${row.externalId}`}
                          checked={selected.has(row.itemId)}
                          onChange={() => setSelected((s) => toggle(s, row.itemId))}
                        />
                      </td>
                      <td className="max-w-72 px-4 py-3 align-top">
                        <p className="truncate font-medium text-slate-900" title={row.title}>
                          {row.title}
                        </p>
                        <p className="text-xs text-slate-500">
                          <code>{row.externalId}</code>
                          {row.mode === "shadow" ? <Badge className="ml-2">shadow</Badge> : null}
                        </p>
                      </td>
                      <td className="px-4 py-3 align-top text-slate-600">{row.workflowName}</td>
                      <td className="px-4 py-3 align-top tabular-nums text-slate-600">{row.attempts}</td>
                      <td className="max-w-md px-4 py-3 align-top">
                        <button
                          type="button"
                          aria-expanded={open}
                          aria-controls={`dead-letter-error-${row.itemId}`}
                          onClick={() => setExpanded((s) => toggle(s, row.itemId))}
                          className="flex w-full min-w-0 items-start gap-1 text-left text-red-800 hover:underline"
                        >
                          {open ? (
                            <ChevronDown className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                          ) : (
                            <ChevronRight className="mt-0.5 h-4 w-4 shrink-0" aria-hidden />
                          )}
                          <span className="truncate">{firstLine(row.lastError)}</span>
                        </button>
                      </td>
                      <td className="whitespace-nowrap px-4 py-3 align-top text-slate-600">
                        {formatDateTime(row.receivedAt)}
                      </td>
                    </tr>
                    {open ? (
                      <tr id={`dead-letter-error-${row.itemId}`}>
                        <td />
                        <td colSpan={5} className="px-4 pb-4">
                          <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
                            {row.lastError ?? "No error was recorded."}
                          </pre>
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
          {rows.length >= SHOWN_AT_MOST ? (
            <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">
              Showing the newest {SHOWN_AT_MOST}. Retry or discard these to see older ones.
            </p>
          ) : null}
        </Card>
      )}

      <ConfirmDialog
        open={confirming === "retry"}
        onOpenChange={(open) => setConfirming(open ? "retry" : null)}
        title={`Retry ${plural(chosen.length)}?`}
        description="Each is queued again with its attempts reset. Retry once the cause of the error is fixed, or they will land here again."
        confirmLabel="Retry"
        pendingLabel="Queuing…"
        tone="primary"
        pending={retry.isPending}
        onConfirm={() => retry.mutate({ itemIds: chosen })}
      />
      <ConfirmDialog
        open={confirming === "discard"}
        onOpenChange={(open) => setConfirming(open ? "discard" : null)}
        title={`Discard ${plural(chosen.length)}?`}
        description="They leave this list and are never run again; they stay stored with their last error. This cannot be undone."
        confirmLabel="Discard"
        pendingLabel="Discarding…"
        pending={discard.isPending}
        onConfirm={() => discard.mutate({ itemIds: chosen })}
      />
    </div>
  );
}

function firstLine(error: string | null): string {
  if (!error) return "No error recorded";
  const line = error.split("\n", 1)[0] ?? "";
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
