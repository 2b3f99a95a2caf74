import { TRPCError } from "@trpc/server";
import { compileGraph, GraphValidationError } from "@/lib/engine/compile/compile-graph";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import { backtestPorts } from "@/lib/engine/modes/backtest-ports";
import { routeModels } from "@/lib/engine/models/route-models";
import type { Outcome, Trace } from "@/lib/engine/run/outcome";
import { runItem } from "@/lib/engine/run/run-item";
import type { Db } from "../../db/client";
import { loadWorkflow } from "./load";

export interface TryItemInput {
  workflowId: string;
  /** The editor's current draft, saved or not. */
  graph: Graph;
  item: Record<string, unknown>;
  thresholdOverrides?: Record<string, number>;
  /** What connector reads answer (a test case's recorded reads); reads with none answer `unavailable`. */
  recordedReads?: TestCase["recordedReads"];
}

export interface TryItemResult {
  outcome: Outcome;
  trace: Trace | undefined;
}

/**
 * Runs one item through a graph in backtest mode: the simulated clock, recorded reads, writes recorded and
 * never sent, escalations recorded instead of queued. Models are routed by kind on the server, so model kinds
 * that only the server can run work here too.
 */
export async function tryItemOnGraph(input: Omit<TryItemInput, "workflowId">): Promise<TryItemResult> {
  let compiled;
  try {
    compiled = compileGraph(input.graph);
  } catch (error) {
    if (!(error instanceof GraphValidationError)) throw error;
    const first = error.errors[0]?.message ?? "see the problems panel";
    const more =
      error.errors.length > 1
        ? ` (and ${error.errors.length - 1} more problem${error.errors.length > 2 ? "s" : ""})`
        : "";
    throw new TRPCError({ code: "BAD_REQUEST", message: `The draft cannot run yet: ${first}${more}` });
  }
  const ports = backtestPorts({
    models: routeModels(),
    recordedReads: input.recordedReads ?? {},
    timer: () => performance.now(),
  });
  const { outcome, trace } = await runItem(compiled, input.item, {
    ports,
    trace: true,
    thresholdOverrides: input.thresholdOverrides,
    runKey: "try",
  });
  return { outcome, trace };
}

export async function tryItem(db: Db, input: TryItemInput): Promise<TryItemResult> {
  await loadWorkflow(db, input.workflowId);
  return tryItemOnGraph(input);
}
