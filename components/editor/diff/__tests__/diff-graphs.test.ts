import { describe, expect, it } from "vitest";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import { smallGraph } from "../../store/__tests__/fixtures";
import { diffGraphs, mergeForCompare } from "../diff-graphs";
import { describeChange, diffValues } from "../diff-values";

describe("diffGraphs", () => {
  /*
   * before: trigger ─► classify ─► route_billing | route_tech | escalate
   * after:  route_tech removed, route_shipping added, classify's labels and threshold changed,
   *         route_billing moved only
   */
  function edited(): Graph {
    const g = smallGraph();
    const classify = g.nodes.find((n) => n.id === "classify")!;
    classify.config = { ...classify.config, labels: ["billing", "shipping"], threshold: 0.8 };
    g.nodes = g.nodes.filter((n) => n.id !== "route_tech");
    g.nodes.find((n) => n.id === "route_billing")!.position = { x: 999, y: 0 };
    g.nodes.push({
      id: "route_shipping",
      type: "route",
      position: { x: 600, y: 150 },
      config: { team: "logistics" },
    });
    g.edges = g.edges.filter((e) => e.id !== "e3");
    g.edges.push({ id: "e5", source: "classify", sourceHandle: "shipping", target: "route_shipping" });
    return g;
  }

  it("finds added, removed and changed nodes, and ignores moves", () => {
    const diff = diffGraphs(smallGraph(), edited());
    const status = Object.fromEntries(diff.nodes.map((n) => [n.nodeId, n.status]));
    expect(status).toEqual({
      trigger: "unchanged",
      classify: "changed",
      route_billing: "unchanged",
      escalate: "unchanged",
      route_shipping: "added",
      route_tech: "removed",
    });
    expect(diff.nodes.find((n) => n.nodeId === "route_billing")?.moved).toBe(true);
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1, edgesAdded: 1, edgesRemoved: 1 });
  });

  it("lists config changes in plain words", () => {
    const diff = diffGraphs(smallGraph(), edited());
    const changes = diff.nodes.find((n) => n.nodeId === "classify")!.changes.map(describeChange);
    expect(changes).toEqual([
      'config.labels: removed "technical"',
      'config.labels: added "shipping"',
      "config.threshold: 0.7 → 0.8",
    ]);
  });

  it("matches edges by where they go, not by id", () => {
    const after = smallGraph();
    after.edges = after.edges.map((e) => ({ ...e, id: `renamed-${e.id}` }));
    expect(diffGraphs(smallGraph(), after).counts).toEqual({
      added: 0,
      removed: 0,
      changed: 0,
      edgesAdded: 0,
      edgesRemoved: 0,
    });
  });

  it("merges both versions into one graph to draw, with removed parts kept", () => {
    const before = smallGraph();
    const after = edited();
    const merged = mergeForCompare(before, after, diffGraphs(before, after));
    expect(merged.graph.nodes.map((n) => n.id)).toContain("route_tech");
    expect(merged.byNode.get("route_tech")).toBe("removed");
    expect([...merged.byEdge.entries()].filter(([, s]) => s === "removed").map(([id]) => id)).toEqual([
      "was:classify-technical-route_tech",
    ]);
  });
});

describe("diffValues", () => {
  it("walks objects and lists of objects by position", () => {
    const changes = diffValues(
      { rules: [{ id: "a", words: ["x"] }] },
      { rules: [{ id: "a", words: ["x", "y"] }, { id: "b" }] },
      "config",
    );
    expect(changes.map(describeChange)).toEqual([
      'config.rules[0].words: added "y"',
      'config.rules[1]: added {"id":"b"}',
    ]);
  });
  it("reports a reorder of the same members", () => {
    expect(diffValues(["a", "b"], ["b", "a"], "levels").map(describeChange)).toEqual([
      'levels: ["a","b"] → ["b","a"]',
    ]);
  });
});
