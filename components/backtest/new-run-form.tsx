"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Play } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { formatCount, formatDay, isoDay } from "./format";

const DAY_MS = 86_400_000;
const selectClass = "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

interface Props {
  workflowId: string;
  versions: { id: string; version: number; published: boolean; note: string }[];
  datasets: { id: string; name: string; rowCount: number; firstAt: Date | null; lastAt: Date | null }[];
  hasCriteria: boolean;
  /** The reads the previous run was answered with, and its dataset: the usual starting point. */
  defaultReads?: Record<string, unknown>;
  defaultDatasetId?: string;
}

export function NewRunForm({
  workflowId,
  versions,
  datasets,
  hasCriteria,
  defaultReads,
  defaultDatasetId,
}: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const defaultVersion = versions.find((v) => v.published) ?? versions[0];
  const [versionId, setVersionId] = useState(defaultVersion?.id ?? "");
  const [datasetId, setDatasetId] = useState(
    datasets.find((d) => d.id === defaultDatasetId)?.id ?? datasets[0]?.id ?? "",
  );
  const [readsText, setReadsText] = useState(
    defaultReads && Object.keys(defaultReads).length > 0 ? JSON.stringify(defaultReads) : "",
  );
  const [readsError, setReadsError] = useState<string | null>(null);
  const info = useQuery({
    ...trpc.backtests.versionInfo.queryOptions({ workflowId, versionId }),
    enabled: versionId !== "",
  });
  const start = useMutation(
    trpc.backtests.start.mutationOptions({
      onSuccess: async (run) => {
        await queryClient.invalidateQueries({ queryKey: trpc.backtests.screen.queryKey({ workflowId }) });
        router.push(`/backtests/${workflowId}/runs/${run.runId}`);
      },
    }),
  );
  const dataset = datasets.find((d) => d.id === datasetId);
  const defaultTo = dataset?.lastAt ? isoDay(dataset.lastAt) : "";
  const defaultFrom = dataset?.lastAt
    ? isoDay(Math.floor(new Date(dataset.lastAt).getTime() / DAY_MS) * DAY_MS - 89 * DAY_MS)
    : "";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    let readsFixture: Record<string, unknown> | undefined;
    if (readsText.trim()) {
      try {
        readsFixture = JSON.parse(readsText) as Record<string, unknown>;
        setReadsError(null);
      } catch {
        setReadsError("The recorded reads are not valid JSON.");
        return;
      }
    }
    const thresholdOverrides: Record<string, number> = {};
    for (const t of info.data?.thresholds ?? []) {
      const raw = String(form.get(`threshold-${t.nodeId}`) ?? "").trim();
      if (raw !== "") thresholdOverrides[t.nodeId] = Number(raw);
    }
    const from = String(form.get("from") ?? "") || undefined;
    const to = String(form.get("to") ?? "") || undefined;
    start.mutate({
      workflowId,
      versionId,
      datasetId,
      from,
      to,
      thresholdOverrides: Object.keys(thresholdOverrides).length > 0 ? thresholdOverrides : undefined,
      readsFixture: readsFixture as never,
    });
  }

  if (datasets.length === 0) {
    return (
      <Card className="p-5">
        <h2 className="font-semibold">New backtest</h2>
        <p className="mt-2 text-sm text-slate-600">
          Import a dataset of past cases first (
          <Link href="/datasets/new" className="font-medium text-accent-700 underline">
            Import dataset
          </Link>
          ).
        </p>
      </Card>
    );
  }

  return (
    <Card className="p-5">
      <h2 className="font-semibold">New backtest</h2>
      <p className="mb-3 text-sm text-slate-600">
        Items run in time order in backtest mode: nothing is sent anywhere.
      </p>
      <form onSubmit={onSubmit} className="space-y-3">
        <div className="grid grid-cols-2 gap-3">
          <div className="space-y-1">
            <label htmlFor="run-version" className="text-sm font-medium">
              Version
            </label>
            <select
              id="run-version"
              value={versionId}
              onChange={(e) => setVersionId(e.target.value)}
              className={selectClass}
            >
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  v{v.version}
                  {v.published ? " (published)" : " (draft)"}
                  {v.note ? ` — ${v.note.slice(0, 40)}` : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="run-dataset" className="text-sm font-medium">
              Dataset
            </label>
            <select
              id="run-dataset"
              value={datasetId}
              onChange={(e) => setDatasetId(e.target.value)}
              className={selectClass}
            >
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({formatCount(d.rowCount)} cases)
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor="run-from" className="text-sm font-medium">
              From (UTC day)
            </label>
            <Input
              id="run-from"
              name="from"
              type="date"
              key={`from-${datasetId}`}
              defaultValue={defaultFrom}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="run-to" className="text-sm font-medium">
              To (included)
            </label>
            <Input id="run-to" name="to" type="date" key={`to-${datasetId}`} defaultValue={defaultTo} />
          </div>
        </div>
        {dataset?.firstAt && dataset.lastAt ? (
          <p className="text-xs text-slate-500">
            The dataset covers {formatDay(dataset.firstAt)} – {formatDay(dataset.lastAt)}; by default the
            latest 90 days run.
          </p>
        ) : null}
        {info.data?.embeddedModels.length ? (
          <p className="rounded-md bg-accent-50 px-3 py-2 text-xs text-accent-700">
            This version asks the embedded model{info.data.embeddedModels.length > 1 ? "s" : ""}{" "}
            {info.data.embeddedModels.join(", ")}: it is trained on this dataset’s cases before the window’s
            first day only (no leakage).
          </p>
        ) : null}
        {info.data?.compileError ? (
          <p className="text-sm text-red-700">This version cannot run: {info.data.compileError}</p>
        ) : null}
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">Thresholds and recorded reads</summary>
          <div className="mt-3 space-y-3">
            {info.data?.thresholds.length ? (
              <div className="grid grid-cols-3 gap-2">
                {info.data.thresholds.map((t) => (
                  <div key={t.nodeId} className="space-y-1">
                    <label htmlFor={`threshold-${t.nodeId}`} className="text-xs font-medium">
                      {t.name} ({t.type})
                    </label>
                    <Input
                      id={`threshold-${t.nodeId}`}
                      name={`threshold-${t.nodeId}`}
                      type="number"
                      min={0}
                      max={1}
                      step={0.01}
                      placeholder={t.value.toFixed(2)}
                    />
                  </div>
                ))}
              </div>
            ) : null}
            <div className="space-y-1">
              <label htmlFor="run-reads" className="text-xs font-medium">
                Recorded reads for items that carry none (JSON)
              </label>
              <textarea
                id="run-reads"
                value={readsText}
                onChange={(e) => setReadsText(e.target.value)}
                rows={3}
                placeholder={
                  info.data?.connectorReads.length
                    ? `{"${info.data.connectorReads[0]}": {"status": "ok", "data": {}}}`
                    : "{}"
                }
                className="w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-xs"
              />
              <p className="text-xs text-slate-500">
                {info.data?.connectorReads.length
                  ? `This version reads ${info.data.connectorReads.join(", ")}; a read with no recording answers “unavailable”.`
                  : "This version makes no connector read."}
              </p>
              {readsError ? <p className="text-xs text-red-700">{readsError}</p> : null}
            </div>
          </div>
        </details>
        <div className="flex items-center justify-end gap-3">
          {!hasCriteria ? (
            <p className="text-sm text-amber-800">Record the validation criteria first.</p>
          ) : null}
          <Button
            type="submit"
            disabled={
              !hasCriteria || start.isPending || !versionId || !datasetId || Boolean(info.data?.compileError)
            }
          >
            <Play className="h-4 w-4" aria-hidden /> Start backtest
          </Button>
        </div>
      </form>
    </Card>
  );
}
