/** Breadth-first from `start`; 1 marks a reachable node. Iterative. */
export function findReachable(start: number, successors: ReadonlyArray<readonly number[]>): Uint8Array {
  const seen = new Uint8Array(successors.length);
  const queue = [start];
  seen[start] = 1;
  for (let head = 0; head < queue.length; head++) {
    for (const t of successors[queue[head]!]!) {
      if (seen[t] === 0) {
        seen[t] = 1;
        queue.push(t);
      }
    }
  }
  return seen;
}

/** Answers "does `candidate` run before `node` on some path?", walking backwards once per asking node. */
export function createUpstreamQuery(
  predecessors: ReadonlyArray<readonly number[]>,
): (node: number, candidate: number) => boolean {
  const cache = new Map<number, Uint8Array>();
  return (node, candidate) => {
    let ancestors = cache.get(node);
    if (!ancestors) {
      ancestors = findReachable(node, predecessors);
      ancestors[node] = 0;
      cache.set(node, ancestors);
    }
    return ancestors[candidate] === 1;
  };
}
