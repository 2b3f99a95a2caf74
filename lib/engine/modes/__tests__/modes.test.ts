import { describe, expect, it } from "vitest";
import { supportTriageGraph, supportTriageTestCases } from "../../../demo/support-triage";
import { compileGraph } from "../../compile/compile-graph";
import type { TestCase } from "../../graph/test-case-schema";
import { keywordModels } from "../../models/keyword-model";
import type { Clock, ConnectorGateway, ConnectorRequest, Ports, ReviewTaskRequest } from "../../ports";
import { runItem } from "../../run/run-item";
import { edge, graph, node, ticket, triggerNode } from "../../testing/graph-fixtures";
import { backtestPorts } from "../backtest-ports";
import { livePorts } from "../live-ports";
import { shadowPorts } from "../shadow-ports";

const realClock: Clock = { now: () => 1_750_000_000_000, monotonic: () => 0 };

/** Stands in for the real systems: answers reads like the recording, and remembers every call it got. */
function fakeSystems(testCase: Pick<TestCase, "recordedReads">) {
  const calls: ConnectorRequest[] = [];
  const tasks: ReviewTaskRequest[] = [];
  const connectors: ConnectorGateway = {
    async call(request) {
      calls.push(request);
      if (request.kind === "write") return { status: "ok", data: { written: true } };
      return (
        testCase.recordedReads?.[`${request.connectorId}.${request.operation}`] ?? {
          status: "unavailable",
          reason: `no recorded response for ${request.connectorId}.${request.operation}`,
        }
      );
    },
  };
  const reviewQueue = {
    createTask: async (task: ReviewTaskRequest) => (tasks.push(task), { taskId: `task-${tasks.length}` }),
  };
  return { connectors, reviewQueue, calls, tasks };
}

function bundles(testCase: Pick<TestCase, "recordedReads">): Record<"live" | "backtest" | "shadow", Ports> {
  const systems = fakeSystems(testCase);
  return {
    live: livePorts({
      clock: realClock,
      models: keywordModels,
      connectors: systems.connectors,
      reviewQueue: systems.reviewQueue,
    }),
    backtest: backtestPorts({ models: keywordModels, recordedReads: testCase.recordedReads ?? {} }),
    shadow: shadowPorts({ clock: realClock, models: keywordModels, connectors: systems.connectors }),
  };
}

describe("run modes are bundles of ports", () => {
  const compiled = compileGraph(supportTriageGraph);

  it.each(supportTriageTestCases.map((c) => [c.id, c] as const))(
    "%s: the same outcome live, in backtest and in shadow",
    async (_id, testCase) => {
      const ports = bundles(testCase);
      const outcomes = await Promise.all(
        (["live", "backtest", "shadow"] as const).map(
          async (mode) => (await runItem(compiled, testCase.item, { ports: ports[mode] })).outcome,
        ),
      );
      expect(outcomes[1]).toEqual(outcomes[0]);
      expect(outcomes[2]).toEqual(outcomes[0]);
    },
  );

  // trigger ─► notify (connector write) ──ok──► done ; unavailable/error escalate
  const writer = compileGraph(
    graph(
      [
        triggerNode(),
        node(
          "notify",
          "connector",
          { connectorId: "helpdesk", operation: "add_note", kind: "write", input: { note: "item.text" } },
          { escalateUnconnected: ["error"] },
        ),
        node("done", "end"),
      ],
      [edge("trigger", "out", "notify"), edge("notify", "ok", "done")],
    ),
  );

  it("live sends writes; backtest and shadow record them instead, and end the same way", async () => {
    const systems = fakeSystems({});
    const live = await runItem(writer, ticket("hello"), {
      ports: livePorts({
        clock: realClock,
        models: keywordModels,
        connectors: systems.connectors,
        reviewQueue: systems.reviewQueue,
      }),
    });
    expect(systems.calls).toHaveLength(1);

    const shadowSystems = fakeSystems({});
    const shadow = shadowPorts({
      clock: realClock,
      models: keywordModels,
      connectors: shadowSystems.connectors,
    });
    const shadowResult = await runItem(writer, ticket("hello"), { ports: shadow });
    expect(shadowSystems.calls).toHaveLength(0);
    expect(shadow.log.writes).toEqual([
      {
        connectorId: "helpdesk",
        operation: "add_note",
        kind: "write",
        input: { note: "hello" },
        idempotencyKey: "T-1:notify",
      },
    ]);

    const backtest = backtestPorts({ models: keywordModels });
    const backtestResult = await runItem(writer, ticket("hello"), { ports: backtest });
    expect(backtest.log.writes).toHaveLength(1);
    expect(shadowResult.outcome).toEqual(live.outcome);
    expect(backtestResult.outcome).toEqual(live.outcome);
  });

  it("shadow lets reads through to the real system", async () => {
    const testCase = supportTriageTestCases.find((c) => c.id === "enterprise-outage")!;
    const systems = fakeSystems(testCase);
    await runItem(compiled, testCase.item, {
      ports: shadowPorts({ clock: realClock, models: keywordModels, connectors: systems.connectors }),
    });
    expect(systems.calls.map((c) => `${c.connectorId}.${c.operation}:${c.kind}`)).toEqual([
      "crm.get_customer:read",
    ]);
  });

  it("escalations create a review task live, and are only recorded in backtest and shadow", async () => {
    const testCase = supportTriageTestCases.find((c) => c.id === "legal-threat")!;
    const systems = fakeSystems(testCase);
    const live = await runItem(compiled, testCase.item, {
      ports: livePorts({
        clock: realClock,
        models: keywordModels,
        connectors: systems.connectors,
        reviewQueue: systems.reviewQueue,
      }),
    });
    expect(live.reviewTask).toEqual({ taskId: "task-1" });
    expect(systems.tasks[0]).toMatchObject({ queue: "compliance", reasonType: "rule", itemId: "T-1001" });
    const shadow = shadowPorts({ clock: realClock, models: keywordModels, connectors: systems.connectors });
    await runItem(compiled, testCase.item, { ports: shadow });
    expect(systems.tasks).toHaveLength(1);
    expect(shadow.log.reviewTasks).toHaveLength(1);
  });

  it("backtest stands the clock at the item's occurred-at time", async () => {
    const ports = backtestPorts({ models: keywordModels });
    const { trace } = await runItem(compiled, supportTriageTestCases[0]!.item, { ports });
    expect(trace?.startedAt).toBe(Date.parse("2025-03-03T09:15:00Z"));
    expect(ports.clock.now()).toBe(Date.parse("2025-03-03T09:15:00Z"));
  });
});
