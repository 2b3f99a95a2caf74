"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { RotateCcw, SlidersHorizontal } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { AppRouter } from "@/server/root";
import { WhatIfChart } from "./what-if-chart";

type Page = inferRouterOutputs<AppRouter>["thresholds"]["get"];
type ThresholdNode = Page["nodes"][number];

const TYPE_LABELS: Record<string, string> = {
  classify: "Classify: confidence",
  assess: "Assess: confidence",
  match: "Match: similarity",
};

function ThresholdCard({ workflowId, node }: { workflowId: string; node: ThresholdNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(node.valueInForce.toFixed(2));
  const [reason, setReason] = useState("");
  const set = useMutation(
    trpc.thresholds.set.mutationOptions({
      onSuccess: (result) => {
        toast.success(
          `${node.name}: ${result.valueInForce.toFixed(2)} is in force${result.override ? "" : " (the graph's value)"}.`,
        );
        setReason("");
        setValue(result.valueInForce.toFixed(2));
        return queryClient.invalidateQueries({ queryKey: trpc.thresholds.get.queryKey({ workflowId }) });
      },
      onError: () =>
        queryClient.invalidateQueries({ queryKey: trpc.thresholds.get.queryKey({ workflowId }) }),
    }),
  );
  const parsed = Number(value);
  const valid = value.trim() !== "" && Number.isFinite(parsed) && parsed >= 0 && parsed <= 1;
  const changed = valid && Math.abs(parsed - node.valueInForce) > 1e-9;
  const expectedValue = node.override?.value ?? null;
  const id = `threshold-${node.nodeId}`;

  return (
    <Card
      className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)_17rem] gap-5 p-4"
      data-testid={`threshold-${node.nodeId}`}
    >
      <div>
        <h2 className="font-medium text-slate-900">{node.name}</h2>
        <p className="text-xs text-slate-500">
          {TYPE_LABELS[node.type] ?? node.type} · <span className="font-mono">{node.nodeId}</span>
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
          <div>
            <dt className="text-xs text-slate-500">Graph default</dt>
            <dd className="tabular-nums">{node.graphValue.toFixed(2)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">In force</dt>
            <dd
              className="flex items-center gap-1.5 text-lg font-semibold tabular-nums"
              data-testid="value-in-force"
            >
              {node.valueInForce.toFixed(2)}
              {node.override ? <Badge tone="accent">override</Badge> : null}
            </dd>
          </div>
        </dl>
        {node.override ? (
          <p className="mt-2 text-xs text-slate-600">
            Set by {node.override.setBy ?? "a removed user"} on {formatDateTime(node.override.setAt)}: “
            {node.override.reason}”
          </p>
        ) : (
          <p className="mt-2 text-xs text-slate-500">The published graph&apos;s value is in force.</p>
        )}
      </div>
      <form
        className="space-y-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (changed) set.mutate({ workflowId, nodeId: node.nodeId, value: parsed, reason, expectedValue });
        }}
      >
        <label htmlFor={id} className="block text-xs font-medium text-slate-600">
          New value in force (0–1)
        </label>
        <div className="flex items-center gap-2">
          <input
            type="range"
            min={0}
            max={1}
            step={0.01}
            value={valid ? parsed : node.valueInForce}
            onChange={(event) => setValue(Number(event.target.value).toFixed(2))}
            aria-label={`${node.name} threshold slider`}
            className="flex-1 accent-accent-600"
          />
          <Input
            id={id}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            inputMode="decimal"
            className="w-20 tabular-nums"
            aria-invalid={!valid}
          />
        </div>
        <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-slate-600">
          Reason (kept in the audit trail)
        </label>
        <Input
          id={`${id}-reason`}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          placeholder="e.g. too many escalations after the backtest"
        />
        <div className="flex gap-2 pt-1">
          <Button type="submit" size="sm" disabled={!changed || reason.trim().length < 3 || set.isPending}>
            Put in force
          </Button>
          {node.override ? (
            <Button
              type="button"
              size="sm"
              variant="ghost"
              disabled={reason.trim().length < 3 || set.isPending}
              onClick={() =>
                set.mutate({ workflowId, nodeId: node.nodeId, value: null, reason, expectedValue })
              }
              title="Needs a reason too"
            >
              <RotateCcw className="h-4 w-4" aria-hidden /> Back to {node.graphValue.toFixed(2)}
            </Button>
          ) : null}
        </div>
        <p className="text-xs text-slate-500">
          Applies to items processed from now on; no new version is published.
        </p>
      </form>
      <WhatIfChart
        points={node.whatIf?.points ?? null}
        valueInForce={valid ? parsed : node.valueInForce}
        source={
          node.whatIf
            ? `backtest #${node.whatIf.backtestNumber}, ${node.whatIf.reached} items reached this node`
            : undefined
        }
      />
    </Card>
  );
}

export function WorkflowThresholds({ workflowId }: { workflowId: string }) {
  const trpc = useTRPC();
  const page = useQuery(trpc.thresholds.get.queryOptions({ workflowId }));
  if (page.isPending) return <LoadingState label="Loading thresholds…" />;
  if (page.isError) return <ErrorState message={page.error.message} onRetry={() => page.refetch()} />;
  const { published, nodes, history } = page.data;
  const names = new Map(nodes.map((n) => [n.nodeId, n.name]));
  return (
    <div className="space-y-6">
      <p className="-mt-3 text-sm text-slate-700">
        <span className="font-medium">{page.data.workflow.name}</span>
        {published ? ` · published version ${published.version}` : " · not published"}
      </p>
      {!published ? (
        <EmptyState icon={SlidersHorizontal} title="Not published yet">
          Thresholds can be set once a version of this workflow is published.
        </EmptyState>
      ) : nodes.length === 0 ? (
        <EmptyState icon={SlidersHorizontal} title="No thresholds in this workflow">
          Only classify, assess and match nodes have a threshold; the published version has none.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          {nodes.map((node) => (
            <ThresholdCard key={`${node.nodeId}:${node.valueInForce}`} workflowId={workflowId} node={node} />
          ))}
        </div>
      )}
      <section aria-labelledby="threshold-history">
        <h2 id="threshold-history" className="mb-2 text-sm font-semibold text-slate-900">
          Changes
        </h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-500">
            No threshold has been changed from the graph&apos;s values yet.
          </p>
        ) : (
          <Card className="overflow-hidden">
            <table className="w-full text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-4 py-2.5">When</th>
                  <th className="px-4 py-2.5">Who</th>
                  <th className="px-4 py-2.5">Node</th>
                  <th className="px-4 py-2.5">Old → new</th>
                  <th className="px-4 py-2.5">Reason</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {history.map((change) => (
                  <tr key={change.id}>
                    <td className="whitespace-nowrap px-4 py-2.5 text-slate-600">
                      {formatDateTime(change.changedAt)}
                    </td>
                    <td className="px-4 py-2.5">{change.changedBy ?? "a removed user"}</td>
                    <td className="px-4 py-2.5">{names.get(change.nodeId) ?? change.nodeId}</td>
                    <td className="px-4 py-2.5 tabular-nums">
                      {(change.oldValue ?? change.graphValue).toFixed(2)}
                      {change.oldValue === null ? " (graph)" : ""} →{" "}
                      {(change.newValue ?? change.graphValue).toFixed(2)}
                      {change.newValue === null ? " (graph)" : ""}
                    </td>
                    <td className="px-4 py-2.5 text-slate-700">{change.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        )}
      </section>
    </div>
  );
}
