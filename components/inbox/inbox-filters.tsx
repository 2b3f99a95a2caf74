"use client";

import type { EscalationReasonType } from "@/lib/engine/graph/test-case-schema";
import { cn } from "@/components/ui/cn";
import { REASON_LABELS, REASON_TYPES } from "./format";

export interface Filters {
  workflowId?: string;
  reasonType?: EscalationReasonType;
  label?: string;
}

/** Must match the server's special label filters (server/services/reviews/list-tasks.ts). */
export const WITH_SUGGESTION = "(with a suggestion)";
export const WITHOUT_SUGGESTION = "(no suggestion)";

const selectClass =
  "h-8 rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-700 focus-visible:border-accent-500";

export function InboxFilters({
  filters,
  onChange,
  counts,
  labels,
  workflows,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
  counts: Partial<Record<EscalationReasonType, number>>;
  labels: string[];
  workflows: { id: string; name: string }[];
}) {
  const total = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const shown = REASON_TYPES.filter((r) => (counts[r] ?? 0) > 0 || filters.reasonType === r);
  const chip = (active: boolean) =>
    cn(
      "inline-flex h-7 items-center gap-1.5 rounded-full px-2.5 text-xs font-medium ring-1 ring-inset",
      active
        ? "bg-accent-600 text-white ring-accent-600"
        : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
    );
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filters">
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Reason">
        <button
          type="button"
          className={chip(!filters.reasonType)}
          aria-pressed={!filters.reasonType}
          onClick={() => onChange({ ...filters, reasonType: undefined })}
        >
          All reasons <span className="tabular-nums opacity-80">{total}</span>
        </button>
        {shown.map((reason) => (
          <button
            key={reason}
            type="button"
            className={chip(filters.reasonType === reason)}
            aria-pressed={filters.reasonType === reason}
            onClick={() =>
              onChange({ ...filters, reasonType: filters.reasonType === reason ? undefined : reason })
            }
          >
            {REASON_LABELS[reason]} <span className="tabular-nums opacity-80">{counts[reason] ?? 0}</span>
          </button>
        ))}
      </div>
      <div className="ml-auto flex items-center gap-2">
        <label className="sr-only" htmlFor="inbox-workflow">
          Workflow
        </label>
        <select
          id="inbox-workflow"
          className={selectClass}
          value={filters.workflowId ?? ""}
          onChange={(event) => onChange({ ...filters, workflowId: event.target.value || undefined })}
        >
          <option value="">All workflows</option>
          {workflows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="inbox-label">
          Suggested label
        </label>
        <select
          id="inbox-label"
          className={selectClass}
          value={filters.label ?? ""}
          onChange={(event) => onChange({ ...filters, label: event.target.value || undefined })}
        >
          <option value="">Any label</option>
          <option value={WITH_SUGGESTION}>With a suggestion</option>
          <option value={WITHOUT_SUGGESTION}>No suggestion</option>
          {labels.map((label) => (
            <option key={label} value={label}>
              Suggested: {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
