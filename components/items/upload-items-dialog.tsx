"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FileSpreadsheet, FileDown, Loader2, Upload } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import { ProgressBar } from "@/components/backtest/progress-bar";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { DateFormat } from "@/server/services/datasets/types";
import {
  chunkOutcome,
  chunks,
  parseCsv,
  rowToItem,
  suggestDateFormat,
  suggestMapping,
  templateCsv,
  unmappedRequired,
  type ChunkResult,
  type ColumnMapping,
  type ParsedCsv,
} from "./csv-items";
import { exampleItem } from "./example-item";
import { UploadMapping } from "./upload-mapping";
import { UploadReport, type RowProblem, type UploadSummary } from "./upload-report";

/** As for a batch POST to the ingest API (the server refuses more). */
const CHUNK_SIZE = 1000;
const MAX_FILE_BYTES = 50 * 1024 * 1024;
const MAX_ROWS = 100_000;

type Stage =
  | { step: "pick" }
  | { step: "map"; fileName: string; csv: ParsedCsv }
  | { step: "upload"; fileName: string; sent: number; total: number }
  | { step: "done"; fileName: string; summary: UploadSummary; problems: RowProblem[] };

export interface UploadItemsDialogProps {
  workflowId: string;
  /** The button that opens the dialog; an "Upload CSV" button when absent. */
  trigger?: ReactNode;
  /** Called once an upload ends (finished, cancelled or stopped), with its counts. */
  onUploaded?: (summary: UploadSummary) => void;
}

/**
 * Sends the rows of a CSV file to a workflow as items: columns mapped to the trigger's fields, sent in
 * chunks, with every refused row reported (row, field, why) while the good rows go through.
 */
