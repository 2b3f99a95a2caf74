import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Graph } from "@/lib/engine/graph/graph-schema";
import { classifyNode } from "@/lib/nodes/classify/definition";
import { triggerNode } from "@/lib/nodes/trigger/definition";
import type { Database } from "../../../db/client";
import { createUserWithPassword } from "../../../db/seed/users";
import { appRouter } from "../../../root";
import { openTestDatabase } from "../../../testing/test-database";
import { createCallerFactory } from "../../../trpc";
import { createWorkflow } from "../create-workflow";
import { addTestCase } from "../test-cases";

/*
 * The saved version is the starter graph:  trigger ─► done (end)
 * The unsaved draft routes by topic:
 *   trigger ─► classify ──billing──► route_billing
 *                  ├──technical──► route_tech
 *                  └──low_confidence (unconnected, escalate-if-taken)
 */
const draft: Graph = {
  schemaVersion: 1,
  nodes: [
    { id: "trigger", type: "trigger", position: { x: 0, y: 0 }, config: triggerNode.defaultConfig },
    {
      id: "classify",
      type: "classify",
      position: { x: 1, y: 0 },
      config: classifyNode.defaultConfig,
      escalateUnconnected: ["low_confidence"],
    },
    { id: "route_billing", type: "route", position: { x: 2, y: 0 }, config: { team: "billing" } },
    { id: "route_tech", type: "route", position: { x: 2, y: 1 }, config: { team: "tech" } },
  ],
  edges: [
    { id: "e1", source: "trigger", sourceHandle: "out", target: "classify" },
    { id: "e2", source: "classify", sourceHandle: "billing", target: "route_billing" },
    { id: "e3", source: "classify", sourceHandle: "technical", target: "route_tech" },
  ],
};
const refund = {
  id: "T-1",
  text: "Please refund the double charge on my invoice",
  occurred_at: "2026-01-01T00:00:00Z",
};

let database: Database;
let workflowId: string;
const caller = (role: "owner" | "admin" | "reviewer") =>
  createCallerFactory(appRouter)({
    db: database.db,
    user: { id: `user-${role}`, email: `${role}@test`, name: role, role },
  });

beforeAll(async () => {
  database = await openTestDatabase();
  const ownerId = await createUserWithPassword(database.db, {
    email: "o@test",
    name: "Olga",
    role: "owner",
    password: "password123",
  });
  ({ id: workflowId } = await createWorkflow(database.db, ownerId, { name: "Refunds" }));
  await addTestCase(database.db, workflowId, {
    name: "refunds go to billing",
    item: refund,
    expected: { terminalType: "route", team: "billing" },
  });
});
afterAll(() => database.close());

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("workflows.runDraftTests", () => {
  it("runs the spec against the unsaved draft, not the saved version", async () => {
    const saved = await caller("owner").workflows.runTests({ workflowId });
    expect(saved).toMatchObject({ passed: 0, failed: 1 });

    const report = await caller("owner").workflows.runDraftTests({ workflowId, graph: draft });
    expect(report).toMatchObject({ passed: 1, failed: 0, knownFailures: 0 });
    expect(report.results[0]).toMatchObject({
      name: "refunds go to billing",
      pass: true,
      actual: { type: "route", team: "billing", nodeId: "route_billing" },
    });
  });

  it("reports what differs when the draft gets a case wrong", async () => {
    const misrouted = {
      ...draft,
      nodes: draft.nodes.map((n) => (n.id === "route_billing" ? { ...n, config: { team: "sales" } } : n)),
    };
    const report = await caller("admin").workflows.runDraftTests({ workflowId, graph: misrouted });
    expect(report).toMatchObject({ passed: 0, failed: 1 });
    expect(report.results[0]!.mismatches).toContain('team: expected "billing", got "sales"');
  });

  it("refuses a draft the engine cannot run, listing every problem", async () => {
    const broken: Graph = {
      ...draft,
      nodes: [
        ...draft.nodes,
        { id: "stray", type: "route", position: { x: 3, y: 0 }, config: { team: "x" } },
      ],
      edges: draft.edges.filter((e) => e.id !== "e3"),
    };
    const error = await failure(caller("owner").workflows.runDraftTests({ workflowId, graph: broken }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(
      /^The draft cannot run its test cases until these \d+ problems are fixed: /,
    );
    expect(error.message).toContain('"route_tech"');
    expect(error.message).toContain('"stray"');
  });

  it("refuses a graph that does not fit the graph schema", async () => {
    const malformed = { ...draft, nodes: [{ ...draft.nodes[0]!, id: "not an id" }] };
    const error = await failure(caller("owner").workflows.runDraftTests({ workflowId, graph: malformed }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("answers NOT_FOUND for an unknown workflow and FORBIDDEN to a reviewer", async () => {
    const missing = await failure(
      caller("owner").workflows.runDraftTests({ workflowId: "nope", graph: draft }),
    );
    expect(missing.code).toBe("NOT_FOUND");
    const reviewer = await failure(caller("reviewer").workflows.runDraftTests({ workflowId, graph: draft }));
    expect(reviewer.code).toBe("FORBIDDEN");
  });
});
