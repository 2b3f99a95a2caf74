import { describe, expect, it } from "vitest";
import type { GraphInput } from "../../graph/graph-schema";
import { edge, graph, node, triggerNode } from "../../testing/graph-fixtures";
import { validateGraph } from "../validate-graph";

const codes = (g: unknown) => validateGraph(g).errors.map((e) => e.code);
const rule = (id: string) => node(id, "rule", { rules: [{ kind: "keywords", id: "k", words: ["x"] }] });

// trigger ─► screen ──matched──► person
//              └──no_match──► done
function valid(): GraphInput {
  return graph(
    [triggerNode(), rule("screen"), node("person", "escalate"), node("done", "end")],
    [
      edge("trigger", "out", "screen"),
      edge("screen", "matched", "person"),
      edge("screen", "no_match", "done"),
    ],
  );
}

describe("validateGraph", () => {
  it("accepts a valid graph", () => {
    expect(validateGraph(valid())).toEqual({ ok: true, errors: [] });
  });

  it("reports schema errors with the node they belong to", () => {
    const g = valid();
    g.nodes[1] = { ...g.nodes[1]!, id: "bad id!" };
    const result = validateGraph(g);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatchObject({ code: "schema", nodeId: "bad id!" });
    expect(result.errors[0]?.message).toMatch(/^nodes\[1\]\.id: use letters, digits and _/);
    expect(codes({ schemaVersion: 2, nodes: [], edges: [] })).toEqual(["schema"]);
    expect(codes("not a graph")).toEqual(["schema"]);
  });

  it("reports duplicate node and edge ids", () => {
    const g = valid();
    g.nodes.push(node("done", "end"));
    g.edges.push({ ...g.edges[0]! });
    expect(codes(g)).toEqual(expect.arrayContaining(["duplicate_node_id", "duplicate_edge_id"]));
  });

  it("needs exactly one trigger", () => {
    expect(codes(graph([node("done", "end")], []))).toContain("missing_trigger");
    const two = valid();
    two.nodes.push(triggerNode("trigger2"));
    two.edges.push(edge("trigger2", "out", "done"));
    expect(codes(two)).toContain("multiple_triggers");
  });

  it("reports edges to missing nodes and missing handles, in plain words", () => {
    const g = valid();
    g.edges.push(edge("ghost", "out", "done"), edge("screen", "maybe", "done"));
    g.edges[2] = { ...g.edges[2]!, target: "nowhere" };
    const result = validateGraph(g);
    expect(result.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(["edge_unknown_source", "edge_unknown_target", "edge_unknown_handle"]),
    );
    expect(result.errors.find((e) => e.code === "edge_unknown_handle")?.message).toBe(
      'Edge "screen:maybe->done" leaves Node "screen" (rule) through "maybe", which it does not have (it has: matched, no_match).',
    );
  });

  it("allows one edge per output handle", () => {
    const g = valid();
    g.edges.push({ id: "second", source: "screen", sourceHandle: "matched", target: "done" });
    expect(codes(g)).toEqual(["edge_duplicate_handle"]);
  });

  it("refuses edges into the trigger and out of terminals", () => {
    const g = valid();
    g.edges.push(
      { id: "into", source: "screen", sourceHandle: "no_match", target: "trigger" },
      { id: "out", source: "done", sourceHandle: "x", target: "person" },
    );
    expect(codes(g)).toEqual(expect.arrayContaining(["edge_into_trigger", "edge_from_terminal"]));
  });

  it("refuses loops and names the nodes on them", () => {
    // trigger ─► a ─no_match─► b ─no_match─► a   (matched ─► done)
    const g = graph(
      [triggerNode(), rule("a"), rule("b"), node("done", "end")],
      [
        edge("trigger", "out", "a"),
        edge("a", "no_match", "b"),
        edge("b", "no_match", "a"),
        edge("a", "matched", "done"),
        edge("b", "matched", "done"),
      ],
    );
    const result = validateGraph(g);
    const cycle = result.errors.find((e) => e.code === "cycle");
    expect(cycle?.message).toMatch(/Nodes loop back on themselves \((a → b → a|b → a → b)\)/);
  });

  it("reports unreachable nodes and unconnected outputs", () => {
    const g = valid();
    g.nodes.push(node("island", "end"));
    g.edges = g.edges.filter((e) => e.sourceHandle !== "no_match");
    const result = validateGraph(g);
    expect(result.errors.map((e) => [e.code, e.nodeId])).toEqual(
      expect.arrayContaining([
        ["unreachable", "done"],
        ["unreachable", "island"],
        ["unconnected_handle", "screen"],
      ]),
    );
    expect(result.errors.find((e) => e.code === "unconnected_handle")?.message).toBe(
      'Node "screen" (rule): the "no_match" output leads nowhere; connect it to a node or mark it escalate-if-taken.',
    );
  });

  it("accepts an unconnected output marked escalate-if-taken, and refuses marking a handle that does not exist", () => {
    const g = valid();
    g.edges = g.edges.filter((e) => e.sourceHandle !== "matched");
    g.nodes = g.nodes.filter((n) => n.id !== "person");
    g.nodes[1] = { ...g.nodes[1]!, escalateUnconnected: ["matched"] };
    expect(validateGraph(g).ok).toBe(true);
    g.nodes[1] = { ...g.nodes[1]!, escalateUnconnected: ["matched", "sometimes"] };
    expect(codes(g)).toEqual(["unknown_escalate_handle"]);
  });

  it("reports unknown types and invalid configs prefixed with the node", () => {
    const g = valid();
    g.nodes.push(node("mystery", "teleport"));
    g.nodes[1] = node("screen", "rule", { rules: [] });
    const result = validateGraph(g);
    expect(result.errors.find((e) => e.code === "unknown_node_type")?.message).toMatch(
      /^Node "mystery" \(teleport\): unknown node type; use one of trigger, condition/,
    );
    expect(result.errors.find((e) => e.code === "invalid_config")?.message).toMatch(
      /^Node "screen" \(rule\): rules: Too small/,
    );
  });

  it("checks that a classifier's thresholds and labels make sense", () => {
    const g = graph(
      [
        triggerNode(),
        node("c", "classify", {
          labels: ["a", "a", "low_confidence"],
          model: { kind: "keyword", keywords: {} },
          threshold: 1.5,
        }),
      ],
      [edge("trigger", "out", "c")],
    );
    const text = validateGraph(g)
      .errors.map((e) => e.message)
      .join("\n");
    expect(text).toMatch(/labels\[1\]: "a" is listed twice/);
    expect(text).toMatch(/"low_confidence" is reserved/);
    expect(text).toMatch(/threshold: Too big/);
  });
});
