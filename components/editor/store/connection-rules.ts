import type { EditorEdge, EditorNode } from "./graph-types";
import { handlesOf, isTerminalType, isTriggerType } from "./node-handles";

export interface ProposedConnection {
  source: string;
  sourceHandle: string | null | undefined;
  target: string;
}

/** True when `to` can already be reached from `from` along the edges. */
export function reaches(edges: readonly EditorEdge[], from: string, to: string): boolean {
  if (from === to) return true;
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const seen = new Set<string>([from]);
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const t of next.get(id) ?? []) {
      if (t === to) return true;
      if (!seen.has(t)) {
        seen.add(t);
        stack.push(t);
      }
    }
  }
  return false;
}

/**
 * Why a connection may not be drawn, in plain words, or null when it may. The same rules the engine's
 * validation enforces, checked while the user drags so an invalid edge never appears.
 */
export function connectionProblem(
  nodes: readonly EditorNode[],
  edges: readonly EditorEdge[],
  c: ProposedConnection,
): string | null {
  const source = nodes.find((n) => n.id === c.source);
  const target = nodes.find((n) => n.id === c.target);
  if (!source || !target) return "Both ends must be nodes.";
  if (source.id === target.id) return "A node cannot lead into itself.";
  if (isTriggerType(target.type)) return "Items only enter at the trigger: nothing can lead into it.";
  if (isTerminalType(source.type)) return "This node ends the run: it has no outputs.";
  if (!c.sourceHandle) return "Start the connection from one of the node's named outputs.";
  const handles = handlesOf(source.type, source.data.config);
  const handle = handles?.find((h) => h.id === c.sourceHandle);
  if (handles && !handle) return `This node has no "${c.sourceHandle}" output.`;
  if (handle?.neverTaken) return `The "${handle.id}" output is never taken: ${handle.neverTaken}.`;
  if (edges.some((e) => e.source === c.source && e.sourceHandle === c.sourceHandle)) {
    return `The "${c.sourceHandle}" output is already connected; delete that edge first.`;
  }
  if (reaches(edges, target.id, source.id))
    return "That would make a loop: every path must end at an outcome.";
  return null;
}

export function edgeIdFor(
  edges: readonly EditorEdge[],
  c: { source: string; sourceHandle: string; target: string },
): string {
  const base = `${c.source}-${c.sourceHandle}-${c.target}`.slice(0, 120);
  const taken = new Set(edges.map((e) => e.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
