import { describe, expect, it } from "vitest";
import { validateGraph } from "@/lib/engine/validate/validate-graph";
import { largeGraph } from "@/e2e/fixtures/large-graph";
import { layoutLeftToRight } from "../auto-layout";

describe("layoutLeftToRight", () => {
  it("puts each node to the right of the nodes that lead to it", () => {
    const nodes = ["a", "b", "c"].map((id) => ({ id, width: 200, height: 80 }));
    const positions = layoutLeftToRight(nodes, [
      { source: "a", target: "b" },
      { source: "b", target: "c" },
    ]);
    expect(positions.get("a")!.x).toBeLessThan(positions.get("b")!.x);
    expect(positions.get("b")!.x).toBeLessThan(positions.get("c")!.x);
  });

  it("lays out the 500-node fixture, which is a valid graph", () => {
    const graph = largeGraph();
    expect(graph.nodes).toHaveLength(500);
    expect(graph.edges).toHaveLength(600);
    expect(validateGraph(graph).errors).toEqual([]);
    const positions = layoutLeftToRight(
      graph.nodes.map((n) => ({ id: n.id, width: 240, height: 90 })),
      graph.edges,
    );
    expect(positions.size).toBe(500);
  });
});
