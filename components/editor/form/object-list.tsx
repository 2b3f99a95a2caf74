"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import type { ReactNode } from "react";

/** A list of small objects (rules, fields, entries) edited in cards, with add, remove and reorder. */
export function ObjectList<T>({
  label,
  items,
  onChange,
  render,
  create,
  itemTitle,
  disabled,
  issues = [],
  addLabel = "Add",
}: {
  label: string;
  items: readonly T[];
  onChange(items: T[]): void;
  render(item: T, index: number, update: (next: T) => void): ReactNode;
  create(): T;
  itemTitle(item: T, index: number): string;
  disabled?: boolean;
  issues?: readonly string[];
  addLabel?: string;
}) {
  const move = (from: number, to: number) => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  return (
    <div className="space-y-2">
      <ul className="space-y-2">
        {items.map((item, i) => (
          <li key={i} className="rounded-md border border-slate-200 bg-slate-50/60 p-2.5">
            <div className="mb-2 flex items-center gap-1">
              <span className="min-w-0 flex-1 truncate text-xs font-semibold text-slate-700">
                {itemTitle(item, i)}
              </span>
              {!disabled ? (
                <>
                  <IconButton
                    label={`Move ${itemTitle(item, i)} up`}
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                  >
                    <ArrowUp className="h-3.5 w-3.5" aria-hidden />
                  </IconButton>
                  <IconButton
                    label={`Move ${itemTitle(item, i)} down`}
                    disabled={i === items.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    <ArrowDown className="h-3.5 w-3.5" aria-hidden />
                  </IconButton>
                  <IconButton
                    label={`Remove ${itemTitle(item, i)}`}
                    onClick={() => onChange(items.filter((_, j) => j !== i))}
                    danger
                  >
                    <Trash2 className="h-3.5 w-3.5" aria-hidden />
                  </IconButton>
                </>
              ) : null}
            </div>
            <div className="space-y-2">
              {render(item, i, (next) => onChange(items.map((x, j) => (j === i ? next : x))))}
            </div>
          </li>
        ))}
      </ul>
      {issues.length > 0 ? (
        <ul className="text-xs text-red-700">
          {issues.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {!disabled ? (
        <button
          type="button"
          onClick={() => onChange([...items, create()])}
          className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-xs font-medium text-accent-700 hover:bg-accent-50"
        >
          <Plus className="h-3.5 w-3.5" aria-hidden /> {addLabel} {label.toLowerCase()}
        </button>
      ) : null}
    </div>
  );
}

function IconButton({
  label,
  onClick,
  disabled,
  danger,
  children,
}: {
  label: string;
  onClick(): void;
  disabled?: boolean;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className={`flex h-6 w-6 items-center justify-center rounded text-slate-500 disabled:opacity-30 ${danger ? "hover:bg-red-50 hover:text-red-700" : "hover:bg-slate-200"}`}
    >
      {children}
    </button>
  );
}
