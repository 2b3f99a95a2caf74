import type { SuggestedOutcome } from "@/lib/engine/run/outcome";
import type { ItemLabel } from "../../db/schema";

/** The ground-truth label that accepting an outcome gives the item. */
export function labelFromOutcome(outcome: SuggestedOutcome): ItemLabel {
  switch (outcome.type) {
    case "route":
      return withoutUndefined({
        type: "route",
        label: outcome.team || outcome.queue || outcome.nodeId,
        team: outcome.team,
        queue: outcome.queue,
        nodeId: outcome.nodeId,
      });
    case "resolve":
      return withoutUndefined({
        type: "resolve",
        label: outcome.resolution ?? outcome.nodeId,
        resolution: outcome.resolution,
        nodeId: outcome.nodeId,
      });
    default:
      return { type: "end", label: "end", nodeId: outcome.nodeId };
  }
}

/** How a label reads in one line: "route → billing-team", "resolve → password-reset". */
export function describeLabel(label: ItemLabel): string {
  return label.type === "end" ? "end (no action)" : `${label.type} → ${label.label}`;
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
