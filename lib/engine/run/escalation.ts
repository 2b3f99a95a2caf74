import type { CompiledGraph, CompiledNode } from "../compile/compile-graph";
import type { EscalationReasonType } from "../graph/test-case-schema";
import type { StepResult, TerminalResult } from "../node-definition";
import type { DecisionSummary, EscalateOutcome, EndOutcome, ResolveOutcome, RouteOutcome } from "./outcome";
import type { RunState } from "./run-state";
import type { Stop } from "./walk";

export interface EscalationCause {
  node: CompiledNode;
  result: StepResult;
}

/** The decision that sent the item to a person: the step before an escalate node, or the node whose handle escalated. */
export function escalationCause(state: RunState, stop: Stop): EscalationCause | undefined {
  if (stop.kind === "escalate_unconnected") return { node: stop.node, result: stop.result };
  const at = state.stepCount - 2;
  const node = state.nodeAt(at);
  const result = state.resultAt(at);
  // Straight from the trigger, nothing was decided: the escalate node is the whole reason.
  return node && result && node.index !== state.compiled.start ? { node, result } : undefined;
}

export function isEscalation(stop: Stop): boolean {
  return (
    stop.kind === "escalate_unconnected" ||
    (stop.kind === "terminal" && stop.result.terminal?.type === "escalate")
  );
}

export function decisionSummaries(state: RunState): DecisionSummary[] {
  const out: DecisionSummary[] = [];
  for (let i = 0; i < state.stepCount; i++) {
    const node = state.nodeAt(i)!;
    const result = state.resultAt(i)!;
    if (node.index === state.compiled.start || result.terminal) continue;
    const summary: DecisionSummary = { nodeId: node.id, type: node.type, handle: result.handle };
    if (result.detail !== undefined) summary.detail = result.detail;
    if (result.confidence !== undefined) summary.confidence = result.confidence;
    out.push(summary);
  }
  return out;
}

/** The escalation outcome, before its suggested outcome is worked out. */
export function describeEscalation(compiled: CompiledGraph, state: RunState, stop: Stop): EscalateOutcome {
  const cause = escalationCause(state, stop);
  const terminal: TerminalResult | undefined = stop.kind === "terminal" ? stop.result.terminal : undefined;
  const reasonType: EscalationReasonType =
    terminal?.reasonType ??
    (cause ? cause.node.handles.get(cause.result.handle)?.escalateAs : undefined) ??
    "manual";
  const note = terminal?.note;
  const causeLine =
    cause && `${cause.node.name ?? cause.node.id}: ${cause.result.detail ?? `took "${cause.result.handle}"`}`;
  const reason = causeLine
    ? note
      ? `${causeLine} — ${note}`
      : causeLine
    : (note ?? `every item reaching ${stop.node.id} goes to a person`);
  return {
    type: "escalate",
    nodeId: stop.node.id,
    queue: terminal?.queue ?? compiled.escalationQueue,
    reasonType,
    reason,
    context: { decisions: decisionSummaries(state) },
  };
}

export function terminalOutcome(
  node: CompiledNode,
  terminal: TerminalResult,
): RouteOutcome | ResolveOutcome | EndOutcome {
  switch (terminal.type) {
    case "route":
      return terminal.queue === undefined
        ? { type: "route", nodeId: node.id, team: terminal.team ?? "" }
        : { type: "route", nodeId: node.id, team: terminal.team ?? "", queue: terminal.queue };
    case "resolve":
      return terminal.resolution === undefined
        ? { type: "resolve", nodeId: node.id, reply: terminal.reply ?? "" }
        : { type: "resolve", nodeId: node.id, resolution: terminal.resolution, reply: terminal.reply ?? "" };
    default:
      return terminal.note === undefined
        ? { type: "end", nodeId: node.id }
        : { type: "end", nodeId: node.id, note: terminal.note };
  }
}
