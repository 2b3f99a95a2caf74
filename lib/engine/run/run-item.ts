import type { CompiledGraph } from "../compile/compile-graph";
import type { MaybePromise } from "../ports";
import { finishRun, completeRun } from "./finish-run";
import { isThenable } from "./maybe-promise";
import type { RunResult } from "./outcome";
import { RunState, type RunInput } from "./run-state";
import { walk } from "./walk";

export type { RunInput } from "./run-state";

const checkedOverrides = new WeakMap<object, WeakMap<CompiledGraph, string | null>>();

/** Overrides name nodes that have a threshold and give 0..1; checked once per overrides object. */
function overrideProblem(
  compiled: CompiledGraph,
  overrides: Readonly<Record<string, number>>,
): string | null {
  let byGraph = checkedOverrides.get(overrides);
  const known = byGraph?.get(compiled);
  if (known !== undefined) return known;
  let problem: string | null = null;
  for (const [nodeId, value] of Object.entries(overrides)) {
    if (!compiled.thresholds.has(nodeId))
      problem = `threshold override for "${nodeId}": that node has no threshold`;
    else if (typeof value !== "number" || !(value >= 0 && value <= 1))
      problem = `threshold override for "${nodeId}" must be between 0 and 1`;
    if (problem) break;
  }
  if (!byGraph) checkedOverrides.set(overrides, (byGraph = new WeakMap()));
  byGraph.set(compiled, problem);
  return problem;
}

function anchorClock(compiled: CompiledGraph, state: RunState): void {
  const { clock } = state.ports;
  const field = compiled.itemShape.occurredAtField;
  if (clock.anchor && field !== undefined && typeof state.item === "object" && state.item !== null) {
    const value = state.item[field];
    const ms = typeof value === "string" ? Date.parse(value) : Number.NaN;
    if (Number.isFinite(ms)) clock.anchor(ms);
  }
}

/**
 * Runs one item through a compiled graph. Answers synchronously when every
 * port on the path does, and a Promise only once a port returns one: the hot
 * path of a backtest allocates no Promise at all.
 */
export function executeItem(
  compiled: CompiledGraph,
  item: unknown,
  input: RunInput,
): MaybePromise<RunResult> {
  const tracing = input.trace !== false;
  const state = new RunState(compiled, item, input.ports, tracing, input.runKey, input.thresholdOverrides);
  state.retryLaterExpired = input.retryLaterExpired === true;
  anchorClock(compiled, state);
  if (tracing || input.ports.runStore) {
    state.startedAt = input.ports.clock.now();
    state.startMonotonic = input.ports.clock.monotonic();
  }
  if (input.thresholdOverrides) {
    const problem = overrideProblem(compiled, input.thresholdOverrides);
    if (problem)
      return completeRun(state, { type: "error", code: "invalid_threshold_override", message: problem });
  }
  const stop = walk(compiled, state, compiled.start);
  // walk only ever answers a native Promise, so instanceof is exact (and cheaper than a thenable check).
  return stop instanceof Promise
    ? stop.then((s) => finishRun(compiled, state, s))
    : finishRun(compiled, state, stop);
}

/** executeItem, always as a Promise. */
export async function runItem(compiled: CompiledGraph, item: unknown, input: RunInput): Promise<RunResult> {
  return executeItem(compiled, item, input);
}

export class AsyncPortError extends Error {
  constructor() {
    super("runItemSync: a port answered with a Promise; use runItem with asynchronous ports");
    this.name = "AsyncPortError";
  }
}

/**
 * executeItem for bundles whose ports all answer synchronously (backtests
 * over recorded reads, tests, benchmarks). Throws AsyncPortError otherwise —
 * by then that port call has started, so do not use it with live ports.
 */
export function runItemSync(compiled: CompiledGraph, item: unknown, input: RunInput): RunResult {
  const result = executeItem(compiled, item, input);
  if (result instanceof Promise || isThenable(result)) {
    Promise.resolve(result).then(undefined, () => undefined);
    throw new AsyncPortError();
  }
  return result;
}
