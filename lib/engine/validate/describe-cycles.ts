/**
 * Turns the nodes Kahn's algorithm could not order into the loops a person
 * must break: walk backwards through unordered predecessors until a node
 * repeats (every unordered node has one), which closes a loop. Iterative.
 */
export function describeCycles(
  cyclic: readonly number[],
  predecessors: ReadonlyArray<readonly number[]>,
  limit = 20,
): number[][] {
  const inCycleSet = new Uint8Array(predecessors.length);
  for (const i of cyclic) inCycleSet[i] = 1;
  const reported = new Uint8Array(predecessors.length);
  const loops: number[][] = [];
  for (const start of cyclic) {
    if (loops.length >= limit) break;
    if (reported[start] === 1) continue;
    const position = new Map<number, number>();
    const walk: number[] = [];
    let node = start;
    while (!position.has(node) && reported[node] === 0) {
      position.set(node, walk.length);
      walk.push(node);
      const previous = predecessors[node]!.find((p) => inCycleSet[p] === 1);
      if (previous === undefined) break; // cannot happen for a Kahn leftover; stop rather than spin
      node = previous;
    }
    for (const n of walk) reported[n] = 1;
    const at = position.get(node);
    if (at === undefined) continue; // ran into a loop already reported
    loops.push(walk.slice(at).reverse());
  }
  return loops;
}
