"use client";

import { Plus, X } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import { useDraft } from "./fields";

export interface StringListFieldProps {
  label: string;
  values: readonly string[];
  onChange(values: string[]): void;
  /** Messages per item index, and for the list as a whole. */
  itemIssues?: (index: number) => string[];
  issues?: readonly string[];
  hint?: string;
  placeholder?: string;
  disabled?: boolean;
  /** Split pasted or typed text on commas (for keyword lists). */
  splitOnComma?: boolean;
}

/**
 * A list of short strings (labels, levels, keywords). Each entry commits on Enter or when it loses focus,
 * so renaming a label is one change (its edge follows) rather than one per keystroke.
 */
export function StringListField({
  label,
  values,
  onChange,
  itemIssues,
  issues = [],
  hint,
  placeholder,
  disabled,
  splitOnComma,
}: StringListFieldProps) {
  const id = useId();
  const [adding, setAdding] = useState("");
  const split = (text: string) =>
    (splitOnComma ? text.split(",") : [text]).map((t) => t.trim()).filter(Boolean);
  const add = () => {
    const extra = split(adding);
    if (extra.length === 0) return;
    onChange([...values, ...extra]);
    setAdding("");
  };
  return (
    <div className="space-y-1" role="group" aria-labelledby={`${id}-label`}>
      <div id={`${id}-label`} className="text-xs font-medium text-slate-700">
        {label}
      </div>
      <ul className="space-y-1">
        {values.map((value, i) => (
          <ListEntry
            key={`${i}:${value}`}
            value={value}
            index={i}
            label={label}
            disabled={disabled}
            issues={itemIssues?.(i) ?? []}
            onCommit={(next) => {
              const parts = split(next);
              if (parts.length === 0) return onChange(values.filter((_, j) => j !== i));
              onChange([...values.slice(0, i), ...parts, ...values.slice(i + 1)]);
            }}
            onRemove={() => onChange(values.filter((_, j) => j !== i))}
          />
        ))}
      </ul>
      {!disabled ? (
        <div className="flex gap-1">
          <input
            aria-label={`Add to ${label}`}
            value={adding}
            placeholder={placeholder ?? "Add…"}
            onChange={(e) => setAdding(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            className="h-7 min-w-0 flex-1 rounded-md border border-dashed border-slate-300 bg-white px-2 text-sm placeholder:text-slate-400 focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-500/30"
          />
          <button
            type="button"
            onClick={add}
            aria-label={`Add to ${label}`}
            className="flex h-7 w-7 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100"
          >
            <Plus className="h-4 w-4" aria-hidden />
          </button>
        </div>
      ) : null}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {issues.length > 0 ? (
        <ul className="text-xs text-red-700">
          {issues.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function ListEntry({
  value,
  index,
  label,
  issues,
  disabled,
  onCommit,
  onRemove,
}: {
  value: string;
  index: number;
  label: string;
  issues: string[];
  disabled?: boolean;
  onCommit(value: string): void;
  onRemove(): void;
}) {
  const [draft, setDraft] = useDraft(value);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      commit();
    } else if (e.key === "Escape") {
      setDraft(value);
    }
  };
  return (
    <li>
      <div className="flex gap-1">
        <input
          aria-label={`${label} ${index + 1}`}
          value={draft}
          disabled={disabled}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
          aria-invalid={issues.length > 0 || undefined}
          className={cn(
            "h-7 min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm shadow-xs focus-visible:border-accent-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-500/30 aria-invalid:border-red-500 disabled:bg-slate-50 disabled:text-slate-500",
          )}
        />
        {!disabled ? (
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove ${value || `${label} ${index + 1}`}`}
            className="flex h-7 w-7 items-center justify-center rounded-md text-slate-500 hover:bg-red-50 hover:text-red-700"
          >
            <X className="h-3.5 w-3.5" aria-hidden />
          </button>
        ) : null}
      </div>
      {issues.length > 0 ? <p className="mt-0.5 text-xs text-red-700">{issues.join("; ")}</p> : null}
    </li>
  );
}
