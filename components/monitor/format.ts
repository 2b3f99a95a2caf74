import type { Granularity } from "@/lib/monitoring/types";

/** Shared chart and card formatting for the monitoring screens. */
export const percentNumber = (value: number | null | undefined) =>
  value === null || value === undefined ? null : Number((value * 100).toFixed(1));

export function bucketLabel(startMs: number, granularity: Granularity): string {
  const text = new Date(startMs).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  });
  return granularity === "week" ? `wk ${text}` : text;
}

export const AXIS_TICK = { fontSize: 11, fill: "#475569" };
export const GRID_STROKE = "#e2e8f0";
export const COLORS = {
  items: "#4f46e5",
  expected: "#94a3b8",
  automation: "#059669",
  escalation: "#d97706",
  accuracy: "#4f46e5",
  band: "#c7d2fe",
  p50: "#0891b2",
  p95: "#7c3aed",
  baseline: "#334155",
};
/** One colour per escalation reason, fixed so a reason keeps its colour across charts. */
export const REASON_COLORS: Record<string, string> = {
  confidence: "#f59e0b",
  rule: "#6366f1",
  volume: "#dc2626",
  connector: "#0ea5e9",
  manual: "#64748b",
  unknown: "#a3a3a3",
};
