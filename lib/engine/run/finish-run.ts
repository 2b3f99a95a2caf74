import type { CompiledGraph } from "../compile/compile-graph";
import type { MaybePromise, ReviewTaskReceipt, RunRecord } from "../ports";
import { describeEscalation, escalationCause, isEscalation, terminalOutcome } from "./escalation";
import { thenMaybe } from "./maybe-promise";
import type { Outcome, RunResult } from "./outcome";
import type { RunState } from "./run-state";
import { suggestOutcome } from "./suggest-outcome";
import type { Stop } from "./walk";

/** Builds the result, and hands it to the RunStore port when the bundle has one. */
export function completeRun(
  state: RunState,
  outcome: Outcome,
  reviewTask?: ReviewTaskReceipt,
): MaybePromise<RunResult> {
  const { ports } = state;
  const result: RunResult = { outcome };
  if (state.steps) {
    result.trace = {
      runKey: state.runKey,
      itemId: state.itemId,
      startedAt: state.startedAt,
      steps: state.steps,
      durationMs: ports.clock.monotonic() - state.startMonotonic,
    };
  }
  if (reviewTask) result.reviewTask = { taskId: reviewTask.taskId };
  if (!ports.runStore) return result;
  const record: RunRecord = {
    runKey: state.runKey,
    itemId: state.itemId,
    startedAt: state.startedAt,
    outcome,
  };
  if (result.trace) record.trace = result.trace;
  if (result.reviewTask) record.reviewTask = result.reviewTask;
  return thenMaybe(ports.runStore.record(record), () => result);
}

/** Turns why the walk stopped into the outcome; escalations go through the ReviewQueue port. */
export function finishRun(compiled: CompiledGraph, state: RunState, stop: Stop): MaybePromise<RunResult> {
  if (isEscalation(stop)) {
    const outcome = describeEscalation(compiled, state, stop);
    return thenMaybe(suggestOutcome(compiled, state, escalationCause(state, stop)), (suggested) => {
      if (suggested) outcome.suggested = suggested;
      const task = state.ports.reviewQueue.createTask({
        queue: outcome.queue,
        reasonType: outcome.reasonType,
        reason: outcome.reason,
        itemId: state.itemId,
        item: state.item,
        nodeId: outcome.nodeId,
        suggested,
        context: outcome.context,
        idempotencyKey: `${state.runKey}:${outcome.nodeId}`,
      });
      return thenMaybe(task, (receipt) => completeRun(state, outcome, receipt));
    });
  }
  switch (stop.kind) {
    case "terminal":
      return completeRun(state, terminalOutcome(stop.node, stop.result.terminal!));
    case "defer":
      return completeRun(state, { type: "deferred", nodeId: stop.node.id, reason: stop.reason });
    case "error":
      return completeRun(state, {
        type: "error",
        nodeId: stop.node.id,
        code: stop.code,
        message: stop.message,
      });
    default:
      return completeRun(state, {
        type: "error",
        nodeId: stop.node.id,
        code: "unhandled_stop",
        message: "the run stopped for no known reason",
      });
  }
}
