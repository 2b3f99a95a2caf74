import { describe, expect, it } from "vitest";
import type { GraphInput } from "../../graph/graph-schema";
import { edge, graph, node, triggerNode } from "../../testing/graph-fixtures";
import { validateGraph } from "../validate-graph";
import { compileGraph } from "../../compile/compile-graph";
import { runItemSync } from "../../run/run-item";
import { fakePorts, ticket } from "../../testing/graph-fixtures";

/** trigger ─► c0 ─false─► c1 ─false─► … ─► c(n-1) ─false─► done ; every c ─true─► done */
function chain(length: number): GraphInput {
  const nodes = [triggerNode(), node("done", "end")];
  const edges = [edge("trigger", "out", "c0")];
  for (let i = 0; i < length; i++) {
    nodes.push(node(`c${i}`, "condition", { expression: `item.amount == ${i}` }));
    edges.push(edge(`c${i}`, "true", "done"), edge(`c${i}`, "false", i + 1 < length ? `c${i + 1}` : "done"));
  }
  return graph(nodes, edges);
}

/** trigger ─► r0 … a binary tree of rules, leaves are ends: `count` nodes in all. */
function wideTree(count: number): GraphInput {
  const nodes = [triggerNode()];
  const edges = [edge("trigger", "out", "n1")];
  for (let i = 1; i < count; i++) {
    const left = 2 * i;
    const right = 2 * i + 1;
    if (right < count) {
      nodes.push(node(`n${i}`, "rule", { rules: [{ kind: "keywords", id: "k", words: [`w${i}`] }] }));
      edges.push(edge(`n${i}`, "matched", `n${left}`), edge(`n${i}`, "no_match", `n${right}`));
    } else {
      nodes.push(node(`n${i}`, "end"));
    }
  }
  return graph(nodes, edges);
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

describe("hostile graphs", () => {
  it("validates a 5,000-deep chain without blowing the stack, and runs to its end", () => {
    const g = chain(5_000);
    const { value, ms } = timed(() => validateGraph(g));
    expect(value).toEqual({ ok: true, errors: [] });
    expect(ms).toBeLessThan(10_000);
    const compiled = compileGraph(g);
    const { outcome, trace } = runItemSync(compiled, ticket("x", { amount: 4_999 }), { ports: fakePorts() });
    expect(outcome).toEqual({ type: "end", nodeId: "done" });
    expect(trace?.steps).toHaveLength(5_002);
  });

  it("validates 10,000 nodes quickly", () => {
    const g = wideTree(10_000);
    const { value, ms } = timed(() => validateGraph(g));
    expect(value.ok).toBe(true);
    expect(ms).toBeLessThan(5_000);
  });

  it("reports a 10,000-node loop once, with a readable cap on repeated errors", () => {
    const g = wideTree(10_000);
    // Every leaf points back at the root's child: one giant loop through most of the tree, and 5,000 terminals with edges out.
    g.nodes = g.nodes.map((n) =>
      n.type === "end" ? node(n.id, "rule", { rules: [{ kind: "keywords", id: "k", words: ["x"] }] }) : n,
    );
    const sources = new Set(g.edges.map((e) => e.source));
    for (const n of g.nodes)
      if (n.type === "rule" && !sources.has(n.id))
        g.edges.push(edge(n.id, "matched", "n1"), edge(n.id, "no_match", "n1"));
    const { value, ms } = timed(() => validateGraph(g));
    expect(ms).toBeLessThan(2_000);
    expect(value.ok).toBe(false);
    expect(value.errors.filter((e) => e.code === "cycle").length).toBeGreaterThanOrEqual(1);
    expect(value.errors.length).toBeLessThanOrEqual(60);
  });

  it("reports 10,000 duplicate ids and dangling edges without listing them all", () => {
    const nodes = [triggerNode(), ...Array.from({ length: 10_000 }, () => node("same", "end"))];
    const edges = [
      edge("trigger", "out", "same"),
      ...Array.from({ length: 10_000 }, (_, i) => ({
        id: `e${i}`,
        source: "same",
        sourceHandle: "x",
        target: `missing${i}`,
      })),
    ];
    const { value, ms } = timed(() => validateGraph(graph(nodes, edges)));
    expect(ms).toBeLessThan(5_000);
    const duplicates = value.errors.filter((e) => e.code === "duplicate_node_id" && e.nodeId === "same");
    expect(duplicates).toHaveLength(50);
    expect(
      value.errors.some(
        (e) => e.message === '…and 9949 more "duplicate_node_id" errors like the ones above.',
      ),
    ).toBe(true);
    expect(value.errors.some((e) => e.code === "edge_unknown_target")).toBe(true);
  });

  it("checks 2,000 conditions that each read an upstream node in reasonable time", () => {
    const g = chain(2_000);
    for (const n of g.nodes)
      if (n.type === "condition" && n.id !== "c0") n.config = { expression: "nodes.c0.result == false" };
    const { value, ms } = timed(() => validateGraph(g));
    expect(value.ok).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });
});
