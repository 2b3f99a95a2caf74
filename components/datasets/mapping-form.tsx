"use client";

import { parseDate } from "@/server/services/datasets/parse-date";
import { DATE_FORMATS, type DatasetMapping, type DateFormat } from "@/server/services/datasets/types";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

export type MappingDraft = Omit<DatasetMapping, "id" | "at" | "label"> & {
  id: string;
  at: string;
  label: string;
};

const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  iso: "ISO 8601 (2016-02-29T01:16:00Z)",
  "day-first": "Day first (29/2/2016 01:16)",
  "month-first": "Month first (2/29/2016 01:16)",
  "epoch-seconds": "Unix seconds",
  "epoch-millis": "Unix milliseconds",
};

interface RoleSpec {
  key: "id" | "at" | "label" | "outcomeType" | "escalated" | "text" | "reads";
  label: string;
  hint: string;
  required: boolean;
}

const ROLES: RoleSpec[] = [
  { key: "id", label: "Item id", hint: "Unique per case; duplicates are reported.", required: true },
  {
    key: "at",
    label: "When it happened",
    hint: "Sets the time order and the training cut-off.",
    required: true,
  },
  {
    key: "label",
    label: "Actual outcome",
    hint: "The team, resolution or queue the case ended with.",
    required: true,
  },
  {
    key: "outcomeType",
    label: "Outcome type",
    hint: "route / resolve / escalate, if the file says.",
    required: false,
  },
  {
    key: "escalated",
    label: "Handled by a person",
    hint: "true when the case was escalated to a human.",
    required: false,
  },
  { key: "text", label: "Text", hint: "The free text the workflow reads.", required: false },
  {
    key: "reads",
    label: "Recorded reads",
    hint: "JSON of what connectors answered for the case.",
    required: false,
  },
];

const selectClass =
  "h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm shadow-xs focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-accent-500/30";

export function MappingForm({
  columns,
  rows,
  mapping,
  onChange,
  dateFormatAmbiguous,
}: {
  columns: string[];
  rows: Record<string, string>[];
  mapping: MappingDraft;
  onChange: (mapping: MappingDraft) => void;
  dateFormatAmbiguous: boolean;
}) {
  const roleOf = new Map<string, string>();
  for (const role of ROLES) {
    const column = mapping[role.key];
    if (column) roleOf.set(column, role.label);
  }
  const ignored = new Set(mapping.ignore ?? []);
  const fieldColumns = columns.filter((c) => !roleOf.has(c));
  const samples = mapping.at
    ? rows
        .map((r) => r[mapping.at] ?? "")
        .filter(Boolean)
        .slice(0, 3)
    : [];

  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-x-6 gap-y-4 xl:grid-cols-3">
        {ROLES.map((role) => (
          <div key={role.key} className="space-y-1">
            <label htmlFor={`map-${role.key}`} className="text-sm font-medium text-slate-800">
              {role.label}
              {role.required ? (
                <span className="text-red-600"> *</span>
              ) : (
                <span className="font-normal text-slate-500"> (optional)</span>
              )}
            </label>
            <select
              id={`map-${role.key}`}
              value={mapping[role.key] ?? ""}
              onChange={(e) => onChange({ ...mapping, [role.key]: e.target.value || undefined })}
              className={selectClass}
              aria-invalid={role.required && !mapping[role.key] ? true : undefined}
            >
              <option value="">{role.required ? "Choose a column…" : "— none —"}</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <p className="text-xs text-slate-500">{role.hint}</p>
          </div>
        ))}
        <div className="space-y-1">
          <label htmlFor="map-date-format" className="text-sm font-medium text-slate-800">
            Date format
          </label>
          <select
            id="map-date-format"
            value={mapping.dateFormat}
            onChange={(e) => onChange({ ...mapping, dateFormat: e.target.value as DateFormat })}
            className={selectClass}
          >
            {DATE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {DATE_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          {dateFormatAmbiguous ? (
            <p className="text-xs text-amber-700">
              The first rows read both day-first and month-first: check the dates below.
            </p>
          ) : null}
          <ul className="space-y-0.5 text-xs text-slate-600" aria-label="How the first dates read">
            {samples.map((s, i) => {
              const parsed = parseDate(s, mapping.dateFormat);
              return (
                <li key={i} className={cn(!parsed && "text-red-700")}>
                  <code>{s}</code> →{" "}
                  {parsed
                    ? `${parsed.toISOString().slice(0, 16).replace("T", " ")} UTC`
                    : "not a date in this format"}
                </li>
              );
            })}
          </ul>
        </div>
        <div className="space-y-1">
          <label htmlFor="map-missing" className="text-sm font-medium text-slate-800">
            Values meaning “missing”
          </label>
          <Input
            id="map-missing"
            value={(mapping.missingValues ?? []).join(", ")}
            onChange={(e) =>
              onChange({
                ...mapping,
                missingValues: e.target.value
                  .split(",")
                  .map((v) => v.trim())
                  .filter(Boolean),
              })
            }
            placeholder="?, N/A"
          />
          <p className="text-xs text-slate-500">Comma-separated; an empty cell is always missing.</p>
        </div>
      </div>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Other columns, kept as fields</legend>
        <p className="mb-2 text-xs text-slate-500">
          Untick what was only known after the fact (who resolved it, when it closed): a backtest must not see
          the answer.
        </p>
        {fieldColumns.length === 0 ? (
          <p className="text-sm text-slate-500">Every column has a role.</p>
        ) : (
          <div className="flex flex-wrap gap-2">
            {fieldColumns.map((c) => (
              <label
                key={c}
                className="flex items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
              >
                <input
                  type="checkbox"
                  checked={!ignored.has(c)}
                  onChange={(e) => {
                    const next = new Set(ignored);
                    if (e.target.checked) next.delete(c);
                    else next.add(c);
                    onChange({ ...mapping, ignore: [...next] });
                  }}
                />
                {c}
              </label>
            ))}
          </div>
        )}
      </fieldset>

      {/* w-0 min-w-full: the table scrolls inside the card instead of widening the page. */}
      <div className="w-0 min-w-full overflow-x-auto rounded-lg border border-slate-200">
        <table className="w-full text-xs">
          <caption className="sr-only">The first rows of the file</caption>
          <thead className="bg-slate-50 text-left">
            <tr>
              {columns.map((c) => (
                <th
                  key={c}
                  className={cn(
                    "whitespace-nowrap px-3 py-2 font-medium",
                    ignored.has(c) ? "text-slate-400 line-through" : "text-slate-700",
                  )}
                >
                  {c}
                  {roleOf.get(c) ? (
                    <span className="ml-1 rounded bg-accent-50 px-1 py-0.5 font-normal text-accent-700">
                      {roleOf.get(c)}
                    </span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r, i) => (
              <tr key={i}>
                {columns.map((c) => (
                  <td key={c} className="max-w-48 truncate px-3 py-1.5 text-slate-700" title={r[c]}>
                    {r[c]}
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
