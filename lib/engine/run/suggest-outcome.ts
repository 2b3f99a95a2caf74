import type { CompiledGraph } from "../compile/compile-graph";
import { suppressWrites } from "../modes/suppress-writes";
import type { MaybePromise, Ports } from "../ports";
import { escalationCause, isEscalation, terminalOutcome, type EscalationCause } from "./escalation";
import { thenMaybe } from "./maybe-promise";
import type { SuggestedOutcome } from "./outcome";
import { RunState } from "./run-state";
import { walk } from "./walk";

/** Reviewers never get a task from a what-if run, and what-if writes are never sent. */
function whatIfPorts(ports: Ports): Ports {
  return {
    clock: ports.clock,
    models: ports.models,
    connectors: suppressWrites(ports.connectors),
    reviewQueue: {
      createTask() {
        throw new Error("a suggested-outcome run never creates review tasks");
      },
    },
  };
}

function alternateTarget(cause: EscalationCause | undefined): number | undefined {
  const alternate = cause?.result.alternateHandle;
  return alternate === undefined ? undefined : cause?.node.next.get(alternate);
}

function continueFrom(
  compiled: CompiledGraph,
  state: RunState,
  start: number,
): MaybePromise<SuggestedOutcome | undefined> {
  return thenMaybe(walk(compiled, state, start), (stop) => {
    if (isEscalation(stop)) {
      // Another doubt further on: settle it the same way. The graph is acyclic, so this ends.
      const next = alternateTarget(escalationCause(state, stop));
      return next === undefined ? undefined : continueFrom(compiled, state, next);
    }
    return stop.kind === "terminal" && stop.result.terminal
      ? terminalOutcome(stop.node, stop.result.terminal)
      : undefined;
  });
}

/**
 * What the graph would have done had the doubt that escalated been settled
 * by the deciding node's best guess (the classifier's top label, the rule
 * ignored, the best knowledge-base entry taken): the walk continues from that
 * node's alternate handle, with writes suppressed. Undefined when no
 * alternate exists or the what-if run ends without a route/resolve/end.
 */
export function suggestOutcome(
  compiled: CompiledGraph,
  state: RunState,
  cause: EscalationCause | undefined,
): MaybePromise<SuggestedOutcome | undefined> {
  const start = alternateTarget(cause);
  if (start === undefined) return undefined;
  const whatIf = new RunState(
    compiled,
    state.item,
    whatIfPorts(state.ports),
    false,
    `${state.runKey}:suggested`,
    state.thresholdOverrides,
    {
      ...state.nodes,
    },
  );
  whatIf.item = state.item;
  whatIf.continueFrom(state);
  return continueFrom(compiled, whatIf, start);
}
