import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { ReviewTaskRequest } from "@/lib/engine/ports";
import type {
  DecisionSummary,
  EscalateOutcome,
  Outcome,
  SuggestedOutcome,
  Trace,
} from "@/lib/engine/run/outcome";

/** The queue a volume escalation goes to: the graph's own escalation queue (the first escalate node's). */
function queueOf(graph: Graph, outcome: Outcome): string {
  if (outcome.type === "escalate") return outcome.queue;
  const escalate = graph.nodes.find((node) => node.type === "escalate");
  const queue = escalate?.config.queue;
  return typeof queue === "string" && queue ? queue : "review";
}

function suggestionOf(outcome: Outcome): SuggestedOutcome | undefined {
  if (outcome.type === "route" || outcome.type === "resolve" || outcome.type === "end") return outcome;
  return outcome.type === "escalate" ? outcome.suggested : undefined;
}

/**
 * What a live item becomes while a volume episode escalates: the graph ran without side effects, its outcome
 * is kept as the suggestion, and the item goes to a person with reason `volume`. Pure.
 */
export function volumeEscalation(
  graph: Graph,
  graphOutcome: Outcome,
  trace: Trace | null,
  item: { id: string; runKey: string; payload: Record<string, unknown> },
): { outcome: EscalateOutcome; request: ReviewTaskRequest } {
  const decisions: DecisionSummary[] = (trace?.steps ?? [])
    .filter((step) => step.handle !== "")
    .map((step) => ({
      nodeId: step.nodeId,
      type: step.type,
      handle: step.handle,
      detail: step.detail,
      confidence: step.confidence,
    }));
  const nodeId = graphOutcome.nodeId ?? trace?.steps.at(-1)?.nodeId ?? "volume-guard";
  const why = graphOutcome.type === "escalate" ? ` (the graph escalated too: ${graphOutcome.reason})` : "";
  const suggested = suggestionOf(graphOutcome);
  const outcome: EscalateOutcome = {
    type: "escalate",
    nodeId,
    queue: queueOf(graph, graphOutcome),
    reasonType: "volume",
    reason: `Input volume out of band: every item goes to a person until it is back${why}`,
    ...(suggested ? { suggested } : {}),
    context: { decisions },
  };
  return {
    outcome,
    request: {
      queue: outcome.queue,
      reasonType: "volume",
      reason: outcome.reason,
      itemId: item.id,
      item: item.payload,
      nodeId,
      suggested,
      context: outcome.context,
      idempotencyKey: `${item.runKey}:volume`,
    },
  };
}
