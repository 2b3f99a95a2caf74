import type { CompiledGraph, CompiledNode } from "../compile/compile-graph";
import type { StepResult } from "../node-definition";
import type { MaybePromise } from "../ports";
import type { RunState } from "./run-state";

/** Why a walk stopped, and at which node. */
export type Stop =
  | { kind: "terminal"; node: CompiledNode; result: StepResult }
  | { kind: "escalate_unconnected"; node: CompiledNode; result: StepResult }
  | { kind: "error"; node: CompiledNode; code: string; message: string }
  | { kind: "defer"; node: CompiledNode; reason: string };

function failed(node: CompiledNode, error: unknown): Stop {
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: "error",
    node,
    code: "node_failed",
    message: `${node.id} (${node.type}) failed: ${message}`,
  };
}

/** Records a step and answers the next node's index, or why the walk stops. */
function advance(state: RunState, node: CompiledNode, result: StepResult, started: number): number | Stop {
  if (state.steps) {
    state.steps.push({
      nodeId: node.id,
      type: node.type,
      name: node.name,
      inputs: result.inputs,
      output: result.output,
      confidence: result.confidence,
      threshold: result.threshold,
      handle: result.handle,
      detail: result.detail,
      durationMs: state.ports.clock.monotonic() - started,
    });
  }
  if (result.admittedItem) state.item = result.admittedItem;
  if (result.output !== undefined) state.nodes[node.id] = result.output;
  state.record(node, result);
  if (result.error) return { kind: "error", node, code: result.error.code, message: result.error.message };
  if (result.defer) return { kind: "defer", node, reason: result.defer.reason };
  if (result.terminal) return { kind: "terminal", node, result };
  const next = node.next.get(result.handle);
  if (next !== undefined) return next;
  if (node.escalates.has(result.handle)) return { kind: "escalate_unconnected", node, result };
  return {
    kind: "error",
    node,
    code: "unhandled_handle",
    message: `${node.id} took "${result.handle}", which leads nowhere (the node returned a handle its type does not declare)`,
  };
}

/**
 * Runs nodes from `start` until one stops the walk. Synchronous for as long
 * as every step answers synchronously; the first step that returns a Promise
 * turns the rest of the walk asynchronous.
 */
export function walk(compiled: CompiledGraph, state: RunState, start: number): MaybePromise<Stop> {
  const clock = state.ports.clock;
  let index = start;
  for (;;) {
    const node = compiled.nodes[index]!;
    const started = state.tracing ? clock.monotonic() : 0;
    let answer: MaybePromise<StepResult>;
    try {
      answer = node.step(state);
    } catch (error) {
      return failed(node, error);
    }
    // A result always has a string handle; anything else is a promise (native, or a foreign thenable).
    if (answer instanceof Promise || typeof (answer as StepResult).handle !== "string") {
      return Promise.resolve(answer as Promise<StepResult>).then(
        (result) => {
          const next = advance(state, node, result, started);
          return typeof next === "number" ? walk(compiled, state, next) : next;
        },
        (error: unknown) => failed(node, error),
      );
    }
    const next = advance(state, node, answer, started);
    if (typeof next !== "number") return next;
    index = next;
  }
}
