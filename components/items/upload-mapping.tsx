"use client";

import { cn } from "@/components/ui/cn";
import { DATE_FORMATS, type DateFormat } from "@/server/services/datasets/types";
import type { UploadField } from "@/server/services/items/upload-target";
import { rowToItem, type ColumnMapping, type CsvRow } from "./csv-items";

const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: "ISO 8601 (2026-02-28T09:30:00Z)",
  "day-first": "Day first (28/2/2026 09:30)",
  "month-first": "Month first (2/28/2026 09:30)",
  "epoch-seconds": "Unix seconds",
  "epoch-millis": "Unix milliseconds",
};
const PREVIEW_ROWS = 5;
const selectClass =
  "h-8 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30";

function typeWords(field: UploadField): string {
  return field.type === "enum" ? `one of ${(field.values ?? []).join(", ")}` : field.type;
}

function cellText(value: unknown): string {
  return value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
}

/** Which column each trigger field is read from, and the first rows as the items they become. */
export function UploadMapping({
  columns,
  rows,
  fields,
  mapping,
  onMappingChange,
  dateFormat,
  onDateFormatChange,
  dateFormatAmbiguous,
}: {
  columns: string[];
  rows: CsvRow[];
  fields: UploadField[];
  mapping: ColumnMapping;
  onMappingChange: (mapping: ColumnMapping) => void;
  dateFormat: DateFormat;
  onDateFormatChange: (format: DateFormat) => void;
  dateFormatAmbiguous: boolean;
}) {
  const used = new Set(Object.values(mapping).filter(Boolean));
  const unused = columns.filter((c) => !used.has(c));
  const hasDates = fields.some((f) => f.type === "date" && mapping[f.name]);
  const preview = rows.slice(0, PREVIEW_ROWS).map((row) => ({
    row: row.row,
    item: rowToItem(row, mapping, fields, dateFormat),
  }));

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">Columns → the trigger&apos;s fields</legend>
        <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
          {fields.map((field) => {
            const missing = field.required && !mapping[field.name];
            return (
              <div key={field.name} className="grid grid-cols-[minmax(0,10rem)_1fr] items-center gap-2">
                <label htmlFor={`upload-map-${field.name}`} className="min-w-0 text-sm">
                  <span className="block truncate font-medium text-slate-800">
                    {field.label ?? field.name}
                    {field.required ? <span className="text-red-600"> *</span> : null}
                  </span>
                  <span className="block truncate text-xs text-slate-500" title={typeWords(field)}>
                    {field.label ? `${field.name} · ` : null}
                    {typeWords(field)}
                  </span>
                </label>
                <select
                  id={`upload-map-${field.name}`}
                  value={mapping[field.name] ?? ""}
                  aria-invalid={missing || undefined}
                  onChange={(e) => onMappingChange({ ...mapping, [field.name]: e.target.value })}
                  className={cn(selectClass, missing && "border-red-500")}
                >
                  <option value="">{field.required ? "Choose a column…" : "— not in the file —"}</option>
                  {columns.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
        {unused.length > 0 ? (
          <p className="text-xs text-slate-500">Not sent (no field reads them): {unused.join(", ")}.</p>
        ) : null}
      </fieldset>

      {hasDates ? (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="upload-date-format" className="text-sm font-medium text-slate-800">
            Dates are written as
          </label>
          <select
            id="upload-date-format"
            value={dateFormat}
            onChange={(e) => onDateFormatChange(e.target.value as DateFormat)}
            className={cn(selectClass, "w-auto")}
          >
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {DATE_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          <span className="text-xs text-slate-500">Times without a zone are read as UTC.</span>
          {dateFormatAmbiguous ? (
            <p className="w-full text-xs text-amber-700">
              The first dates read both day-first and month-first: check them in the preview.
            </p>
          ) : null}
        </div>
      ) : null}

      {/* w-0 min-w-full: the table scrolls inside the dialog instead of widening it. */}
      <div className="w-0 min-w-full overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-xs">
          <caption className="sr-only">The first rows as the items that will be sent</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              <th className="px-3 py-2 font-medium text-slate-500">Row</th>
              {fields.map((f) => (
                <th key={f.name} className="whitespace-nowrap px-3 py-2 font-medium text-slate-700">
                  {f.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.map(({ row, item }) => (
              <tr key={row}>
                <td className="px-3 py-1.5 tabular-nums text-slate-500">{row}</td>
                {fields.map((f) => (
                  <td
                    key={f.name}
                    className="max-w-48 truncate px-3 py-1.5 text-slate-700"
                    title={cellText(item[f.name])}
                  >
                    {item[f.name] === undefined ? (
                      <span className="text-slate-400">—</span>
                    ) : (
                      cellText(item[f.name])
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
