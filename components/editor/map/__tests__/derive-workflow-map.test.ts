import { describe, expect, it } from "vitest";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import type { TestCase } from "@/lib/engine/graph/test-case-schema";
import { smallGraph } from "../../store/__tests__/fixtures";
import { deriveWorkflowMap } from "@/lib/workflow-map/derive-workflow-map";

/*
 * trigger ─► crm (connector) ──ok──► classify ──billing──► route_billing (billing / invoices)
 *              │unavailable (unconnected → person)   ├──technical──► route_tech
 *              │error ─► escalate (queue triage)      └──low_confidence──► escalate
 */
function graphWithConnector(): Graph {
  const g = smallGraph();
  g.settings = { escalationQueue: "ops" };
  g.nodes.push({
    id: "crm",
    type: "connector",
    name: "Look up customer",
    position: { x: 150, y: 0 },
    config: { connectorId: "crm", operation: "get_customer", kind: "read", input: {} },
  });
  g.nodes.find((n) => n.id === "route_billing")!.config = { team: "billing", queue: "invoices" };
  g.edges = g.edges.filter((e) => e.id !== "e1");
  g.edges.push(
    { id: "t-crm", source: "trigger", sourceHandle: "out", target: "crm" },
    { id: "crm-ok", source: "crm", sourceHandle: "ok", target: "classify" },
    { id: "crm-err", source: "crm", sourceHandle: "error", target: "escalate" },
  );
  return g;
}

const cases: TestCase[] = [
  { id: "c1", name: "Plain billing", item: {}, expected: { terminalType: "route", team: "billing" } },
  {
    id: "c2",
    name: "Empty text",
    item: {},
    expected: { terminalType: "escalate", reasonType: "confidence" },
    edgeCase: true,
    notes: "Blank body",
  },
];

describe("deriveWorkflowMap", () => {
  const map = deriveWorkflowMap(graphWithConnector(), cases);

  it("lists the trigger's fields as inputs, with their roles", () => {
    expect(map.inputs?.fields.map((f) => [f.name, f.role])).toEqual([
      ["id", "id"],
      ["text", "text"],
      ["occurred_at", "occurred at"],
    ]);
  });

  it("lists decision points with their thresholds and outcomes", () => {
    expect(map.decisions).toEqual([
      expect.objectContaining({
        nodeId: "classify",
        name: "Topic",
        threshold: 0.7,
        outcomes: ["billing", "technical", "Low confidence"],
      }),
    ]);
  });

  it("lists the systems touched, by connector", () => {
    expect(map.systems).toEqual([
      {
        connectorId: "crm",
        uses: [
          {
            nodeId: "crm",
            name: "Look up customer",
            operation: "get_customer",
            kind: "read",
            onUnavailable: "escalate",
          },
        ],
      },
    ]);
  });

  it("lists outputs, including the unconnected output that hands the item to a person", () => {
    expect(map.outputs.map((o) => [o.nodeId, o.kind, o.detail, o.implicit ?? false])).toEqual([
      ["crm", "escalate", "queue ops (connector)", true],
      ["escalate", "escalate", "queue triage", false],
      ["route_billing", "route", "billing / invoices", false],
      ["route_tech", "route", "tech", false],
    ]);
  });

  it("lists the people: teams and queues, with the nodes that send work to them", () => {
    expect(
      map.people.map((p) => `${p.kind}:${p.name}<-${p.via.map((v) => v.nodeId).join(",")}`).sort(),
    ).toEqual([
      "queue:invoices<-route_billing",
      "queue:ops<-crm",
      "queue:triage<-escalate",
      "team:billing<-route_billing",
      "team:tech<-route_tech",
    ]);
  });

  it("lists the edge cases with their notes", () => {
    expect(map.edgeCases).toEqual([
      { id: "c2", name: "Empty text", notes: "Blank body", expected: "escalate (confidence)" },
    ]);
  });

  it("copes with an empty graph", () => {
    expect(deriveWorkflowMap({ schemaVersion: 1, nodes: [], edges: [] })).toEqual({
      inputs: null,
      outputs: [],
      decisions: [],
      systems: [],
      people: [],
      edgeCases: [],
    });
  });
});
