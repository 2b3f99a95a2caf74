import { describe, expect, it } from "vitest";
import type { GraphFragment } from "../graph-types";
import { pasteFragment } from "../paste";
import { toEditorNode } from "../graph-convert";

const node = (id: string, type: string, config: Record<string, unknown>) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  config,
});

/*
 * fragment:  classify ──► check (condition over nodes.classify and nodes.lookup)
 *            lookup (connector; input maps nodes.classify)
 * document:  already has classify and lookup, plus "outside" (not pasted)
 */
const fragment: GraphFragment = {
  kind: "switchboard/fragment",
  version: 1,
  nodes: [
    node("classify", "classify", { labels: [] }),
    node("lookup", "connector", {
      connectorId: "crm",
      operation: "get_customer",
      kind: "read",
      input: { topic: "nodes.classify.label", note: '"nodes.classify"', other: "nodes.outside.x" },
      onUnavailable: "escalate",
    }),
    node("check", "condition", {
      expression: 'nodes.classify.label == "billing" && nodes.lookup.status == "ok" && nodes.classifyx.y',
    }),
  ],
  edges: [{ id: "e1", source: "classify", sourceHandle: "billing", target: "check" }],
};
const doc = {
  nodes: ["classify", "lookup", "outside"].map((id) => toEditorNode(node(id, "route", { team: "t" }))),
  edges: [],
};

describe("pasting rewrites the pasted nodes' references", () => {
  const { doc: after, ids } = pasteFragment(doc, fragment);
  const pasted = (id: string) => after.nodes.find((n) => n.id === id)!.data.config;

  it("points expressions at the renamed copies, leaving other nodes and literals alone", () => {
    expect(ids).toEqual(["classify_2", "lookup_2", "check"]);
    expect(pasted("check")).toEqual({
      expression: 'nodes.classify_2.label == "billing" && nodes.lookup_2.status == "ok" && nodes.classifyx.y',
    });
    expect((pasted("lookup_2") as { input: unknown }).input).toEqual({
      topic: "nodes.classify_2.label",
      note: '"nodes.classify"',
      other: "nodes.outside.x",
    });
  });

  it("keeps a config as copied when nothing in it is renamed", () => {
    const { doc: clean } = pasteFragment({ nodes: [], edges: [] }, fragment);
    expect(clean.nodes.map((n) => n.data.config)).toEqual(fragment.nodes.map((n) => n.config));
  });

  it("leaves a config its node type rejects untouched", () => {
    const broken: GraphFragment = { ...fragment, nodes: [node("check", "condition", { expression: 1 })] };
    const { doc: out } = pasteFragment(
      { nodes: [toEditorNode(node("check", "route", {}))], edges: [] },
      broken,
    );
    expect(out.nodes.at(-1)!.data.config).toEqual({ expression: 1 });
  });
});
