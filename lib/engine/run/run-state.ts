import type { CompiledGraph, CompiledNode } from "../compile/compile-graph";
import type { RunContext, StepResult } from "../node-definition";
import type { Ports } from "../ports";
import type { TraceStep } from "./outcome";

export interface RunInput {
  ports: Ports;
  /** nodeId → threshold, replacing the graph's for this run (admins tune without publishing). */
  thresholdOverrides?: Readonly<Record<string, number>>;
  /** Record the trace (default true). Off, the run records only what the outcome needs. */
  trace?: boolean;
  /** Identifies the run for idempotency keys; defaults to the item id. */
  runKey?: string;
  /**
   * The item has waited longer than its connector's retry_later bound: a connector that is still down
   * takes its `unavailable` handle (escalating when unconnected) instead of parking the item again.
   */
  retryLaterExpired?: boolean;
}

/** The mutable state of one run; node executors see it through the read-only RunContext. */
export class RunState implements RunContext {
  item: Readonly<Record<string, unknown>>;
  readonly nodes: Record<string, unknown>;
  readonly tracing: boolean;
  readonly runKey: string;
  readonly itemId: string;
  readonly thresholdOverrides: Readonly<Record<string, number>> | undefined;
  retryLaterExpired = false;
  /**
   * Nodes visited and what each decided, in order, kept even without a trace
   * (escalations explain themselves from it): node, result, node, result…
   * in one array, one allocation fewer per run than two.
   */
  private readonly trail: Array<CompiledNode | StepResult> = [];
  readonly steps: TraceStep[] | undefined;
  startedAt = 0;
  startMonotonic = 0;
  private lastText: string | undefined;
  private lastLower = "";

  constructor(
    readonly compiled: CompiledGraph,
    item: unknown,
    readonly ports: Ports,
    tracing: boolean,
    runKey: string | undefined,
    thresholdOverrides: Readonly<Record<string, number>> | undefined,
    nodes: Record<string, unknown> = {},
  ) {
    // Kept as given: the trigger admits or refuses it, and says why.
    this.item = item as Record<string, unknown>;
    const rawId =
      typeof item === "object" && item !== null ? this.item[compiled.itemShape.idField] : undefined;
    this.itemId = typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : "";
    this.runKey = runKey ?? this.itemId;
    this.tracing = tracing;
    this.thresholdOverrides = thresholdOverrides;
    this.nodes = nodes;
    this.steps = tracing ? [] : undefined;
  }

  record(node: CompiledNode, result: StepResult): void {
    this.trail.push(node, result);
  }

  get stepCount(): number {
    return this.trail.length / 2;
  }

  nodeAt(index: number): CompiledNode | undefined {
    return this.trail[index * 2] as CompiledNode | undefined;
  }

  resultAt(index: number): StepResult | undefined {
    return this.trail[index * 2 + 1] as StepResult | undefined;
  }

  /** Carries another run's trail over (a what-if run continues where the real one stopped). */
  continueFrom(other: RunState): void {
    this.trail.push(...other.trail);
  }

  lowercase(text: string): string {
    if (text !== this.lastText) {
      this.lastText = text;
      this.lastLower = text.toLowerCase();
    }
    return this.lastLower;
  }
}
