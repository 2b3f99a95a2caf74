import { describe, expect, it } from "vitest";
import { describeCycles } from "../describe-cycles";
import { detectCycles } from "../detect-cycles";
import { createUpstreamQuery, findReachable } from "../find-reachable";

function predecessorsOf(successors: number[][]): number[][] {
  const preds: number[][] = successors.map(() => []);
  successors.forEach((targets, from) => targets.forEach((t) => preds[t]!.push(from)));
  return preds;
}

describe("detectCycles", () => {
  it("orders a DAG and finds nothing cyclic", () => {
    // 0 → 1 → 3, 0 → 2 → 3
    expect(detectCycles([[1, 2], [3], [3], []])).toEqual({ order: [0, 1, 2, 3], cyclic: [] });
  });

  it("reports nodes on and behind a loop", () => {
    // 0 → 1 → 2 → 1, 2 → 3
    expect(detectCycles([[1], [2], [1, 3], []]).cyclic).toEqual([1, 2, 3]);
  });

  it("finds a self-loop", () => {
    expect(detectCycles([[0]]).cyclic).toEqual([0]);
  });

  it("handles a 100,000-long chain without recursion", () => {
    const n = 100_000;
    const successors = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []));
    expect(detectCycles(successors).order).toHaveLength(n);
  });
});

describe("describeCycles", () => {
  it("names the loop itself, not the nodes behind it", () => {
    // 0 → 1 → 2 → 1, 2 → 3
    const successors = [[1], [2], [1, 3], []];
    const loops = describeCycles(detectCycles(successors).cyclic, predecessorsOf(successors));
    expect(loops).toHaveLength(1);
    expect([...loops[0]!].sort()).toEqual([1, 2]);
  });

  it("finds two separate loops", () => {
    // 0 → 1 ⇄ 2 ; 0 → 3 ⇄ 4
    const successors = [[1, 3], [2], [1], [4], [3]];
    expect(describeCycles(detectCycles(successors).cyclic, predecessorsOf(successors))).toHaveLength(2);
  });
});

describe("findReachable and upstream", () => {
  // 0 → 1 → 2 ; 3 alone
  const successors = [[1], [2], [], []];
  it("marks what the start reaches", () => {
    expect([...findReachable(0, successors)]).toEqual([1, 1, 1, 0]);
  });
  it("answers whether a node runs before another", () => {
    const upstream = createUpstreamQuery(predecessorsOf(successors));
    expect(upstream(2, 0)).toBe(true);
    expect(upstream(0, 2)).toBe(false);
    expect(upstream(2, 2)).toBe(false);
    expect(upstream(2, 3)).toBe(false);
  });
});
