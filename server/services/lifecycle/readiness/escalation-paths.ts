import type { CompiledGraph } from "@/lib/engine/compile/compile-graph";
import { nodeRegistry, type NodeRegistry } from "@/lib/nodes/registry";

/** The handle a thresholded decision takes when it is not sure enough. */
const UNSURE_HANDLE: Record<string, string> = {
  classify: "low_confidence",
  assess: "low_confidence",
  match: "no_match",
};

export interface DecisionWithoutEscalation {
  nodeId: string;
  name: string;
  /** "no way to a person", or "not sure → no person" for a thresholded node. */
  problem: string;
}

/**
 * Decision nodes from which no item can reach a person: every decision needs some path to an escalation
 * (an escalate node, or an unconnected handle that escalates), and a thresholded one needs it on the side it
 * takes when unsure. Pure.
 */
export function decisionsWithoutEscalation(
  compiled: CompiledGraph,
  registry: NodeRegistry = nodeRegistry,
): { decisions: number; lacking: DecisionWithoutEscalation[] } {
  const isPerson = (index: number) => {
    const node = compiled.nodes[index]!;
    return node.escalates.size > 0 || registry.get(node.type)?.group === "escalation";
  };
  const reachesPerson = (from: number) => {
    const seen = new Set<number>();
    const queue = [from];
    while (queue.length > 0) {
      const index = queue.pop()!;
      if (seen.has(index)) continue;
      seen.add(index);
      if (isPerson(index)) return true;
      queue.push(...compiled.nodes[index]!.next.values());
    }
    return false;
  };
  const lacking: DecisionWithoutEscalation[] = [];
  let decisions = 0;
  for (const node of compiled.nodes) {
    if (registry.get(node.type)?.group !== "decision") continue;
    decisions++;
    const name = node.name || node.id;
    if (!reachesPerson(node.index)) {
      lacking.push({ nodeId: node.id, name, problem: "no way to a person" });
      continue;
    }
    const unsure = UNSURE_HANDLE[node.type];
    if (!unsure || !compiled.thresholds.has(node.id) || !node.handles.has(unsure)) continue;
    const next = node.next.get(unsure);
    const covered = node.escalates.has(unsure) || (next !== undefined && reachesPerson(next));
    if (!covered) lacking.push({ nodeId: node.id, name, problem: "no person when it is not sure" });
  }
  return { decisions, lacking };
}
