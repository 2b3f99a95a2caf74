import { cn } from "@/components/ui/cn";
import { percent } from "./format";

/**
 * A 0..1 value as a bar, with the threshold in force as a tick: at a glance, how far below (or above)
 * the line the model was.
 */
export function ConfidenceBar({
  label,
  value,
  threshold,
  strong,
}: {
  label: string;
  value: number;
  threshold?: number;
  strong?: boolean;
}) {
  const below = threshold !== undefined && value < threshold;
  return (
    <div className="grid grid-cols-[minmax(0,7rem)_1fr_2.75rem] items-center gap-2 text-xs">
      <span
        className={cn("truncate", strong ? "font-medium text-slate-900" : "text-slate-600")}
        title={label}
      >
        {label}
      </span>
      <div
        className="relative h-2 rounded-full bg-slate-100"
        role="meter"
        aria-label={`${label}: ${percent(value)}${threshold !== undefined ? `, threshold ${percent(threshold)}` : ""}`}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={value}
      >
        <div
          className={cn(
            "h-2 rounded-full",
            strong ? (below ? "bg-amber-500" : "bg-accent-600") : "bg-slate-300",
          )}
          style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }}
        />
        {threshold !== undefined ? (
          <div
            className="absolute -top-1 h-4 w-0.5 rounded bg-slate-700"
            style={{ left: `calc(${threshold * 100}% - 1px)` }}
            title={`threshold ${threshold.toFixed(2)}`}
          />
        ) : null}
      </div>
      <span className="text-right tabular-nums text-slate-700">{value.toFixed(2)}</span>
    </div>
  );
}
