import { describe, expect, it } from "vitest";
import { edge, graph, node, triggerNode } from "../../../engine/testing/graph-fixtures";
import type { ConnectorCatalog, ConnectorCatalogEntry } from "../../../engine/validate/connector-catalog";
import { validateGraph } from "../../../engine/validate/validate-graph";
import { nodeRegistry } from "../../registry";

// trigger ─► crm (connector) ──ok──► done (end)
//                              ├─unavailable (unconnected: escalates)
//                              └─error──► done
function graphCalling(operation: string, kind: "read" | "write") {
  return graph(
    [
      triggerNode(),
      node("crm", "connector", { connectorId: "crm", operation, kind, input: {}, onUnavailable: "escalate" }),
      node("done", "end"),
    ],
    [edge("trigger", "out", "crm"), edge("crm", "ok", "done"), edge("crm", "error", "done")],
  );
}

const crm = (overrides: Partial<ConnectorCatalogEntry> = {}): ConnectorCatalog =>
  new Map([
    [
      "crm",
      {
        name: "CRM",
        profileComplete: true,
        missing: [],
        profilePath: "/admin/connectors/crm",
        operations: [
          { name: "get_customer", kind: "read" },
          { name: "add_note", kind: "write" },
        ],
        ...overrides,
      },
    ],
  ]);

const codes = (g: unknown, connectors?: ConnectorCatalog) =>
  validateGraph(g, nodeRegistry, { connectors }).errors.map((e) => e.code);

describe("connector references, checked against the connectors that exist", () => {
  it("accepts a complete connector with the operation and kind the node uses", () => {
    expect(codes(graphCalling("get_customer", "read"), crm())).toEqual([]);
  });

  it("is unchecked when no catalog is given (CLI, browser)", () => {
    expect(codes(graphCalling("nope", "write"))).toEqual([]);
  });

  it("names an incomplete integration profile, what is missing and where to complete it", () => {
    const result = validateGraph(graphCalling("get_customer", "read"), nodeRegistry, {
      connectors: crm({ profileComplete: false, missing: ["rate limit", "what to do when it is down"] }),
    });
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ nodeId: "crm", code: "incomplete_integration_profile" });
    expect(result.errors[0]!.message).toContain("rate limit; what to do when it is down");
    expect(result.errors[0]!.message).toContain("/admin/connectors/crm");
  });

  it("refuses an unknown connector, an unknown operation and a read of a write", () => {
    expect(codes(graphCalling("get_customer", "read"), new Map())).toEqual(["unknown_connector"]);
    expect(codes(graphCalling("delete_everything", "read"), crm())).toEqual(["unknown_operation"]);
    expect(codes(graphCalling("add_note", "read"), crm())).toEqual(["operation_kind_mismatch"]);
  });
});
