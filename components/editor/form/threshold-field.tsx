"use client";

import type { ThresholdInForce } from "@/lib/engine/run/outcome";
import { NumberField } from "./fields";

/**
 * The graph's threshold, with what is in force beside it. Admin overrides arrive through
 * `context.thresholdOverride` (see components/editor/thresholds.ts); until then the graph value is in force.
 */
export function ThresholdField({
  value,
  onChange,
  issues,
  override,
  disabled,
  label = "Confidence threshold",
  hint,
}: {
  value: number | undefined;
  onChange(value: number): void;
  issues?: string[];
  override: (ThresholdInForce & { setBy?: string | null; reason?: string }) | undefined;
  disabled?: boolean;
  label?: string;
  hint?: string;
}) {
  const inForce = override ?? (value !== undefined ? { value, source: "graph" as const } : undefined);
  return (
    <div className="space-y-1.5">
      <NumberField
        label={label}
        value={value}
        onChange={onChange}
        min={0}
        max={1}
        step={0.05}
        issues={issues}
        disabled={disabled}
        hint={hint}
      />
      <input
        type="range"
        aria-label={`${label} slider`}
        min={0}
        max={1}
        step={0.01}
        value={value ?? 0}
        disabled={disabled}
        onChange={(e) => onChange(Number(e.target.value))}
        className="w-full accent-accent-600"
      />
      <p className="text-xs text-slate-500" data-testid="threshold-in-force">
        In force:{" "}
        <span className="font-medium tabular-nums text-slate-700">
          {inForce ? inForce.value.toFixed(2) : "—"}
        </span>{" "}
        {inForce?.source === "override"
          ? `(admin override${override?.setBy ? ` by ${override.setBy}` : ""}${override?.reason ? `: ${override.reason}` : ""}; the graph value applies again when it is cleared)`
          : "(graph default; admins may override it per run)"}
      </p>
    </div>
  );
}
