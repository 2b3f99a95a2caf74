import { describe, expect, it } from "vitest";
import { validateGraph } from "@/lib/engine/validate/validate-graph";
import { createGraphStore } from "../graph-store";
import { smallGraph } from "./fixtures";

function store(now = { t: 0 }) {
  return { s: createGraphStore(smallGraph(), { now: () => now.t }), now };
}

describe("editor graph store", () => {
  it("round-trips the graph it was given", () => {
    const { s } = store();
    expect(s.getState().toGraph()).toEqual(smallGraph());
    expect(validateGraph(s.getState().toGraph()).ok).toBe(true);
  });

  it("undoes and redoes every kind of edit, including config changes", () => {
    const { s, now } = store();
    const g = () => s.getState();
    const id = g().addNode("route", { x: 10, y: 20 });
    expect(g().nodes.map((n) => n.id)).toContain(id);
    now.t += 5_000;
    g().patchNode("route_billing", { config: { team: "finance" } });
    expect(g().nodes.find((n) => n.id === "route_billing")?.data.config).toEqual({ team: "finance" });

    expect(g().undo()).toBe(true);
    expect(g().nodes.find((n) => n.id === "route_billing")?.data.config).toEqual({ team: "billing" });
    expect(g().undo()).toBe(true);
    expect(g().nodes.map((n) => n.id)).not.toContain(id);
    expect(g().undo()).toBe(false);

    expect(g().redo()).toBe(true);
    expect(g().redo()).toBe(true);
    expect(g().nodes.find((n) => n.id === "route_billing")?.data.config).toEqual({ team: "finance" });
    expect(g().redo()).toBe(false);
  });

  it("merges a burst of typing in one field into one undo step", () => {
    const { s, now } = store();
    const g = () => s.getState();
    for (const team of ["f", "fi", "fin"]) {
      g().patchNode("route_billing", { config: { team } }, "route_billing.team");
      now.t += 200;
    }
    expect(g().past).toHaveLength(1);
    g().undo();
    expect(g().nodes.find((n) => n.id === "route_billing")?.data.config).toEqual({ team: "billing" });
  });

  it("comes back to the saved document id after undoing an edit, so the editor is clean again", () => {
    const { s } = store();
    const saved = s.getState().docId;
    s.getState().patchNode("route_tech", { name: "Tech" });
    expect(s.getState().docId).not.toBe(saved);
    s.getState().undo();
    expect(s.getState().docId).toBe(saved);
  });

  it("removes the edges of an output that disappears when a classifier loses a label, and undo restores them", () => {
    const { s } = store();
    const g = () => s.getState();
    const config = g().nodes.find((n) => n.id === "classify")!.data.config as {
      labels: string[];
      model: { keywords: Record<string, string[]> };
    };
    const result = g().patchNode("classify", {
      config: {
        ...config,
        labels: ["billing"],
        model: { kind: "keyword", keywords: { billing: ["invoice"] } },
      },
    });
    expect(result?.removedEdges.map((e) => e.id)).toEqual(["e3"]);
    expect(g().edges.map((e) => e.id)).toEqual(["e1", "e2", "e4"]);
    g().undo();
    expect(g().edges.map((e) => e.id)).toEqual(["e1", "e2", "e3", "e4"]);
  });

  it("keeps the edge of a label renamed in place", () => {
    const { s } = store();
    const g = () => s.getState();
    const config = g().nodes.find((n) => n.id === "classify")!.data.config;
    const result = g().patchNode("classify", { config: { ...config, labels: ["billing", "tech"] } });
    expect(result?.removedEdges).toEqual([]);
    expect(result?.renamedHandles).toEqual([{ from: "technical", to: "tech" }]);
    expect(g().edges.find((e) => e.id === "e3")?.sourceHandle).toBe("tech");
  });

  it("refuses connections into a trigger, out of a terminal, onto a used output and into a loop", () => {
    const { s } = store();
    const g = () => s.getState();
    expect(g().connect({ source: "classify", sourceHandle: "billing", target: "trigger" })).toMatch(
      /trigger/,
    );
    expect(g().connect({ source: "route_billing", sourceHandle: null, target: "escalate" })).toMatch(
      /ends the run/,
    );
    expect(g().connect({ source: "classify", sourceHandle: "billing", target: "route_tech" })).toMatch(
      /already connected/,
    );
    const cond = g().addNode("condition", { x: 0, y: 0 });
    expect(g().connect({ source: "classify", sourceHandle: "billing", target: cond })).toMatch(
      /already connected/,
    );
    g().select(["e2"]);
    s.setState({ edges: g().edges.map((e) => (e.id === "e2" ? { ...e, selected: true } : e)) });
    g().deleteSelected();
    expect(g().connect({ source: "classify", sourceHandle: "billing", target: cond })).toBeNull();
    expect(g().connect({ source: cond, sourceHandle: "true", target: "classify" })).toMatch(/loop/);
    expect(g().connect({ source: cond, sourceHandle: "true", target: "route_billing" })).toBeNull();
  });

  it("deletes selected nodes with their edges as one undo step", () => {
    const { s } = store();
    const g = () => s.getState();
    g().select(["classify"]);
    expect(g().deleteSelected()).toBe(5);
    expect(g().edges).toHaveLength(0);
    g().undo();
    expect(g().edges).toHaveLength(4);
  });

  it("pastes a copied selection with fresh ids, inner edges remapped and the copy selected", () => {
    const { s } = store();
    const g = () => s.getState();
    g().select(["classify", "route_billing"]);
    const fragment = g().copy()!;
    expect(fragment.nodes.map((n) => n.id)).toEqual(["classify", "route_billing"]);
    expect(fragment.edges.map((e) => e.id)).toEqual(["e2"]);
    const ids = g().paste(fragment);
    expect(ids).toEqual(["classify_2", "route_billing_2"]);
    const pasted = g().nodes.filter((n) => ids.includes(n.id));
    expect(pasted.every((n) => n.selected)).toBe(true);
    expect(pasted[0]!.position).toEqual({ x: 340, y: 40 });
    expect(g().edges.at(-1)).toMatchObject({
      source: "classify_2",
      sourceHandle: "billing",
      target: "route_billing_2",
    });
    expect(g().nodes.filter((n) => n.selected)).toHaveLength(2);
  });

  it("keeps free ids when pasting into another workflow, at the given point", () => {
    const a = createGraphStore(smallGraph());
    a.getState().select(["route_tech"]);
    const fragment = a.getState().copy()!;
    const b = createGraphStore({ schemaVersion: 1, nodes: [], edges: [] });
    expect(b.getState().paste(fragment, { x: 5, y: 6 })).toEqual(["route_tech"]);
    expect(b.getState().nodes[0]!.position).toEqual({ x: 5, y: 6 });
  });

  it("makes a drag one undo step", () => {
    const { s } = store();
    const g = () => s.getState();
    g().beginDrag();
    g().onNodesChange([{ type: "position", id: "trigger", position: { x: 5, y: 5 }, dragging: true }]);
    g().onNodesChange([{ type: "position", id: "trigger", position: { x: 50, y: 50 }, dragging: true }]);
    g().endDrag();
    expect(g().past).toHaveLength(1);
    g().undo();
    expect(g().nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it("changes nothing when read-only", () => {
    const s = createGraphStore(smallGraph(), { readOnly: true });
    expect(s.getState().addNode("end", { x: 0, y: 0 })).toBe("");
    expect(s.getState().connect({ source: "classify", sourceHandle: "billing", target: "escalate" })).toMatch(
      /read-only/,
    );
    expect(s.getState().nodes).toHaveLength(5);
  });
});

describe("reconnect", () => {
  it("points an output elsewhere in one step, refusing loops", () => {
    const s = createGraphStore(smallGraph());
    const g = () => s.getState();
    expect(g().reconnect("classify", "billing", "route_tech")).toBeNull();
    expect(
      g()
        .edges.filter((e) => e.source === "classify" && e.sourceHandle === "billing")
        .map((e) => e.target),
    ).toEqual(["route_tech"]);
    expect(g().reconnect("classify", "billing", "trigger")).toMatch(/trigger/);
    expect(g().reconnect("classify", "billing", null)).toBeNull();
    expect(g().edges.some((e) => e.sourceHandle === "billing")).toBe(false);
    g().undo();
    g().undo();
    expect(g().edges.find((e) => e.sourceHandle === "billing")?.target).toBe("route_billing");
  });
});
