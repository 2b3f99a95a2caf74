"use client";

import { useQuery } from "@tanstack/react-query";
import { BrainCircuit } from "lucide-react";
import { useTRPC } from "@/components/providers/trpc";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Embedded models trained by backtests, with their held-out figures. */
export function EmbeddedModelsTable() {
  const trpc = useTRPC();
  const models = useQuery(trpc.modelProviders.embeddedModels.queryOptions());
  if (models.isPending) return <LoadingState label="Loading trained models…" />;
  if (models.isError) return <ErrorState message={models.error.message} onRetry={() => models.refetch()} />;
  if (models.data.length === 0)
    return (
      <EmptyState icon={BrainCircuit} title="No trained models yet">
        <p>
          A backtest of a workflow whose classify node uses the embedded model trains one on the history
          before its window.
        </p>
      </EmptyState>
    );
  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-medium uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2.5">Model</th>
            <th className="px-4 py-2.5">Workflow · dataset</th>
            <th className="px-4 py-2.5">Trained on</th>
            <th className="px-4 py-2.5">Held out</th>
            <th className="px-4 py-2.5">Calibration (ECE)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {models.data.map((m) => (
            <tr key={m.id}>
              <td className="px-4 py-3">
                <span className="font-mono text-xs">{m.modelKey}</span>{" "}
                <span className="text-slate-500">v{m.version}</span>
                <span className="block text-xs text-slate-500">
                  {m.labelCount} labels · {formatDateTime(m.createdAt)}
                </span>
              </td>
              <td className="px-4 py-3 text-slate-600">
                {m.workflowName ?? "—"}
                <span className="block text-xs text-slate-500">{m.datasetName ?? "deleted dataset"}</span>
              </td>
              <td className="px-4 py-3 text-slate-600">
                {m.trainingSize.toLocaleString()} cases before {formatDateTime(m.cutoff)}
                <span className="block text-xs text-slate-500">{(m.trainingMs / 1000).toFixed(1)} s</span>
              </td>
              <td className="px-4 py-3 text-slate-600">
                {m.heldOut
                  ? `${pct(m.heldOut.accuracy)} accuracy · macro-F1 ${m.heldOut.macroF1.toFixed(3)}`
                  : "—"}
              </td>
              <td className="px-4 py-3 text-slate-600">
                {m.heldOut ? `${m.heldOut.eceBefore.toFixed(3)} → ${m.heldOut.eceAfter.toFixed(3)}` : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
