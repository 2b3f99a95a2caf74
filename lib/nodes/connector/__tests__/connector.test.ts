import { describe, expect, it } from "vitest";
import { compileGraph } from "../../../engine/compile/compile-graph";
import type { ConnectorGateway, ConnectorRequest } from "../../../engine/ports";
import { runItem, runItemSync } from "../../../engine/run/run-item";
import { edge, fakePorts, graph, node, ticket, triggerNode } from "../../../engine/testing/graph-fixtures";
import { validateGraph } from "../../../engine/validate/validate-graph";

const config = (onUnavailable: string, kind = "read") => ({
  connectorId: "crm",
  operation: "get_customer",
  kind,
  input: { customer: "item.id", big: "item.amount != null && item.amount > 10" },
  onUnavailable,
});

// trigger ─► crm ──ok──► found (end)
//             ├──unavailable──► fallback (route)   [only when connected]
//             └──error──► broken (end)
function connectorGraph(onUnavailable: string, connectUnavailable: boolean) {
  const nodes = [
    triggerNode(),
    node("crm", "connector", config(onUnavailable)),
    node("found", "end"),
    node("broken", "end"),
  ];
  const edges = [edge("trigger", "out", "crm"), edge("crm", "ok", "found"), edge("crm", "error", "broken")];
  if (connectUnavailable) {
    nodes.push(node("fallback", "route", { team: "manual" }));
    edges.push(edge("crm", "unavailable", "fallback"));
  }
  return graph(nodes, edges);
}

function gatewayAnswering(
  answer: ReturnType<ConnectorGateway["call"]>,
  seen: ConnectorRequest[] = [],
): ConnectorGateway {
  return { call: (request) => (seen.push(request), answer) };
}

describe("connector", () => {
  it("takes ok with the data, calling the gateway with mapped input and an idempotency key", () => {
    const seen: ConnectorRequest[] = [];
    const ports = {
      ...fakePorts(),
      connectors: gatewayAnswering({ status: "ok", data: { plan: "pro" } }, seen),
    };
    const { outcome, trace } = runItemSync(
      compileGraph(connectorGraph("escalate", false)),
      ticket("x", { amount: 12 }),
      { ports },
    );
    expect(outcome).toEqual({ type: "end", nodeId: "found" });
    expect(seen).toEqual([
      {
        connectorId: "crm",
        operation: "get_customer",
        kind: "read",
        input: { customer: "T-1", big: true },
        idempotencyKey: "T-1:crm",
      },
    ]);
    expect(trace?.steps[1]).toMatchObject({ handle: "ok", output: { status: "ok", data: { plan: "pro" } } });
  });

  it("takes error when the system answers with an error, or the gateway throws", async () => {
    const compiled = compileGraph(connectorGraph("escalate", false));
    const answered = runItemSync(compiled, ticket("x"), {
      ports: { ...fakePorts(), connectors: gatewayAnswering({ status: "error", message: "400" }) },
    });
    expect(answered.outcome).toEqual({ type: "end", nodeId: "broken" });
    const throwing: ConnectorGateway = { call: async () => Promise.reject(new Error("socket hang up")) };
    const thrown = await runItem(compiled, ticket("x"), { ports: { ...fakePorts(), connectors: throwing } });
    expect(thrown.outcome).toEqual({ type: "end", nodeId: "broken" });
    expect(thrown.trace?.steps[1]?.output).toEqual({ status: "error", message: "socket hang up" });
  });

  it("onUnavailable escalate: an unconnected unavailable handle hands the item to a person (reason connector)", () => {
    const { outcome } = runItemSync(compileGraph(connectorGraph("escalate", false)), ticket("x"), {
      ports: fakePorts(),
    });
    expect(outcome).toMatchObject({
      type: "escalate",
      nodeId: "crm",
      reasonType: "connector",
      reason: "crm: crm.get_customer is unavailable: no recorded response for crm.get_customer",
    });
  });

  it("onUnavailable fallback: takes the connected unavailable handle", () => {
    const { outcome } = runItemSync(compileGraph(connectorGraph("fallback", true)), ticket("x"), {
      ports: fakePorts(),
    });
    expect(outcome).toEqual({ type: "route", nodeId: "fallback", team: "manual" });
  });

  it("onUnavailable retry_later: the run is deferred", () => {
    const { outcome } = runItemSync(compileGraph(connectorGraph("retry_later", false)), ticket("x"), {
      ports: fakePorts(),
    });
    expect(outcome).toEqual({
      type: "deferred",
      nodeId: "crm",
      reason: "crm.get_customer is unavailable: no recorded response for crm.get_customer",
    });
  });

  it("onUnavailable retry_later past its bound: the item escalates with reason connector", () => {
    const { outcome } = runItemSync(compileGraph(connectorGraph("retry_later", false)), ticket("x"), {
      ports: fakePorts(),
      retryLaterExpired: true,
    });
    expect(outcome).toMatchObject({ type: "escalate", nodeId: "crm", reasonType: "connector" });
  });

  it("validation: fallback needs the unavailable handle connected; retry_later may route it after its bound", () => {
    const codes = (g: ReturnType<typeof connectorGraph>) => validateGraph(g).errors.map((e) => e.code);
    expect(codes(connectorGraph("fallback", false))).toContain("unconnected_handle");
    expect(codes(connectorGraph("retry_later", true))).toEqual([]);
    expect(codes(connectorGraph("retry_later", false))).toEqual([]);
    expect(codes(connectorGraph("escalate", false))).toEqual([]);
  });
});
