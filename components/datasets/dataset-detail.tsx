"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { formatBytes, formatCount, formatDay } from "@/components/backtest/format";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { isCategorical } from "@/server/services/datasets/field-stats";
import { ImportReportView } from "./import-report";
import { LabelDistribution } from "./label-distribution";

export function DatasetDetail({ datasetId }: { datasetId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const dataset = useQuery(trpc.datasets.get.queryOptions({ datasetId }));
  const remove = useMutation(
    trpc.datasets.delete.mutationOptions({
      onSuccess: async () => {
        toast.success("Dataset deleted.");
        await queryClient.invalidateQueries({ queryKey: trpc.datasets.list.queryKey() });
        router.push("/datasets");
      },
    }),
  );
  if (dataset.isPending) return <LoadingState label="Loading the dataset…" />;
  if (dataset.isError)
    return <ErrorState message={dataset.error.message} onRetry={() => dataset.refetch()} />;
  const d = dataset.data;
  const m = d.mapping;
  return (
    <>
      <PageHeader
        title={d.name}
        description={`${d.sourceName || "Uploaded file"} · ${formatBytes(d.bytes)} · imported ${formatDay(d.createdAt)}${d.createdByName ? ` by ${d.createdByName}` : ""}`}
        actions={
          <Button
            variant="secondary"
            disabled={remove.isPending || d.runs > 0}
            title={d.runs > 0 ? "Used by backtests: kept so their results stay readable" : undefined}
            onClick={() => {
              if (window.confirm(`Delete "${d.name}" and its ${formatCount(d.rowCount)} cases?`))
                remove.mutate({ datasetId });
            }}
          >
            <Trash2 className="h-4 w-4" aria-hidden /> Delete
          </Button>
        }
      />
      {d.status === "failed" ? <ErrorState message={d.error ?? "The import failed."} /> : null}
      <div className="grid grid-cols-3 gap-4">
        <Card className="p-4">
          <p className="text-xs text-slate-500">Cases</p>
          <p className="text-2xl font-semibold tabular-nums">{formatCount(d.rowCount)}</p>
          <p className="mt-1 text-xs text-slate-500">
            {d.badRowCount > 0 ? `${formatCount(d.badRowCount)} bad rows reported` : "no bad row"}
          </p>
        </Card>
        <Card className="p-4">
          <p className="text-xs text-slate-500">Period</p>
          <p className="text-lg font-semibold">
            {d.firstAt && d.lastAt ? `${formatDay(d.firstAt)} – ${formatDay(d.lastAt)}` : "—"}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            {d.firstAt && d.lastAt
              ? `${Math.round((new Date(d.lastAt).getTime() - new Date(d.firstAt).getTime()) / 86_400_000)} days of history`
              : ""}
          </p>
        </Card>
        <Card className="p-4">
          <p className="text-xs text-slate-500">Mapping</p>
          <p className="text-sm">
            id <code className="text-xs">{m.id}</code> · time <code className="text-xs">{m.at}</code> (
            {m.dateFormat}) · outcome <code className="text-xs">{m.label}</code>
            {m.text ? (
              <>
                {" "}
                · text <code className="text-xs">{m.text}</code>
              </>
            ) : null}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            Used by {d.runs} backtest{d.runs === 1 ? "" : "s"}
          </p>
        </Card>
      </div>
      <div className="mt-4 grid grid-cols-2 gap-4">
        <Card className="p-4">
          <h2 className="mb-3 font-semibold">Actual outcomes</h2>
          <LabelDistribution counts={d.labelCounts} total={d.rowCount} />
        </Card>
        <Card className="p-4">
          <h2 className="mb-3 font-semibold">Fields</h2>
          {d.fieldStats.length === 0 ? (
            <p className="text-sm text-slate-500">No other field was imported.</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="py-1 pr-3">Field</th>
                  <th className="px-3 py-1 text-right">Distinct</th>
                  <th className="px-3 py-1 text-right">Missing</th>
                  <th className="py-1 pl-3">Examples</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {d.fieldStats.map((f) => (
                  <tr key={f.name}>
                    <td className="py-1.5 pr-3 font-mono text-xs">
                      {f.name} {isCategorical(f, d.rowCount) ? null : <Badge>free text or id</Badge>}
                    </td>
                    <td className="px-3 py-1.5 text-right tabular-nums">
                      {f.capped ? `${formatCount(f.distinct)}+` : formatCount(f.distinct)}
                    </td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(f.missing)}</td>
                    <td
                      className="max-w-64 truncate py-1.5 pl-3 text-slate-600"
                      title={f.examples.join(", ")}
                    >
                      {f.examples.join(", ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-2 text-xs text-slate-500">
            Fields with a bounded set of values feed an embedded model as categories; free text does not.
          </p>
        </Card>
      </div>
      {d.report ? (
        <Card className="mt-4 p-4">
          <h2 className="mb-3 font-semibold">Import report</h2>
          <ImportReportView report={d.report} />
        </Card>
      ) : null}
    </>
  );
}
