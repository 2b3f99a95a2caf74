import type { IndexedNode } from "./index-nodes";

/** Indices of the nodes whose type belongs to the trigger palette group. */
export function findTriggers(nodes: readonly IndexedNode[]): number[] {
  const found: number[] = [];
  nodes.forEach((n, i) => {
    if (n.definition?.group === "trigger") found.push(i);
  });
  return found;
}
