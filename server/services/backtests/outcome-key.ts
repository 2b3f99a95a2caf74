import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import { DEFERRED, ERRORED, ESCALATED, type OutcomeKey, type ResultKind } from "./types";

/** The knowledge-base entry a match node picked on this path, if any (resolve outcomes are judged by it). */
export function matchedEntry(trace: Trace | undefined, nodeId?: string): string | undefined {
  if (!trace) return undefined;
  for (let i = trace.steps.length - 1; i >= 0; i--) {
    const step = trace.steps[i]!;
    if (step.type !== "match" || (nodeId !== undefined && step.nodeId !== nodeId)) continue;
    const entry = (step.output as { entryId?: unknown } | undefined)?.entryId;
    if (typeof entry === "string" && (nodeId !== undefined || step.handle === "matched")) return entry;
  }
  return undefined;
}

/**
 * An outcome as history can judge it: a route by its team, a resolution by the known fix it sent (the matched
 * entry) or its resolution code, an end by its note; escalations, errors and deferrals by what they are.
 */
export function outcomeKey(outcome: Outcome, entry?: string): OutcomeKey {
  switch (outcome.type) {
    case "route":
      return { predicted: outcome.team, kind: "auto" };
    case "resolve":
      return { predicted: entry ?? outcome.resolution ?? "resolved", kind: "auto" };
    case "end":
      return { predicted: outcome.note ?? outcome.nodeId, kind: "auto" };
    case "escalate":
      return { predicted: ESCALATED, kind: "escalated", reasonType: outcome.reasonType };
    case "deferred":
      return { predicted: DEFERRED, kind: "deferred" };
    case "error":
      return { predicted: ERRORED, kind: "error" };
  }
}

export function resultKind(key: OutcomeKey, actualLabel: string): ResultKind {
  if (key.kind === "auto") return key.predicted === actualLabel ? "correct" : "wrong";
  return key.kind;
}

/** `auto:billing-team`, `escalated:confidence`, `error`, `deferred`: one short string per outcome key. */
export function encodeOutcomeKey(key: OutcomeKey): string {
  if (key.kind === "auto") return `auto:${key.predicted}`;
  if (key.kind === "escalated") return `escalated:${key.reasonType ?? ""}`;
  return key.kind;
}

export function decodeOutcomeKey(text: string): OutcomeKey {
  if (text.startsWith("auto:")) return { predicted: text.slice(5), kind: "auto" };
  if (text.startsWith("escalated:")) {
    const reasonType = text.slice(10);
    return reasonType
      ? { predicted: ESCALATED, kind: "escalated", reasonType }
      : { predicted: ESCALATED, kind: "escalated" };
  }
  return text === "deferred"
    ? { predicted: DEFERRED, kind: "deferred" }
    : { predicted: ERRORED, kind: "error" };
}