export function UploadItemsDialog({ workflowId, trigger, onUploaded }: UploadItemsDialogProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [stage, setStage] = useState<Stage>({ step: "pick" });
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [dateFormat, setDateFormat] = useState<{ format: DateFormat; ambiguous: boolean }>({
    format: "iso",
    ambiguous: false,
  });
  const [error, setError] = useState<string | null>(null);
  const cancelled = useRef(false);
  const target = useQuery({ ...trpc.items.uploadTarget.queryOptions({ workflowId }), enabled: open });
  const upload = useMutation(trpc.items.upload.mutationOptions({ meta: { handlesOwnErrors: true } }));
  const fields = target.data?.fields ?? [];

  function reset() {
    setStage({ step: "pick" });
    setMapping({});
    setError(null);
  }

  function onOpenChange(next: boolean) {
    // Closing mid-upload stops after the chunk in flight; what was sent stays sent.
    if (!next && stage.step === "upload") cancelled.current = true;
    setOpen(next);
    if (!next && stage.step !== "upload") reset();
  }

  async function pick(file: File) {
    setError(null);
    if (file.size > MAX_FILE_BYTES) {
      setError(`The file is ${Math.round(file.size / 1024 / 1024)} MB; upload at most 50 MB at a time.`);
      return;
    }
    const csv = parseCsv(await file.text());
    if (csv.columns.length === 0 || csv.rows.length + csv.unreadable.length === 0) {
      setError("No rows could be read from this file. Is it a CSV file with a header row?");
      return;
    }
    if (csv.rows.length + csv.unreadable.length > MAX_ROWS) {
      setError(
        `The file has more than ${MAX_ROWS.toLocaleString("en")} rows: split it, or send it through the API.`,
      );
      return;
    }
    const suggested = suggestMapping(csv.columns, fields);
    setMapping(suggested);
    setDateFormat(suggestDateFormat(csv.rows, suggested, fields));
    setStage({ step: "map", fileName: file.name, csv });
  }

  async function start(fileName: string, csv: ParsedCsv) {
    cancelled.current = false;
    const total = csv.rows.length + csv.unreadable.length;
    const problems: RowProblem[] = csv.unreadable.map((u) => ({ row: u.row, field: "", message: u.message }));
    const summary: UploadSummary = {
      total,
      accepted: 0,
      duplicates: 0,
      rejected: csv.unreadable.length,
      notSent: 0,
    };
    let sent = csv.unreadable.length;
    setStage({ step: "upload", fileName, sent, total });
    for (const rows of chunks(csv.rows, CHUNK_SIZE)) {
      if (cancelled.current) {
        summary.stoppedBecause = "The upload was cancelled: the rows before were sent.";
        break;
      }
      let result: ChunkResult;
      try {
        result = await upload.mutateAsync({
          workflowId,
          items: rows.map((row) => rowToItem(row, mapping, fields, dateFormat.format)),
        });
      } catch (e) {
        summary.stoppedBecause = `The upload stopped: ${e instanceof Error ? e.message : String(e)}`;
        break;
      }
      const outcome = chunkOutcome(rows, result);
      summary.accepted += outcome.accepted;
      summary.duplicates += outcome.duplicates;
      summary.rejected += outcome.rejected;
      problems.push(...outcome.problems);
      sent += rows.length;
      setStage({ step: "upload", fileName, sent, total });
    }
    summary.notSent = total - sent;
    problems.sort((a, b) => a.row - b.row);
    await queryClient.invalidateQueries({ queryKey: trpc.items.list.pathKey() });
    setStage({ step: "done", fileName, summary, problems });
    onUploaded?.(summary);
  }

  function downloadTemplate() {
    const csv = templateCsv(fields, exampleItem(fields));
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${target.data?.workflowName ?? "items"} template.csv`;
    link.click();
    URL.revokeObjectURL(url);
  }

  const missing = stage.step === "map" ? unmappedRequired(mapping, fields) : [];

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button variant="secondary">
            <Upload className="h-4 w-4" aria-hidden /> Upload CSV
          </Button>
        )}
      </DialogTrigger>
      <DialogContent
        title="Upload items"
        description={
          target.data
            ? `Each row becomes an item for ${target.data.workflowName}${describeVersions(target.data.versions)}.`
            : "Each row of a CSV file becomes an item."
        }
        className="max-w-4xl"
      >
        <div className="space-y-4">
          {error ? <ErrorState message={error} /> : null}

          {stage.step === "pick" ? (
            target.isPending ? (
              <LoadingState label="Reading the workflow's fields…" />
            ) : target.isError ? (
              <ErrorState message={target.error.message} onRetry={() => target.refetch()} />
            ) : !target.data.accepting ? (
              <p className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
                {target.data.notAccepting}
              </p>
            ) : (
              <div className="space-y-3">
                <label
                  htmlFor={`upload-items-file-${workflowId}`}
                  className="flex cursor-pointer flex-col items-center justify-center gap-2 rounded-lg border-2 border-dashed border-slate-300 px-6 py-10 text-center hover:border-accent-500 focus-within:border-accent-500"
                >
                  <FileSpreadsheet className="h-8 w-8 text-slate-400" aria-hidden />
                  <span className="text-sm font-medium text-slate-900">Choose a CSV file</span>
                  <span className="text-xs text-slate-500">
                    A header row, then one item per row; up to {MAX_ROWS.toLocaleString("en")} rows.
                  </span>
                  <input
                    id={`upload-items-file-${workflowId}`}
                    type="file"
                    accept=".csv,text/csv"
                    className="sr-only"
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      e.target.value = "";
                      if (file)
                        void pick(file).catch((err: unknown) =>
                          setError(err instanceof Error ? err.message : String(err)),
                        );
                    }}
                  />
                </label>
                <div className="flex items-center justify-between gap-3 text-xs text-slate-600">
                  <span>Fields: {fields.map((f) => `${f.name}${f.required ? "*" : ""}`).join(", ")}</span>
                  <Button variant="ghost" size="sm" onClick={downloadTemplate}>
                    <FileDown className="h-4 w-4" aria-hidden /> Template
                  </Button>
                </div>
              </div>
            )
          ) : null}

          {stage.step === "map" ? (
            <>
              <p className="text-sm text-slate-600">
                {stage.fileName} · {stage.csv.rows.length.toLocaleString("en")} rows
                {stage.csv.unreadable.length > 0
                  ? ` · ${stage.csv.unreadable.length.toLocaleString("en")} unreadable (reported, not sent)`
                  : ""}
              </p>
              <UploadMapping
                columns={stage.csv.columns}
                rows={stage.csv.rows}
                fields={fields}
                mapping={mapping}
                onMappingChange={setMapping}
                dateFormat={dateFormat.format}
                onDateFormatChange={(format) => setDateFormat({ format, ambiguous: false })}
                dateFormatAmbiguous={dateFormat.ambiguous}
              />
              <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-4">
                {missing.length > 0 ? (
                  <p className="mr-auto text-sm text-red-700">
                    Choose a column for {missing.map((f) => f.label ?? f.name).join(", ")}.
                  </p>
                ) : null}
                <Button variant="secondary" onClick={reset}>
                  Choose another file
                </Button>
                <Button
                  onClick={() => void start(stage.fileName, stage.csv)}
                  disabled={missing.length > 0 || stage.csv.rows.length === 0}
                >
                  <Upload className="h-4 w-4" aria-hidden /> Upload{" "}
                  {stage.csv.rows.length.toLocaleString("en")} rows
                </Button>
              </div>
            </>
          ) : null}

          {stage.step === "upload" ? (
            <div className="space-y-3" aria-live="polite">
              <div className="flex items-center justify-between text-sm">
                <span className="flex items-center gap-2 font-medium">
                  <Loader2 className="h-4 w-4 animate-spin" aria-hidden /> Uploading {stage.fileName}…
                </span>
                <span className="tabular-nums text-slate-600">
                  {stage.sent.toLocaleString("en")} of {stage.total.toLocaleString("en")} rows
                </span>
              </div>
              <ProgressBar value={stage.sent} max={stage.total} label="Upload progress" />
              <div className="flex justify-end">
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => {
                    cancelled.current = true;
                  }}
                >
                  Cancel
                </Button>
              </div>
            </div>
          ) : null}

          {stage.step === "done" ? (
            <>
              <UploadReport summary={stage.summary} problems={stage.problems} />
              <div className="flex justify-end gap-2 border-t border-slate-100 pt-4">
                <Button variant="secondary" onClick={reset}>
                  Upload another file
                </Button>
                <DialogClose asChild>
                  <Button>Done</Button>
                </DialogClose>
              </div>
            </>
          ) : null}
        </div>
      </DialogContent>
    </Dialog>
  );
}

function describeVersions(versions: { version: number; role: "live" | "shadow" }[]): string {
  if (versions.length === 0) return "";
  const named = versions.map((v) => `version ${v.version} (${v.role})`).join(" and ");
  return `, checked against the trigger of ${named}`;
}
