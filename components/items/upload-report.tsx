"use client";

import { Download } from "lucide-react";
import Papa from "papaparse";
import { escapeFormulaCell } from "@/server/services/backtests/export/escape-formula-cell";
import { Button } from "@/components/ui/button";

export interface RowProblem {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  field: string;
  message: string;
}

export interface UploadSummary {
  /** Rows in the file (readable or not). */
  total: number;
  /** New items created. */
  accepted: number;
  /** Rows whose item had been received before: nothing new was created. */
  duplicates: number;
  /** Rows refused: unreadable, or their item did not match the trigger's fields. */
  rejected: number;
  /** Rows not sent because the upload was cancelled or stopped on an error. */
  notSent: number;
  /** Why the upload stopped early, when it did. */
  stoppedBecause?: string;
}

const SHOWN_PROBLEMS = 200;

function download(problems: RowProblem[]) {
  const csv = Papa.unparse({
    fields: ["row", "field", "message"],
    // The messages can quote the file's own cells: escaped, so a spreadsheet shows rather than runs them.
    data: problems.map((p) => [p.row, escapeFormulaCell(p.field), escapeFormulaCell(p.message)]),
  });
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "upload-errors.csv";
  link.click();
  URL.revokeObjectURL(url);
}

export function UploadReport({ summary, problems }: { summary: UploadSummary; problems: RowProblem[] }) {
  const counts = [
    { label: "Accepted", value: summary.accepted, tone: "text-emerald-700" },
    { label: "Duplicates", value: summary.duplicates, tone: "text-slate-700" },
    {
      label: "Rejected",
      value: summary.rejected,
      tone: summary.rejected ? "text-red-700" : "text-slate-700",
    },
    ...(summary.notSent ? [{ label: "Not sent", value: summary.notSent, tone: "text-amber-700" }] : []),
  ];
  return (
    <div className="space-y-4">
      {summary.stoppedBecause ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {summary.stoppedBecause}
        </p>
      ) : null}
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="upload-summary">
        {counts.map((c) => (
          <div key={c.label} className="rounded-md border border-slate-200 p-3">
            <dt className="text-xs text-slate-500">{c.label}</dt>
            <dd className={`text-xl font-semibold tabular-nums ${c.tone}`}>{c.value.toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">
        Duplicates are rows whose item id was received before: the first item stands and nothing ran again.
      </p>
      {problems.length > 0 ? (
        <div className="space-y-2">
          <div className="flex items-center justify-between">
            <h3 className="text-sm font-medium text-slate-800">Rejected rows</h3>
            <Button variant="secondary" size="sm" onClick={() => download(problems)}>
              <Download className="h-4 w-4" aria-hidden /> Download all as CSV
            </Button>
          </div>
          <div className="max-h-64 overflow-auto rounded-lg border border-slate-200">
            <table className="w-full text-xs">
              <thead className="sticky top-0 bg-slate-50 text-left">
                <tr>
                  <th className="px-3 py-2 font-medium text-slate-600">Row</th>
                  <th className="px-3 py-2 font-medium text-slate-600">Field</th>
                  <th className="px-3 py-2 font-medium text-slate-600">Problem</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                  <tr key={`${p.row}-${p.field}-${i}`}>
                    <td className="px-3 py-1.5 tabular-nums text-slate-700">{p.row}</td>
                    <td className="px-3 py-1.5 font-mono text-slate-700">{p.field || "—"}</td>
                    <td className="px-3 py-1.5 text-slate-800">{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {problems.length > SHOWN_PROBLEMS ? (
            <p className="text-xs text-slate-500">
              Showing the first {SHOWN_PROBLEMS} of {problems.length.toLocaleString("en")}; the download has
              them all.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
