import { createStore, type StoreApi } from "zustand/vanilla";
import type { GraphValidationIssue } from "@/lib/engine/validate/validation-issue";
import type { Outcome, Trace, TraceStep } from "@/lib/engine/run/outcome";
import type { DiffStatus } from "../diff/diff-graphs";

export interface TryResult {
  item: Record<string, unknown>;
  outcome: Outcome;
  trace: Trace | undefined;
  /** The document the run used: a later edit makes the highlight stale. */
  docId: number;
  stepsByNode: ReadonlyMap<string, TraceStep & { order: number }>;
  takenEdges: ReadonlySet<string>;
}

/**
 * What is drawn over the graph without being part of it: validation problems, the path a tried item took,
 * a version comparison. Derived, never saved, never undone.
 */
export interface OverlayState {
  issues: readonly GraphValidationIssue[];
  issuesByNode: ReadonlyMap<string, GraphValidationIssue[]>;
  issuesByEdge: ReadonlyMap<string, GraphValidationIssue[]>;
  validatedDocId: number;
  tryResult: TryResult | null;
  diffByNode: ReadonlyMap<string, DiffStatus> | null;
  diffByEdge: ReadonlyMap<string, DiffStatus> | null;
}

export interface OverlayActions {
  setIssues(issues: readonly GraphValidationIssue[], docId: number): void;
  setTryResult(result: TryResult | null): void;
  setDiff(
    byNode: ReadonlyMap<string, DiffStatus> | null,
    byEdge: ReadonlyMap<string, DiffStatus> | null,
  ): void;
}

export type OverlayStore = StoreApi<OverlayState & OverlayActions>;

function groupBy(
  issues: readonly GraphValidationIssue[],
  key: "nodeId" | "edgeId",
): Map<string, GraphValidationIssue[]> {
  const map = new Map<string, GraphValidationIssue[]>();
  for (const issue of issues) {
    const id = issue[key];
    if (id) map.set(id, [...(map.get(id) ?? []), issue]);
  }
  return map;
}

export function createOverlayStore(): OverlayStore {
  return createStore<OverlayState & OverlayActions>()((set) => ({
    issues: [],
    issuesByNode: new Map(),
    issuesByEdge: new Map(),
    validatedDocId: -1,
    tryResult: null,
    diffByNode: null,
    diffByEdge: null,
    setIssues: (issues, docId) =>
      set({
        issues,
        issuesByNode: groupBy(issues, "nodeId"),
        issuesByEdge: groupBy(issues, "edgeId"),
        validatedDocId: docId,
      }),
    setTryResult: (tryResult) => set({ tryResult }),
    setDiff: (diffByNode, diffByEdge) => set({ diffByNode, diffByEdge }),
  }));
}

/** Which nodes a trace visited, in order, and which edges it went along. */
export function pathOf(
  trace: Trace | undefined,
  edges: readonly { id: string; source: string; sourceHandle: string; target: string }[],
) {
  const stepsByNode = new Map<string, TraceStep & { order: number }>();
  const takenEdges = new Set<string>();
  const steps = trace?.steps ?? [];
  steps.forEach((step, order) => {
    stepsByNode.set(step.nodeId, { ...step, order });
    const next = steps[order + 1];
    if (!next || !step.handle) return;
    const edge = edges.find(
      (e) => e.source === step.nodeId && e.sourceHandle === step.handle && e.target === next.nodeId,
    );
    if (edge) takenEdges.add(edge.id);
  });
  return { stepsByNode, takenEdges };
}
