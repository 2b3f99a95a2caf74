"use client";

import { useMutation } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { useId, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";

type Format = "csv" | "json";
/** The import procedure takes the file's text; past this it is better split. */
const MAX_BYTES = 20_000_000;

interface ImportResult {
  added: number;
  skipped: number;
  errors: Array<{ row: number; message: string }>;
}

function formatOf(name: string): Format {
  return /\.json$/i.test(name) ? "json" : "csv";
}

/**
 * Import entries from a CSV (header: text, resolution or reply; optional id, title) or a JSON array of the same.
 * Valid rows are imported; the others are listed by row number, so the owner can fix the file and import again
 * (an entry id already in the base is replaced, not duplicated).
 */
export function ImportEntriesDialog({ workflowId, onImported }: { workflowId: string; onImported(): void }) {
  const trpc = useTRPC();
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const importEntries = useMutation(
    trpc.knowledge.import.mutationOptions({
      onSuccess: (answer) => {
        setResult(answer);
        if (answer.added > 0) {
          toast.success(
            `Imported ${answer.added.toLocaleString("en")} ${answer.added === 1 ? "entry" : "entries"}.`,
          );
          onImported();
        }
      },
      onError: (error) => toast.error(error.message),
    }),
  );

  async function submit() {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      toast.error("The file is over 20 MB; split it and import the parts.");
      return;
    }
    setResult(null);
    importEntries.mutate({ workflowId, format: formatOf(file.name), content: await file.text() });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setFile(null);
          setResult(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button type="button" size="sm">
          <Upload className="h-4 w-4" aria-hidden />
          Import…
        </Button>
      </DialogTrigger>
      <DialogContent
        title="Import knowledge-base entries"
        description="A CSV with a header row (text, and resolution or reply; id and title optional) or a JSON array of objects with the same keys. An id already in the base replaces that entry."
        className="max-w-lg"
      >
        <div className="space-y-3">
          <div className="space-y-1.5">
            <label htmlFor={inputId} className="text-sm font-medium">
              File
            </label>
            <input
              id={inputId}
              type="file"
              accept=".csv,.json,text/csv,application/json"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setResult(null);
              }}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium hover:file:bg-slate-50"
            />
            <pre className="overflow-x-auto rounded bg-slate-50 p-2 text-[11px] text-slate-600">
              {`id,title,text,resolution\nrefund,Double charge,"I was charged twice",We refund the duplicate within 5 days.`}
            </pre>
          </div>
          {result ? <ImportReport result={result} /> : null}
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <DialogClose asChild>
            <Button type="button" variant="secondary">
              {result ? "Done" : "Cancel"}
            </Button>
          </DialogClose>
          <Button type="button" disabled={!file || importEntries.isPending} onClick={submit}>
            {importEntries.isPending ? "Importing…" : "Import"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

function ImportReport({ result }: { result: ImportResult }) {
  return (
    <div role="status" className="space-y-2 text-sm" data-testid="import-report">
      <p>
        <span className="font-medium">{result.added.toLocaleString("en")} imported</span>
        {result.skipped > 0 ? `, ${result.skipped.toLocaleString("en")} rows skipped:` : "."}
      </p>
      {result.errors.length > 0 ? (
        <ul className="max-h-48 space-y-0.5 overflow-y-auto rounded border border-amber-200 bg-amber-50 p-2 text-xs text-amber-900">
          {result.errors.map((error) => (
            <li key={`${error.row}-${error.message}`}>
              Row {error.row}: {error.message}
            </li>
          ))}
          {result.skipped > result.errors.length ? (
            <li>…and {result.skipped - result.errors.length} more.</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
