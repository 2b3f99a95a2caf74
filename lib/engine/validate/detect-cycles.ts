/**
 * Kahn's algorithm: iterative, linear in nodes + edges, no recursion (a
 * 5,000-deep chain must not blow the stack). Returns a topological order of
 * the acyclic part and the nodes that sit on or behind a cycle.
 */
export function detectCycles(successors: ReadonlyArray<readonly number[]>): {
  order: number[];
  cyclic: number[];
} {
  const n = successors.length;
  const inDegree = new Uint32Array(n);
  for (const targets of successors) for (const t of targets) inDegree[t]! += 1;
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (inDegree[i] === 0) queue.push(i);
  const order: number[] = [];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    order.push(node);
    for (const t of successors[node]!) {
      inDegree[t]! -= 1;
      if (inDegree[t] === 0) queue.push(t);
    }
  }
  const cyclic: number[] = [];
  for (let i = 0; i < n; i++) if (inDegree[i]! > 0) cyclic.push(i);
  return { order, cyclic };
}
