"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, FileSpreadsheet, Loader2, Upload } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { formatBytes } from "@/components/backtest/format";
import { ProgressBar } from "@/components/backtest/progress-bar";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { ImportReportView } from "./import-report";
import { MappingForm, type MappingDraft } from "./mapping-form";
import { uploadDataset, type UploadHandle, type UploadResult } from "./upload-file";

const SAMPLE_BYTES = 64 * 1024;

type Stage =
  | { step: "pick" }
  | { step: "map"; file: File; columns: string[]; rows: Record<string, string>[]; ambiguous: boolean }
  | { step: "upload"; file: File; sent: number; total: number }
  | { step: "done"; result: UploadResult };

export function ImportWizard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState<Stage>({ step: "pick" });
  const [name, setName] = useState("");
  const [mapping, setMapping] = useState<MappingDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const upload = useRef<UploadHandle | null>(null);
  const preview = useMutation(trpc.datasets.preview.mutationOptions());

  async function pick(file: File) {
    setError(null);
    const sample = await file.slice(0, SAMPLE_BYTES).text();
    const result = await preview.mutateAsync({ sample, fileName: file.name });
    if (result.columns.length === 0) {
      setError(
        "No column could be read from the start of this file. Is it a CSV with a header row, or JSON Lines?",
      );
      return;
    }
    setName(file.name.replace(/\.(csv|jsonl|ndjson|json|txt)$/i, ""));
    const s = result.suggested;
    setMapping({
      format: result.format,
      id: s.id ?? "",
      at: s.at ?? "",
      label: s.label ?? "",
      dateFormat: s.dateFormat ?? "iso",
      outcomeType: s.outcomeType,
      escalated: s.escalated,
      text: s.text,
      missingValues: s.missingValues,
      ignore: [],
    });
    setStage({
      step: "map",
      file,
      columns: result.columns,
      rows: result.rows,
      ambiguous: result.dateFormatAmbiguous,
    });
  }

  async function start(file: File) {
    if (!mapping || stage.step !== "map") return;
    const back = stage;
    setError(null);
    setStage({ step: "upload", file, sent: 0, total: file.size });
    const clean = Object.fromEntries(
      Object.entries(mapping).filter(
        ([, v]) => v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0),
      ),
    );
    upload.current = uploadDataset(file, { name: name.trim() || file.name, mapping: clean }, (sent, total) =>
      setStage((current) => (current.step === "upload" ? { ...current, sent, total } : current)),
    );
    try {
      const result = await upload.current.done;
      await queryClient.invalidateQueries({ queryKey: trpc.datasets.list.queryKey() });
      setStage({ step: "done", result });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStage(back);
    } finally {
      upload.current = null;
    }
  }

  const missing = mapping ? (["id", "at", "label"] as const).filter((k) => !mapping[k]) : [];

  return (
    <div className="space-y-4">
      {error ? <ErrorState message={error} /> : null}

      {stage.step === "pick" ? (
        <Card className="p-6">
          <label
            htmlFor="dataset-file"
            className="flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-slate-300 px-6 py-12 text-center hover:border-accent-500 focus-within:border-accent-500"
          >
            {preview.isPending ? (
              <Loader2 className="h-8 w-8 animate-spin text-slate-400" aria-hidden />
            ) : (
              <FileSpreadsheet className="h-8 w-8 text-slate-400" aria-hidden />
            )}
            <span className="text-sm font-medium text-slate-900">Choose a CSV or JSON Lines file</span>
            <span className="text-xs text-slate-500">
              Any size: it is streamed to the server, never loaded whole.
            </span>
            <input
              id="dataset-file"
              type="file"
              accept=".csv,.jsonl,.ndjson,.json,.txt,text/csv"
              className="sr-only"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file)
                  void pick(file).catch((err: unknown) =>
                    setError(err instanceof Error ? err.message : String(err)),
                  );
              }}
            />
          </label>
        </Card>
      ) : null}

      {stage.step === "map" && mapping ? (
        <Card className="space-y-6 p-6">
          <div className="flex items-end gap-4">
            <div className="flex-1 space-y-1">
              <label htmlFor="dataset-name" className="text-sm font-medium text-slate-800">
                Dataset name
              </label>
              <Input
                id="dataset-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={120}
              />
            </div>
            <p className="pb-2 text-sm text-slate-600">
              {stage.file.name} · {formatBytes(stage.file.size)} ·{" "}
              {mapping.format === "csv" ? "CSV" : "JSON Lines"}
            </p>
          </div>
          <MappingForm
            columns={stage.columns}
            rows={stage.rows}
            mapping={mapping}
            onChange={setMapping}
            dateFormatAmbiguous={stage.ambiguous}
          />
          <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
            {missing.length > 0 ? (
              <p className="text-sm text-slate-600">
                Choose the id, time and actual-outcome columns to import.
              </p>
            ) : null}
            <Button variant="secondary" onClick={() => setStage({ step: "pick" })}>
              Choose another file
            </Button>
            <Button onClick={() => void start(stage.file)} disabled={missing.length > 0 || !name.trim()}>
              <Upload className="h-4 w-4" aria-hidden /> Import
            </Button>
          </div>
        </Card>
      ) : null}

      {stage.step === "upload" ? (
        <Card className="space-y-3 p-6" aria-live="polite">
          <div className="flex items-center justify-between text-sm">
            <span className="font-medium">
              {stage.sent < stage.total
                ? `Importing ${stage.file.name}…`
                : "Writing the last rows and counting…"}
            </span>
            <span className="tabular-nums text-slate-600">
              {formatBytes(stage.sent)} of {formatBytes(stage.total)}
            </span>
          </div>
          <ProgressBar value={stage.sent} max={stage.total} label="Import progress" />
          <div className="flex justify-end">
            <Button variant="secondary" size="sm" onClick={() => upload.current?.abort()}>
              Cancel
            </Button>
          </div>
        </Card>
      ) : null}

      {stage.step === "done" ? (
        <Card className="space-y-4 p-6">
          <div className="flex items-center gap-2">
            <CheckCircle2 className="h-5 w-5 text-emerald-600" aria-hidden />
            <h2 className="font-semibold">
              {stage.result.alreadyImported
                ? "This file was already imported with this mapping: nothing changed."
                : stage.result.status === "ready"
                  ? "Import finished"
                  : "Nothing could be imported"}
            </h2>
          </div>
          <ImportReportView report={stage.result.report} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setStage({ step: "pick" })}>
              Import another
            </Button>
            <Button asChild>
              <Link href={`/datasets/${stage.result.datasetId}`}>Open the dataset</Link>
            </Button>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
