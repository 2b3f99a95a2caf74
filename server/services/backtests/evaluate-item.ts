import type { CompiledGraph, CompiledNode } from "@/lib/engine/compile/compile-graph";
import type { Ports } from "@/lib/engine/ports";
import type { RunResult, TraceStep } from "@/lib/engine/run/outcome";
import { executeItem } from "@/lib/engine/run/run-item";
import { isThenable } from "@/lib/engine/run/maybe-promise";
import { encodeOutcomeKey, matchedEntry, outcomeKey } from "./outcome-key";
import { ESCALATED, type CompactStep, type OutcomeKey, type StoredTrace, type SweepPoint } from "./types";

/** The handle a thresholded node takes below its threshold (classify and assess label handles are the rest). */
const BELOW_HANDLE: Record<string, string> = {
  classify: "low_confidence",
  assess: "low_confidence",
  match: "no_match",
};

export interface ItemEvaluation {
  result: RunResult;
  key: OutcomeKey;
  steps: TraceStep[];
  sweep: SweepPoint[];
}

function run(
  compiled: CompiledGraph,
  item: unknown,
  ports: Ports,
  trace: boolean,
  runKey: string,
  overrides?: Readonly<Record<string, number>>,
) {
  const answer = executeItem(compiled, item, { ports, trace, runKey, thresholdOverrides: overrides });
  return answer;
}

/**
 * Runs one item and, for every thresholded node it passed, what the other side of that node's threshold
 * would have given (the same item again with that node's threshold at 0 or 1, every other setting as it
 * was). A below-threshold handle that escalates needs no second run: it is an escalation for confidence.
 */
export class ItemEvaluator {
  private readonly pinned = new Map<
    string,
    { above: Record<string, number>; below: Record<string, number> }
  >();

  constructor(
    private readonly compiled: CompiledGraph,
    private readonly ports: Ports,
    private readonly overrides: Readonly<Record<string, number>> | undefined,
    private readonly withSweep: boolean,
  ) {}

  /** The same override object every time, so the engine checks it once. */
  private pinnedOverrides(nodeId: string, above: boolean): Record<string, number> {
    let pair = this.pinned.get(nodeId);
    if (!pair) {
      pair = { above: { ...this.overrides, [nodeId]: 0 }, below: { ...this.overrides, [nodeId]: 1 } };
      this.pinned.set(nodeId, pair);
    }
    return above ? pair.above : pair.below;
  }

  /**
   * The outcome a node's handle leads to when that needs no run: an unconnected escalate-if-taken handle, or
   * a route, resolve or end node right behind it. Undefined when something more would run.
   */
  private outcomeAt(node: CompiledNode, handle: string, entry: string | undefined): OutcomeKey | undefined {
    const next = node.next.get(handle);
    if (next === undefined) {
      return node.escalates.has(handle)
        ? {
            predicted: ESCALATED,
            kind: "escalated",
            reasonType: node.handles.get(handle)?.escalateAs ?? "manual",
          }
        : undefined;
    }
    const target = this.compiled.graph.nodes[next];
    const config = (target?.config ?? {}) as { team?: unknown; resolution?: unknown; note?: unknown };
    switch (target?.type) {
      case "route":
        return typeof config.team === "string" ? { predicted: config.team, kind: "auto" } : undefined;
      case "resolve":
        return {
          predicted: entry ?? (typeof config.resolution === "string" ? config.resolution : "resolved"),
          kind: "auto",
        };
      case "end":
        return { predicted: typeof config.note === "string" ? config.note : target.id, kind: "auto" };
      default:
        return undefined;
    }
  }

  async evaluate(item: unknown, runKey: string): Promise<ItemEvaluation> {
    let result = run(this.compiled, item, this.ports, true, runKey, this.overrides);
    if (isThenable(result)) result = await result;
    const steps = result.trace?.steps ?? [];
    const key = outcomeKey(result.outcome, matchedEntry(result.trace));
    const sweep: SweepPoint[] = [];
    if (this.withSweep) {
      for (const step of steps) {
        if (typeof step.confidence !== "number" || !step.threshold) continue;
        const node = this.compiled.nodes[this.compiled.byId.get(step.nodeId) ?? -1];
        if (!node || !this.compiled.thresholds.has(step.nodeId)) continue;
        const below = BELOW_HANDLE[step.type];
        const above = below ? step.handle !== below : step.confidence >= step.threshold.value;
        let other: string;
        const output = step.output as { entryId?: unknown; label?: unknown } | undefined;
        const noCandidate = step.type === "match" && output?.entryId === undefined;
        const entry =
          step.type === "match" && typeof output?.entryId === "string"
            ? output.entryId
            : matchedEntry(result.trace);
        const otherHandle = below
          ? above
            ? below
            : step.type === "match"
              ? "matched"
              : typeof output?.label === "string"
                ? output.label
                : undefined
          : undefined;
        const direct =
          otherHandle !== undefined && node.handles.has(otherHandle)
            ? this.outcomeAt(node, otherHandle, entry)
            : undefined;
        if (noCandidate) {
          // Nothing in the knowledge base shares a word with it: no threshold makes it match.
          other = encodeOutcomeKey(key);
        } else if (direct) {
          // The other way ends at once (an escalation, or a route / resolve / end whose outcome is fixed).
          other = encodeOutcomeKey(direct);
        } else {
          // Takes the other way at this node: threshold 1 pushes an above item below, 0 lifts a below item above.
          let again = run(
            this.compiled,
            item,
            this.ports,
            false,
            `${runKey}:sweep:${step.nodeId}`,
            this.pinnedOverrides(step.nodeId, !above),
          );
          if (isThenable(again)) again = await again;
          const entry =
            again.outcome.type === "resolve"
              ? matchedEntry(result.trace, step.type === "match" ? step.nodeId : undefined)
              : undefined;
          other = encodeOutcomeKey(outcomeKey(again.outcome, entry));
        }
        sweep.push([step.nodeId, step.confidence, above ? 1 : 0, other]);
      }
    }
    return { result, key, steps, sweep };
  }
}

/** What is kept of a trace for a mismatch or an escalation: the decisions, not the inputs and outputs. */
export function storedTrace(result: RunResult, steps: readonly TraceStep[]): StoredTrace {
  const compact: CompactStep[] = steps.map((s) => ({
    nodeId: s.nodeId,
    type: s.type,
    handle: s.handle,
    ...(s.confidence !== undefined ? { confidence: s.confidence } : {}),
    ...(s.threshold ? { threshold: s.threshold.value } : {}),
    ...(s.detail ? { detail: s.detail.length > 300 ? `${s.detail.slice(0, 297)}…` : s.detail } : {}),
  }));
  const outcome = result.outcome;
  const trace: StoredTrace = { steps: compact };
  if (outcome.type === "escalate") {
    trace.reason = outcome.reason;
    trace.queue = outcome.queue;
    if (outcome.suggested) trace.suggested = outcomeKey(outcome.suggested).predicted;
  } else if (outcome.type === "error") trace.reason = outcome.message;
  else if (outcome.type === "deferred") trace.reason = outcome.reason;
  return trace;
}
