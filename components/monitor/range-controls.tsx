"use client";

import { cn } from "@/components/ui/cn";
import type { Granularity } from "@/lib/monitoring/types";

export interface RangeChoice {
  days: number;
  granularity: Granularity;
  /** undefined: what the stage suggests (live once live, shadow before). */
  mode: "live" | "shadow" | undefined;
}

const RANGES = [7, 30, 90, 180];

function Segmented<T extends string | number>({
  label,
  options,
  value,
  onChange,
  name,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T | undefined;
  onChange(value: T): void;
  name: (value: T) => string;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="flex overflow-hidden rounded-md border border-slate-300 bg-white"
    >
      {options.map((option) => (
        <button
          key={String(option.value)}
          type="button"
          aria-pressed={option.value === value}
          data-testid={`range-${name(option.value)}`}
          className={cn(
            "px-3 py-1.5 text-sm",
            option.value === value ? "bg-accent-600 text-white" : "text-slate-700 hover:bg-slate-50",
          )}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** The range picker: how far back, per day or week, and live or shadow items. */
export function RangeControls({
  choice,
  mode,
  onChange,
}: {
  choice: RangeChoice;
  mode: "live" | "shadow" | undefined;
  onChange(choice: RangeChoice): void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Segmented
        label="Range"
        options={RANGES.map((days) => ({ value: days, label: `${days} days` }))}
        value={choice.days}
        name={(days) => `${days}d`}
        onChange={(days) =>
          onChange({ ...choice, days, granularity: days > 60 ? "week" : choice.granularity })
        }
      />
      <Segmented<Granularity>
        label="Per"
        options={[
          { value: "day", label: "Per day" },
          { value: "week", label: "Per week" },
        ]}
        value={choice.granularity}
        name={(g) => g}
        onChange={(granularity) => onChange({ ...choice, granularity })}
      />
      <Segmented<"live" | "shadow">
        label="Items"
        options={[
          { value: "live", label: "Live items" },
          { value: "shadow", label: "Shadow items" },
        ]}
        value={choice.mode ?? mode}
        name={(m) => m}
        onChange={(next) => onChange({ ...choice, mode: next })}
      />
    </div>
  );
}
