import type { EscalationReasonType } from "@/lib/engine/graph/test-case-schema";

export const REASON_TYPES: readonly EscalationReasonType[] = [
  "confidence",
  "rule",
  "connector",
  "volume",
  "manual",
];

export const REASON_LABELS: Record<EscalationReasonType, string> = {
  confidence: "Low confidence",
  rule: "Rule",
  connector: "Connector",
  volume: "Volume guard",
  manual: "Manual",
};

export const REASON_TONES: Record<EscalationReasonType, "accent" | "warning" | "danger" | "neutral"> = {
  confidence: "accent",
  rule: "warning",
  connector: "danger",
  volume: "danger",
  manual: "neutral",
};

function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}

/** "2h 14m left", "overdue 35m": how long until a task's SLA runs out. */
export function timeLeft(dueAt: Date, now: number): { text: string; tone: "danger" | "warning" | "neutral" } {
  const ms = dueAt.getTime() - now;
  if (ms <= 0) return { text: `overdue ${duration(-ms)}`, tone: "danger" };
  return { text: `${duration(ms)} left`, tone: ms < 60 * 60_000 ? "warning" : "neutral" };
}

/** "5m ago", "3h ago", "2d ago". */
export function ago(date: Date, now: number): string {
  const ms = now - date.getTime();
  return ms < 60_000 ? "just now" : `${duration(ms)} ago`;
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

export interface LabelLike {
  type: "route" | "resolve" | "end";
  label: string;
}

/** "Route → billing-team", "Resolve → password-reset", "End". */
export function describeOutcome(outcome: LabelLike | null | undefined): string {
  if (!outcome) return "—";
  if (outcome.type === "end") return "End (no action)";
  return `${outcome.type === "route" ? "Route" : "Resolve"} → ${outcome.label}`;
}

/** A suggested outcome from the engine, as a label (team, resolution or end). */
export function suggestedAsLabel(
  suggested:
    | { type: "route"; team: string; queue?: string; nodeId: string }
    | { type: "resolve"; resolution?: string; nodeId: string }
    | { type: "end"; nodeId: string }
    | null,
): LabelLike | null {
  if (!suggested) return null;
  if (suggested.type === "route")
    return { type: "route", label: suggested.team || suggested.queue || suggested.nodeId };
  if (suggested.type === "resolve")
    return { type: "resolve", label: suggested.resolution ?? suggested.nodeId };
  return { type: "end", label: "end" };
}
